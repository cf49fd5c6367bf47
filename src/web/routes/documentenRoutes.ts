import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { FILING_SOORTEN, FILINGS, type FilingSoort } from '../../domain/filings/filingSoorten';
import { generateFiling, loadZaakdocument, loadZaakTeksten, prepareFiling, writeFilingAanvulling, type FilingOpties } from '../../services/filingService';
import type { ZaakOverzichtRij } from '../../services/zaakRegistratie';
import { datumInvoerVeld } from '../../validation/besluitInvoer';
import { keuzeVeld, tekstVeld, type VeldFout } from '../../validation/velden';
import { foutenPerVeld, formulierValidator, readFormulier, validateInvoer, enkel } from '../formulier';
import { paginaContext } from '../paginaContext';

const filingKeuze = z.object({
  soort: keuzeVeld(FILING_SOORTEN, 'soort stuk'),
  dagtekening: datumInvoerVeld().optional(),
  samenhang: z.enum(['ja', 'nee']).optional(),
});

const aanvullingInvoer = z
  .object({
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
  })
  .strict();

/** Mounted at /zaken/:id/documenten, behind loadZaakUitPad: draft filings, the art. 6:5 check, the .docx versions. */
export function documentenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // A filing in a case already filed keeps the filing date; a new filing, and any letter to the client, is dated today.
  const standaardDagtekening = (soort: FilingSoort, zaak: ZaakOverzichtRij) => (FILINGS[soort].art65 && zaak.ingesteld) || deps.vandaag();
  const opties = (keuze: z.output<typeof filingKeuze>, zaak: ZaakOverzichtRij): FilingOpties => ({
    dagtekening: keuze.dagtekening ?? standaardDagtekening(keuze.soort, zaak),
    vandaag: deps.vandaag(),
    samenhang: keuze.samenhang !== 'nee' && zaak.soort === 'bezwaar',
  });

  function renderNieuw(c: Context<AppEnv>, zaak: ZaakOverzichtRij, keuze: z.output<typeof filingKeuze>, fouten: VeldFout[] = [], status: 200 | 422 = 200) {
    const voorbereiding = prepareFiling(deps.db, deps.termijnen, c.get('actor'), zaak, keuze.soort, opties(keuze, zaak));
    const zaakRij = loadZaakTeksten(deps.db, zaak);
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
        samenhang: keuze.samenhang !== 'nee',
        isBezwaar: zaak.soort === 'bezwaar',
        geweigerd: voorbereiding.soort === 'geweigerd' ? voorbereiding : undefined,
        alternatiefTitel: voorbereiding.soort === 'geweigerd' && voorbereiding.alternatief ? FILINGS[voorbereiding.alternatief].titel : undefined,
        ontbrekend: voorbereiding.soort === 'gereed' ? voorbereiding.ontbrekend : [],
        mist: Object.fromEntries((voorbereiding.soort === 'gereed' ? voorbereiding.ontbrekend : []).map((o) => [o.veld, true])),
        gegevens: voorbereiding.soort === 'gereed' ? voorbereiding.gegevens : undefined,
        voorbeeld: voorbereiding.soort === 'gereed' ? deps.filings.renderHtml(voorbereiding.gegevens) : undefined,
        teLaat: voorbereiding.soort === 'gereed' && voorbereiding.gegevens.teLaat,
        zaakGronden: zaakRij.gronden,
        zaakSpoed: zaakRij.spoedeisendBelang,
        fouten: foutenPerVeld(fouten),
        foutLijst: fouten,
      }),
      status,
    );
  }

  app.get('/nieuw', (c) => {
    const zaak = c.get('zaak');
    const keuze = validateInvoer(filingKeuze, {
      soort: c.req.query('soort') ?? (zaak.soort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift'),
      dagtekening: c.req.query('dagtekening') || undefined,
      samenhang: c.req.query('samenhang') || undefined,
    });
    if (!keuze.ok)
      return c.html(
        deps.weergave.render('fout', { ...paginaContext(c, 'zaken'), titel: 'Onbekend stuk', melding: keuze.fouten.map((f) => f.melding).join('; ') }),
        400,
      );
    return renderNieuw(c, zaak, keuze.data);
  });

  // Art. 6:5 Awb: what is missing can be filled in on the spot; it is saved with the case and the zorgaanbieder.
  app.post('/aanvulling', async (c) => {
    const zaak = c.get('zaak');
    const { waarden, fouten } = await readFormulier(c);
    const keuze = validateInvoer(filingKeuze, {
      soort: enkel(waarden.soort),
      dagtekening: enkel(waarden.dagtekening) || undefined,
      samenhang: enkel(waarden.samenhang) || undefined,
    });
    if (!keuze.ok)
      return c.html(
        deps.weergave.render('fout', { ...paginaContext(c, 'zaken'), titel: 'Onbekend stuk', melding: keuze.fouten.map((f) => f.melding).join('; ') }),
        400,
      );
    const aanvulling = fouten.length
      ? ({ ok: false, fouten } as const)
      : validateInvoer(
          aanvullingInvoer,
          Object.fromEntries(
            ['indienerAdres', 'indienerPostcode', 'indienerPlaats', 'gronden', 'spoedeisendBelang']
              .filter((k) => waarden[k] !== undefined)
              .map((k) => [k, enkel(waarden[k])]),
          ),
        );
    if (!aanvulling.ok) return renderNieuw(c, zaak, keuze.data, aanvulling.fouten, 422);
    writeFilingAanvulling(deps.db, c.get('actor'), zaak, aanvulling.data);
    const q = new URLSearchParams({ soort: keuze.data.soort, ...(keuze.data.dagtekening ? { dagtekening: keuze.data.dagtekening } : {}) });
    return c.redirect(`/zaken/${zaak.id}/documenten/nieuw?${q}`, 303);
  });

  const onbekendStuk = (c: Context<AppEnv>, fouten: VeldFout[], status: 400 | 422) =>
    c.html(deps.weergave.render('fout', { ...paginaContext(c, 'zaken'), titel: 'Onbekend stuk', melding: fouten.map((f) => f.melding).join('; ') }), status);
  const keuzeUitFormulier = (w: Record<string, string | string[]>) => ({
    soort: enkel(w.soort),
    dagtekening: enkel(w.dagtekening) || undefined,
    samenhang: enkel(w.samenhang) || undefined,
  });

  app.post(
    '/',
    formulierValidator(filingKeuze, (c, fouten) => onbekendStuk(c, fouten, 422), keuzeUitFormulier),
    async (c) => {
      const zaak = c.get('zaak');
      const keuze = c.req.valid('form').invoer;
      const resultaat = await generateFiling(deps.db, deps.termijnen, deps.filings, c.get('actor'), zaak, keuze.soort, opties(keuze, zaak));
      if (!resultaat.ok) return renderNieuw(c, zaak, keuze, [], 422);
      return c.redirect(`/zaken/${zaak.id}?klaar=stuk#stukken`, 303);
    },
  );

  // A stored version, byte for byte as it was generated.
  app.get('/:documentId', (c) => {
    const zaak = c.get('zaak');
    const documentId = Number(c.req.param('documentId'));
    const document = Number.isSafeInteger(documentId) ? loadZaakdocument(deps.db, zaak.id, documentId) : undefined;
    if (!document) return c.notFound();
    return c.body(new Uint8Array(document.docx), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${document.bestandsnaam}"`,
    });
  });
  return app;
}
