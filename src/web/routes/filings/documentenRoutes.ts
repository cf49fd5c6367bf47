import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../appContext';
import { contentDisposition, DOCX } from '../../bestandKoppen';
import { FILING_SOORTEN, FILINGS, type FilingSoort } from '../../../domain/filings/filingSoorten';
import {
  generateFiling,
  loadZaakdocument,
  loadZaakTeksten,
  prepareFiling,
  writeFilingAanvulling,
  type FilingAanvulling,
  type FilingOpties,
} from '../../../services/filings/filingService';
import { loadOndertekenaars, loadStukgegevens } from '../../../services/filings/filingBronnen';
import { recordStukTermijn } from '../../../services/filings/stukTermijnen';
import { InvoerFout } from '../../../services/gedeeld/invoerFout';
import { type ZaakOverzichtRij } from '../../../services/zaken/zaakOverzicht';
import { loadClienten } from '../../../services/zaken/clientService';
import { datumInvoerVeld } from '../../../validation/besluitInvoer';
import { keuzeVeld, tekstVeld, type VeldFout } from '../../../validation/velden';
import { foutenPerVeld, readFormulier, validateInvoer, enkel } from '../../formulier';
import { paginaContext } from '../../paginaContext';

const filingKeuze = z.object({
  soort: keuzeVeld(FILING_SOORTEN, 'soort stuk'),
  dagtekening: datumInvoerVeld().optional(),
  samenhang: z.enum(['ja', 'nee']).optional(),
});

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const janee = z.enum(['ja', 'nee']).transform((v) => v === 'ja');

