import { inMb, STANDAARD_GRENZEN } from '../verzoekGrenzen';
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { CONTRACTEERRUIMTE_KOLOMMEN, previewContracteerruimteImport, writeContracteerruimteImport } from '../../import/contracteerruimteImport';
import { previewTariefbeschikkingImport, TARIEFBESCHIKKING_KOLOMMEN, writeTariefbeschikkingImport } from '../../import/tariefbeschikkingImport';
import { createWachtendeImports, type ImportSoort } from '../../import/wachtendeImports';
import type { RijFout } from '../../import/importUitkomst';
import { paginaContext } from '../paginaContext';
import { can } from '../../services/permissies';

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

  function preview(c: Context<AppEnv>, soort: ImportSoort, tekst: string) {
    return soort === 'contracteerruimte'
      ? previewContracteerruimteImport(deps.db, tekst)
      : previewTariefbeschikkingImport(deps.db, c.get('actor'), tekst, deps.vandaag());
  }

  // The body limit (MAX_UPLOAD_MB, 413) is src/web/verzoekGrenzen.ts's, before the CSRF check reads the form.
  app.post('/voorbeeld', async (c) => {
    const form = await c.req.parseBody();
    const soort: ImportSoort | undefined = form.soort === 'contracteerruimte' || form.soort === 'tariefbeschikkingen' ? form.soort : undefined;
    const bestand = form.bestand;
    const fout = (melding: string) => render(c, { fouten: [{ rij: 1, veld: 'bestand', melding }] }, 422);
    if (!soort) return fout('kies wat u importeert');
    if (soort === 'contracteerruimte' && !can(c.get('actor'), 'contracteerruimte.registreren')) {
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
    if (!(bestand instanceof File) || bestand.size === 0) return fout('kies een CSV-bestand');
    const bytes = new Uint8Array(await bestand.arrayBuffer());
    let tekst: string;
    try {
      tekst = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fout('het bestand is geen UTF-8-tekst; sla het op als "CSV UTF-8"');
    }
    const uitkomst = preview(c, soort, tekst);
    const token =
      uitkomst.fouten.length === 0 && uitkomst.nieuw.length > 0
        ? wachtend.save({ soort, tekst, bestandsnaam: bestand.name, gebruikerId: c.get('actor').gebruikerId })
        : undefined;
    return render(
      c,
      {
        soort,
        bestandsnaam: bestand.name,
        aantalRijen: uitkomst.aantalRijen,
        aantalNieuw: uitkomst.nieuw.length,
        ongewijzigd: uitkomst.ongewijzigd.length,
        fouten: uitkomst.fouten.slice(0, MAX_GETOONDE_FOUTEN),
        meerFouten: Math.max(0, uitkomst.fouten.length - MAX_GETOONDE_FOUTEN),
        nieuweZorgaanbieders: uitkomst.nieuweZorgaanbieders ?? [],
        token,
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
    const uitkomst = preview(c, w.soort, w.tekst);
    if (uitkomst.fouten.length)
      return render(c, { soort: w.soort, bestandsnaam: w.bestandsnaam, fouten: uitkomst.fouten.slice(0, MAX_GETOONDE_FOUTEN) as RijFout[] }, 422);
    // New clients are created only when the user ticked the confirmation listing them (issue 14).
    const nieuweZorgaanbieders = uitkomst.nieuweZorgaanbieders ?? [];
    if (nieuweZorgaanbieders.length && form.nieuweZorgaanbieders !== 'bevestigd') {
      return render(
        c,
        {
          soort: w.soort,
          bestandsnaam: w.bestandsnaam,
          aantalRijen: uitkomst.aantalRijen,
          aantalNieuw: uitkomst.nieuw.length,
          ongewijzigd: uitkomst.ongewijzigd.length,
          fouten: [],
          nieuweZorgaanbieders,
          bevestigingOntbreekt: true,
          token: wachtend.save({ soort: w.soort, tekst: w.tekst, bestandsnaam: w.bestandsnaam, gebruikerId: actor.gebruikerId }),
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
