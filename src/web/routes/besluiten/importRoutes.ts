import { inMb, STANDAARD_GRENZEN } from '../../verzoekGrenzen';
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { CONTRACTEERRUIMTE_KOLOMMEN, writeContracteerruimteImport } from '../../../import/contracteerruimteImport';
import { TARIEFBESCHIKKING_KOLOMMEN, writeTariefbeschikkingImport } from '../../../import/tariefbeschikkingImport';
import { checkImportBestand } from '../../../import/importBestand';
import { createWachtendeImports, type ImportSoort } from '../../../import/wachtendeImports';
import type { RijFout } from '../../../import/importUitkomst';
import { paginaContext } from '../../paginaContext';
import { can } from '../../../services/toegang/permissies';

const MAX_GETOONDE_FOUTEN = 500;

export function importRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const wachtend = createWachtendeImports();

  // The limit the page states is the one the server applies (issue 30.8): MAX_UPLOAD_MB.
  const maxUpload = inMb((deps.grenzen ?? STANDAARD_GRENZEN).uploadBytes);
  const isHtmx = (c: Context) => c.req.header('HX-Request') === 'true';
  const render = (c: Context<AppEnv>, data: Record<string, unknown>, status: 200 | 403 | 413 | 422 = 200) =>
    isHtmx(c)
      ? c.html(deps.weergave.render('importResultaat', data, { fragment: true }), status)
      : c.html(deps.weergave.render('import', { ...paginaContext(c, 'importeren'), titel: 'Importeren', maxUpload, ...data, resultaat: true }), status);

  app.get('/', (c) =>
    c.html(
      deps.weergave.render('import', {
        ...paginaContext(c, 'importeren'),
        titel: 'Importeren',
        maxUpload,
        crKolommen: CONTRACTEERRUIMTE_KOLOMMEN.join(';'),
        tbKolommen: TARIEFBESCHIKKING_KOLOMMEN.join(';'),
        // Only who may register contracteerruimtebesluiten (the NZa) is offered their import.
        magContracteerruimte: can(c.get('actor'), 'contracteerruimte.registreren'),
      }),
    ),
  );

  const maxBytes = (deps.grenzen ?? STANDAARD_GRENZEN).uploadBytes;
  const check = (c: Context<AppEnv>, soort: ImportSoort, upload: { bytes: Uint8Array; blad?: string | undefined }) =>
    checkImportBestand(deps.db, c.get('actor'), soort, upload, { maxBytes, vandaag: deps.vandaag() });

  // The body limit (MAX_UPLOAD_MB, 413) is src/web/verzoekGrenzen.ts's, before the CSRF check reads the form; the same
  // limit holds for what an .xlsx unpacks to (src/csv/zipControle.ts).
  app.post('/voorbeeld', async (c) => {
    const form = await c.req.parseBody();
    const actor = c.get('actor');
    const fout = (melding: string) => render(c, { fouten: [{ rij: 1, veld: 'bestand', melding }] }, 422);
    // Another worksheet of an upload already checked: the bytes are still held, under the preview's token.
    const eerder = typeof form.upload === 'string' ? wachtend.take(form.upload, actor.gebruikerId) : undefined;
    if (typeof form.upload === 'string' && !eerder) return fout('deze controle is verlopen of al gebruikt; upload het bestand opnieuw');
    const soortVeld = eerder?.soort ?? form.soort;
    const soort: ImportSoort | undefined = soortVeld === 'contracteerruimte' || soortVeld === 'tariefbeschikkingen' ? soortVeld : undefined;
    const bestand = form.bestand;
    if (!soort) return fout('kies wat u importeert');
    if (soort === 'contracteerruimte' && !can(actor, 'contracteerruimte.registreren')) {
      return render(
        c,
        {
          fouten: [
            { rij: 1, veld: 'soort', melding: 'alleen de NZa registreert contracteerruimtebesluiten; importeer de tariefbeschikkingen van uw cliënten' },
          ],
        },
        403,
      );
    }
    if (!eerder && (!(bestand instanceof File) || bestand.size === 0)) return fout('kies een CSV- of Excel-bestand (.csv of .xlsx)');
    const upload = eerder
      ? { bytes: eerder.bytes, bestandsnaam: eerder.bestandsnaam }
      : { bytes: new Uint8Array(await (bestand as File).arrayBuffer()), bestandsnaam: (bestand as File).name };
    const blad = typeof form.blad === 'string' && form.blad !== '' ? form.blad : undefined;
    const uitkomst = await check(c, soort, { bytes: upload.bytes, blad });
    const magImporteren = uitkomst.fouten.length === 0 && uitkomst.nieuw.length > 0;
    // Held for the import, and for picking another worksheet of a workbook with several.
    const token =
      magImporteren || uitkomst.bladen.length > 1
        ? wachtend.save({ soort, bytes: upload.bytes, blad: uitkomst.blad, bestandsnaam: upload.bestandsnaam, gebruikerId: actor.gebruikerId })
        : undefined;
    return render(
      c,
      {
        soort,
        bestandsnaam: upload.bestandsnaam,
        bron: uitkomst.bron,
        bladKeuze:
          token && uitkomst.bladen.length > 1 ? { token, bladen: uitkomst.bladen.map((naam) => ({ naam, gekozen: naam === uitkomst.blad })) } : undefined,
        aantalRijen: uitkomst.aantalRijen,
        aantalNieuw: uitkomst.nieuw.length,
        ongewijzigd: uitkomst.ongewijzigd.length,
        fouten: uitkomst.fouten.slice(0, MAX_GETOONDE_FOUTEN),
        meerFouten: Math.max(0, uitkomst.fouten.length - MAX_GETOONDE_FOUTEN),
        nieuweZorgaanbieders: uitkomst.nieuweZorgaanbieders ?? [],
        token: magImporteren ? token : undefined,
      },
      uitkomst.fouten.length ? 422 : 200,
    );
  });

  app.post('/uitvoeren', async (c) => {
    const form = await c.req.parseBody();
    const actor = c.get('actor');
    const w = typeof form.token === 'string' ? wachtend.take(form.token, actor.gebruikerId) : undefined;
    if (!w) return render(c, { fouten: [{ rij: 1, veld: 'bestand', melding: 'deze controle is verlopen of al gebruikt; upload het bestand opnieuw' }] }, 422);
    // Check again right before writing: nothing in the database may have changed what the preview promised.
    const uitkomst = await check(c, w.soort, w);
    if (uitkomst.fouten.length)
      return render(
        c,
        { soort: w.soort, bestandsnaam: w.bestandsnaam, bron: uitkomst.bron, fouten: uitkomst.fouten.slice(0, MAX_GETOONDE_FOUTEN) as RijFout[] },
        422,
      );
    // New clients are created only when the user ticked the confirmation listing them (issue 14).
    const nieuweZorgaanbieders = uitkomst.nieuweZorgaanbieders ?? [];
    if (nieuweZorgaanbieders.length && form.nieuweZorgaanbieders !== 'bevestigd') {
      return render(
        c,
        {
          soort: w.soort,
          bestandsnaam: w.bestandsnaam,
          bron: uitkomst.bron,
          aantalRijen: uitkomst.aantalRijen,
          aantalNieuw: uitkomst.nieuw.length,
          ongewijzigd: uitkomst.ongewijzigd.length,
          fouten: [],
          nieuweZorgaanbieders,
          bevestigingOntbreekt: true,
          token: wachtend.save({ soort: w.soort, bytes: w.bytes, blad: w.blad, bestandsnaam: w.bestandsnaam, gebruikerId: actor.gebruikerId }),
        },
        422,
      );
    }
    const geschreven =
      w.soort === 'contracteerruimte'
        ? writeContracteerruimteImport(deps.db, actor, uitkomst.nieuw as Parameters<typeof writeContracteerruimteImport>[2])
        : writeTariefbeschikkingImport(
            deps.db,
            actor,
            uitkomst.nieuw as Parameters<typeof writeTariefbeschikkingImport>[2],
            new Set(nieuweZorgaanbieders.map((z) => z.kvk)),
          );
    return render(c, { klaar: true, soort: w.soort, bestandsnaam: w.bestandsnaam, geschreven, ongewijzigd: uitkomst.ongewijzigd.length });
  });
  return app;
}
