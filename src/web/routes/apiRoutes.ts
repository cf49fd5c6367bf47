import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { toTermijnUitkomstJson } from '../../domain/termijnen/termijnUitkomstJson';
import { createContracteerruimtebesluit, createTariefbeschikking } from '../../services/besluitRegistratie';
import { loadZaak, loadZaken } from '../../services/zaakRegistratie';
import { renderFiling } from '../../services/filingService';
import { FILING_SOORTEN, type FilingSoort } from '../../domain/filings/filingSoorten';
import { contentDisposition, DOCX } from './documentenRoutes';
import { contracteerruimtebesluitInvoer, tariefbeschikkingInvoer } from '../../validation/besluitInvoer';
import type { VeldFout } from '../../validation/velden';
import { validateInvoer } from '../formulier';
import { parseOverzichtFilter } from './overzichtRoutes';
import { matchZorgaanbieder } from '../../services/termijnOverzicht';
import { findBesluitTermijnen } from '../../services/termijnService';

const fouten = (c: Context, lijst: VeldFout[], status: 400 | 404 | 413 | 422) => c.json({ fouten: lijst }, status);

/** JSON API v1: the same data, validation and error format ({fouten: [{veld, melding}]}) as the CLI and the forms. */
export function apiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/termijnen', (c) => {
    const parsed = parseOverzichtFilter(deps, c.req.query());
    if (!parsed.success)
      return fouten(
        c,
        parsed.error.issues.map((i) => ({ veld: i.path.join('.'), melding: i.message })),
        400,
      );
    const { peildatum: gekozen, regio, jaar, rechtsmiddel, zorgaanbieder } = parsed.data;
    const peildatum = gekozen ?? deps.vandaag();
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), peildatum);
    const past = (x: { regio: string; jaar: number; besluit: string; besluitType: string; rechtsmiddel?: string; partij?: string | undefined }) =>
      (!regio || x.regio === regio) &&
      (!jaar || x.jaar === jaar) &&
      (!rechtsmiddel || x.rechtsmiddel === rechtsmiddel) &&
      (!zorgaanbieder || matchZorgaanbieder(x.partij ?? berekend.tariefbeschikkingen.get(x.besluit)?.zorgaanbieder, zorgaanbieder));
    const json = toTermijnUitkomstJson(
      {
        termijnen: berekend.uitkomst.termijnen.filter(past),
        uitsluitingen: berekend.uitkomst.uitsluitingen.filter(past),
        status: berekend.uitkomst.status.filter((s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar)),
        partijStatus: berekend.uitkomst.partijStatus.filter(
          (s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar) && (!zorgaanbieder || matchZorgaanbieder(s.partij, zorgaanbieder)),
        ),
        waarschuwingen: berekend.uitkomst.waarschuwingen,
      },
      deps.termijnen.config,
    );
    return c.json({ peildatum, ...json });
  });

  app.get('/besluiten', (c) => {
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag());
    const cr = new Map<
      number,
      { kenmerk: string; soort: string; besluitdatum: string; bekendgemaakt: string; bedragen: { regio: string; jaar: number; bedragCenten: number }[] }
    >();
    for (const r of berekend.contracteerruimte) {
      const besluit = cr.get(r.id) ?? { kenmerk: r.kenmerk, soort: r.soort, besluitdatum: r.besluitdatum, bekendgemaakt: r.bekendgemaakt, bedragen: [] };
      besluit.bedragen.push({ regio: r.regio, jaar: r.jaar, bedragCenten: r.bedragCenten });
      cr.set(r.id, besluit);
    }
    return c.json({
      contracteerruimtebesluiten: [...cr.entries()].map(([id, b]) => ({ id, type: 'contracteerruimte', ...b })),
      tariefbeschikkingen: [...berekend.tariefbeschikkingen.values()]
        .sort((a, b) => a.id - b.id)
        .map((t) => ({
          id: t.id,
          type: 'tariefbeschikking',
          kenmerk: t.kenmerk,
          zorgaanbieder: t.zorgaanbieder,
          regio: t.regio,
          jaar: t.jaar,
          soort: t.soort,
          besluitdatum: t.besluitdatum,
          bekendgemaakt: t.bekendgemaakt,
        })),
    });
  });

  const besluitBody = z
    .object({ type: z.enum(['contracteerruimte', 'tariefbeschikking'], { error: 'verwacht "contracteerruimte" of "tariefbeschikking"' }) })
    .loose();

  app.post(
    '/besluiten',
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => fouten(c, [{ veld: 'invoer', melding: 'het verzoek is groter dan 1 MB' }], 413) }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return fouten(c, [{ veld: 'invoer', melding: 'geen geldige JSON' }], 400);
      }
      const soort = validateInvoer(besluitBody, body);
      if (!soort.ok) return fouten(c, soort.fouten, 422);
      const { type, ...rest } = soort.data;
      const actor = c.get('actor');
      const resultaat =
        type === 'contracteerruimte'
          ? (() => {
              const v = validateInvoer(contracteerruimtebesluitInvoer, rest);
              return v.ok ? createContracteerruimtebesluit(deps.db, actor, v.data, deps.vandaag()) : v;
            })()
          : (() => {
              const v = validateInvoer(tariefbeschikkingInvoer, rest);
              return v.ok ? createTariefbeschikking(deps.db, actor, v.data, deps.vandaag()) : v;
            })();
      if (!resultaat.ok) return fouten(c, resultaat.fouten, 422);
      const kenmerk = (rest as { kenmerk: string }).kenmerk.trim();
      const { termijnen, uitsluitingen } = findBesluitTermijnen(deps.termijnen.computeVoorActor(actor, deps.vandaag()), type, kenmerk);
      const json = toTermijnUitkomstJson({ termijnen, uitsluitingen, status: [] }, deps.termijnen.config);
      return c.json({ id: resultaat.id, type, kenmerk, termijnen: json.termijnen, uitsluitingen: json.uitsluitingen }, 201);
    },
  );

  app.get('/zaken', (c) => c.json({ zaken: loadZaken(deps.db, c.get('actor')) }));

  // The filing as the wizard would make it from the case's current data (issue 13, point 10): nothing is stored.
  app.get('/zaken/:id/stukken/:bestand', async (c) => {
    const actor = c.get('actor');
    const zaakId = Number(c.req.param('id'));
    const zaak = Number.isSafeInteger(zaakId) && zaakId > 0 ? loadZaak(deps.db, actor, zaakId) : undefined;
    if (!zaak) return c.json({ fout: 'deze zaak bestaat niet of is niet van uw organisatie' }, 404);
    const soort = /^(.+)\.docx$/.exec(c.req.param('bestand'))?.[1];
    if (!soort || !(FILING_SOORTEN as readonly string[]).includes(soort)) {
      return c.json({ fout: `onbekend stuk; kies uit ${FILING_SOORTEN.map((s) => `${s}.docx`).join(', ')}` }, 404);
    }
    const vandaag = deps.vandaag();
    const gemaakt = await renderFiling(deps.db, deps.termijnen, deps.filings, actor, zaak, soort as FilingSoort, {
      dagtekening: vandaag,
      vandaag,
      samenhang: zaak.soort === 'bezwaar',
    });
    if (gemaakt.ok) return c.body(new Uint8Array(gemaakt.docx), 200, { 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(gemaakt.bestandsnaam) });
    const v = gemaakt.voorbereiding;
    if (v.soort === 'geweigerd') return c.json({ fout: v.reden }, 409);
    return c.json({ fout: 'gegevens ontbreken', ontbrekend: v.ontbrekend }, 422);
  });

  return app;
}