const aanvullingInvoer = z
  .object({
    zorgaanbiederId: id.optional(),
    indienerAdres: tekstVeld(200).optional(),
    indienerPostcode: z
      .string()
      .trim()
      .regex(/^\d{4}\s?[A-Za-z]{2}$/, { error: 'vul een postcode in als 1234 AB' })
      .transform((p) => `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`)
      .optional(),
    indienerPlaats: tekstVeld(100).optional(),
    gronden: z.string().max(50_000, { error: 'is te lang (meer dan 50.000 tekens)' }).optional(),
    spoedeisendBelang: z.string().max(20_000, { error: 'is te lang (meer dan 20.000 tekens)' }).optional(),
    ondertekenaarId: id.optional(),
    vertegenwoordiging: z.enum(['advocaat', 'anders'], { error: 'kies advocaat of andere gemachtigde' }).optional(),
    volmachtInBezwaar: janee.optional(),
    verschoonbaarheid: z.string().max(20_000, { error: 'is te lang (meer dan 20.000 tekens)' }).optional(),
    rechtstreeksBeroep: janee.optional(),
    aanvullendeGronden: z.string().max(50_000, { error: 'is te lang (meer dan 50.000 tekens)' }).optional(),
    belangenafweging: z.string().max(20_000, { error: 'is te lang (meer dan 20.000 tekens)' }).optional(),
    gelijktijdigBeroep: janee.optional(),
    kortsluiting: janee.optional(),
    bijlagen: z
      .string()
      .max(5_000, { error: 'is te lang (meer dan 5.000 tekens)' })
      .transform((t) =>
        t
          .split(/\r?\n/)
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .optional(),
    alineaSleutel: z
      .string()
      .regex(/^[a-z-]{1,40}$/)
      .optional(),
    alineaOrigineel: z.string().max(20_000).optional(),
    alineaTekst: z.string().max(20_000, { error: 'is te lang (meer dan 20.000 tekens)' }).optional(),
  })
  .strict();

const termijnInvoer = z.discriminatedUnion('termijnSoort', [
  z.object({ termijnSoort: z.literal('hersteltermijn'), brief: datumInvoerVeld(), einde: datumInvoerVeld() }).strict(),
  z.object({ termijnSoort: z.literal('griffierecht'), brief: datumInvoerVeld() }).strict(),
]);

const VELDEN = [...Object.keys(aanvullingInvoer.shape)];

/** Mounted at /zaken/:id/documenten, behind loadZaakUitPad: the filing wizard, the art. 6:5 check, the .docx versions. */
export function documentenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // A filing in a case already filed keeps the filing date; a new filing, and any letter to the client, is dated today.
  const standaardDagtekening = (soort: FilingSoort, zaak: ZaakOverzichtRij) =>
    (FILINGS[soort].art65 && soort !== 'aanvullende-gronden' && soort !== 'voorlopige-voorziening' && soort !== 'brief-6-19' && zaak.ingesteld) ||
    deps.vandaag();
  const opties = (keuze: z.output<typeof filingKeuze>, zaak: ZaakOverzichtRij): FilingOpties => ({
    dagtekening: keuze.dagtekening ?? standaardDagtekening(keuze.soort, zaak),
    vandaag: deps.vandaag(),
    samenhang: keuze.samenhang !== 'nee' && zaak.soort === 'bezwaar',
    griffierechtTarieven: deps.griffierechtTarieven ?? [],
  });

  function renderNieuw(
    c: Context<AppEnv>,
    zaak: ZaakOverzichtRij,
    keuze: z.output<typeof filingKeuze>,
    fouten: VeldFout[] = [],
    status: 200 | 409 | 422 = 200,
    melding?: string,
  ) {
    const actor = c.get('actor');
    const voorbereiding = prepareFiling(deps.db, deps.termijnen, actor, zaak, keuze.soort, opties(keuze, zaak));
    const zaakRij = loadZaakTeksten(deps.db, zaak);
    const stuk = loadStukgegevens(deps.db, zaak.id);
    const gereed = voorbereiding.soort === 'gereed' ? voorbereiding : undefined;
    const gegevens = gereed?.gegevens;
    const ondertekenaars = loadOndertekenaars(deps.db, zaak.organisatieId);
    const alternatief = voorbereiding.soort === 'geweigerd' ? voorbereiding.alternatief : undefined;
    return c.html(
      deps.weergave.render('filingNieuw', {
        ...paginaContext(c, 'zaken'),
        titel: FILINGS[keuze.soort].titel,
        zaak,
        soort: keuze.soort,
        definitie: FILINGS[keuze.soort],
        keuzes: FILING_SOORTEN.filter((s) => FILINGS[s].zaak === zaak.soort || FILINGS[s].zaak === 'beide').map((s) => ({
          soort: s,
          titel: FILINGS[s].titel,
          actief: s === keuze.soort,
        })),
        dagtekening: keuze.dagtekening ?? standaardDagtekening(keuze.soort, zaak),
        dagtekeningInvoer: (keuze.dagtekening ?? standaardDagtekening(keuze.soort, zaak)).split('-').reverse().join('-'),
        samenhang: keuze.samenhang !== 'nee',
        isBezwaar: zaak.soort === 'bezwaar',
        isBeroep: zaak.soort === 'beroep',
        isVovo: keuze.soort === 'voorlopige-voorziening',
        isAanvullend: keuze.soort === 'aanvullende-gronden',
        geweigerd: voorbereiding.soort === 'geweigerd' ? voorbereiding : undefined,
        alternatiefSoort: alternatief && 'soort' in alternatief ? alternatief.soort : undefined,
        alternatiefTitel: alternatief && 'soort' in alternatief ? FILINGS[alternatief.soort].titel : undefined,
        bezwaarzaakTegen: alternatief && 'bezwaarzaakTegen' in alternatief ? alternatief.bezwaarzaakTegen : undefined,
        tariefbeschikkingId: zaak.tariefbeschikkingId ?? undefined,
        ontbrekend: gereed?.ontbrekend ?? [],
        mist: Object.fromEntries((gereed?.ontbrekend ?? []).map((o) => [o.veld, true])),
        gegevens,
        twijfels: gegevens?.twijfels ?? [],
        voorbeeld: gereed && gegevens?.indiener ? deps.filings.renderHtml(gereed.gegevens, gereed.bewerkingen) : undefined,
        // Each paragraph with the facts it states and their sources (issue 29.1).
        alineas:
          gereed && gegevens?.indiener
            ? deps.filings.listAlineas(gereed.gegevens, gereed.bewerkingen).map((a) => ({
                ...a,
                feiten: gegevens.feiten.filter((f) => a.gegenereerd.includes(f.waarde)),
              }))
            : [],
        feiten: gegevens?.feiten ?? [],
        teLaat: gegevens?.teLaat ?? false,
        vroeg: gegevens?.tijdigheid === 'vroeg',
        clienten: loadClienten(deps.db, actor).map((k) => ({ ...k, gekozen: k.id === gegevens?.indiener?.id })),
        ondertekenaars: ondertekenaars.map((o) => ({ ...o, gekozen: o.naam === gegevens?.ondertekenaar })),
        isAdvocaat: gegevens?.vertegenwoordiging.soort === 'advocaat',
        stuk,
        bijlagenTekst: stuk.bijlagen.join('\n'),
        zaakGronden: zaakRij.gronden,
        zaakSpoed: zaakRij.spoedeisendBelang,
        fouten: foutenPerVeld(fouten),
        foutLijst: fouten,
        melding,
      }),
      status,
    );
  }

  const onbekendStuk = (c: Context<AppEnv>, fouten: VeldFout[], status: 400 | 422) =>
    c.html(deps.weergave.render('fout', { ...paginaContext(c, 'zaken'), titel: 'Onbekend stuk', melding: fouten.map((f) => f.melding).join('; ') }), status);
  const keuzeUit = (w: Record<string, string | string[] | undefined>) =>
    validateInvoer(filingKeuze, { soort: enkel(w.soort), dagtekening: enkel(w.dagtekening) || undefined, samenhang: enkel(w.samenhang) || undefined });

  app.get('/nieuw', (c) => {
    const zaak = c.get('zaak');
    const q = c.req.query();
    const keuze = keuzeUit({ ...q, soort: q.soort ?? (zaak.soort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift') });
    if (!keuze.ok) return onbekendStuk(c, keuze.fouten, 400);
    return renderNieuw(c, zaak, keuze.data, [], 200, q.bewaard === '1' ? 'Gegevens bewaard; het voorbeeld is bijgewerkt.' : undefined);
  });

  // Art. 6:5 Awb and the wizard's choices: what is missing is filled in on the spot and saved with the case.
  app.post('/aanvulling', async (c) => {
    const zaak = c.get('zaak');
    const { waarden, fouten } = await readFormulier(c);
    const keuze = keuzeUit(waarden);
    if (!keuze.ok) return onbekendStuk(c, keuze.fouten, 400);
    const aanvulling = fouten.length
      ? ({ ok: false, fouten } as const)
      : validateInvoer(aanvullingInvoer, Object.fromEntries(VELDEN.filter((k) => waarden[k] !== undefined).map((k) => [k, enkel(waarden[k])])));
    if (!aanvulling.ok) return renderNieuw(c, zaak, keuze.data, aanvulling.fouten, 422);
    const { alineaSleutel, alineaOrigineel, alineaTekst, ...rest } = aanvulling.data;
    const invoer: FilingAanvulling = {
      ...rest,
      ...(alineaSleutel && alineaTekst !== undefined
        ? { bewerking: { soort: keuze.data.soort, sleutel: alineaSleutel, origineel: alineaOrigineel ?? '', tekst: alineaTekst } }
        : {}),
    };
    const resultaat = writeFilingAanvulling(deps.db, c.get('actor'), zaak, invoer);
    if (!resultaat.ok) return renderNieuw(c, zaak, keuze.data, resultaat.fouten, 422);
    const q = new URLSearchParams({
      soort: keuze.data.soort,
      ...(keuze.data.dagtekening ? { dagtekening: keuze.data.dagtekening } : {}),
      ...(keuze.data.samenhang ? { samenhang: keuze.data.samenhang } : {}),
      bewaard: '1',
    });
    return c.redirect(`/zaken/${zaak.id}/documenten/nieuw?${q}${alineaSleutel ? `#alinea-${alineaSleutel}` : ''}`, 303);
  });

  // The griffier's hersteltermijn (art. 6:6 Awb) or griffierecht notice (art. 8:41 lid 5 Awb): a term with reminders.
  app.post('/termijn', async (c) => {
    const zaak = c.get('zaak');
    const { waarden, fouten } = await readFormulier(c);
    const keuze = keuzeUit({ soort: enkel(waarden.soort) ?? 'aanvullende-gronden' });
    if (!keuze.ok) return onbekendStuk(c, keuze.fouten, 400);
    const invoer = fouten.length
      ? ({ ok: false, fouten } as const)
      : validateInvoer(
          termijnInvoer,
          Object.fromEntries(['termijnSoort', 'brief', 'einde'].filter((k) => waarden[k] !== undefined).map((k) => [k, enkel(waarden[k])])),
        );
    if (!invoer.ok) return renderNieuw(c, zaak, keuze.data, invoer.fouten, 422);
    try {
      recordStukTermijn(
        deps.db,
        c.get('actor'),
        zaak,
        invoer.data.termijnSoort === 'hersteltermijn'
          ? { soort: 'hersteltermijn', brief: invoer.data.brief, einde: invoer.data.einde }
          : { soort: 'griffierecht', brief: invoer.data.brief },
        deps.termijnen.config.kalender,
      );
    } catch (e) {
      if (e instanceof InvoerFout) return renderNieuw(c, zaak, keuze.data, e.fouten, 422);
      throw e;
    }
    return c.redirect(`/zaken/${zaak.id}#termijnen-griffie`, 303);
  });

  // "Word-document maken": stored as the next version and downloaded at once (attachment), the page stays.
  app.post('/', async (c) => {
    const zaak = c.get('zaak');
    const { waarden } = await readFormulier(c);
    const keuze = keuzeUit(waarden);
    if (!keuze.ok) return onbekendStuk(c, keuze.fouten, 422);
    const resultaat = await generateFiling(deps.db, deps.termijnen, deps.filings, c.get('actor'), zaak, keuze.data.soort, opties(keuze.data, zaak));
    if (!resultaat.ok) return renderNieuw(c, zaak, keuze.data, [], resultaat.voorbereiding.soort === 'geweigerd' ? 409 : 422);
    return c.body(new Uint8Array(resultaat.docx), 200, {
      'Content-Type': DOCX,
      'Content-Disposition': contentDisposition(resultaat.bestandsnaam),
      'X-Versie': String(resultaat.versie),
    });
  });

  // A stored version, byte for byte as it was generated.
  app.get('/:documentId', (c) => {
    const zaak = c.get('zaak');
    const documentId = Number(c.req.param('documentId'));
    const document = Number.isSafeInteger(documentId) ? loadZaakdocument(deps.db, zaak.id, documentId) : undefined;
    if (!document) return c.notFound();
    return c.body(new Uint8Array(document.docx), 200, { 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(document.bestandsnaam) });
  });
  return app;
}
