import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { toTermijnUitkomstJson } from '../../domain/termijnen/termijnUitkomstJson';
import { createContracteerruimtebesluit, createTariefbeschikking } from '../../services/besluitRegistratie';
import { loadZaak, loadZaken } from '../../services/zaakRegistratie';
import { renderFiling } from '../../services/filingService';
import { FILING_SOORTEN, type FilingSoort } from '../../domain/filings/filingSoorten';
import { isGeldigeIsoDatum } from '../../domain/kalender/kalenderdatum';
import { contentDisposition, DOCX } from './documentenRoutes';
import { clientInvoer, contracteerruimtebesluitInvoer, tariefbeschikkingInvoer } from '../../validation/besluitInvoer';
import { createClient, findClient } from '../../services/clientService';
import type { VeldFout } from '../../validation/velden';
import { validateInvoer } from '../formulier';
import { parseOverzichtFilter } from './overzichtRoutes';
import { matchZorgaanbieder } from '../../services/termijnOverzicht';
import { findBesluitTermijnen } from '../../services/termijnService';
import { loadRegioRegister } from '../../services/regioBeheer';
import { checkPlausibiliteit, compareBedragen } from '../../services/termijnVoorbeeld';
import { buildHerinnerdIndex } from '../../herinneringen/openTermijnen';
import { formatTermijnSleutel } from '../../services/termijnWerk';
import { afgeleid } from '../../services/termijnService';
import type { PartijStatus, RegioJaarStatus, Termijn, Uitsluiting, Waarschuwing } from '../../domain/termijnen/termijn';
import { parseJsonBegrensd } from '../verzoekGrenzen';
import { linkNaarVolgende, orderBySleutel, parsePaginering, takePagina } from '../paginering';

type ApiItem =
  | { soort: 'termijn'; x: Termijn }
  | { soort: 'uitsluiting'; x: Uitsluiting }
  | { soort: 'status'; x: RegioJaarStatus }
  | { soort: 'partijStatus'; x: PartijStatus }
  | { soort: 'waarschuwing'; x: Waarschuwing };

/** The stable order of the terms API: by kind, then last day, region, year, remedy, decision and party. */
function apiItemSleutel(i: ApiItem): string {
  switch (i.soort) {
    case 'termijn':
      return ['0', i.x.einde, i.x.regio, i.x.jaar, i.x.rechtsmiddel, i.x.besluitType, i.x.besluit, i.x.partij ?? '', i.x.soort, i.x.regel, i.x.aanvang].join(
        '|',
      );
    case 'uitsluiting':
      return ['1', i.x.regio, i.x.jaar, i.x.rechtsmiddel, i.x.besluitType, i.x.besluit, i.x.partij ?? '', i.x.reden].join('|');
    case 'status':
      return ['2', i.x.regio, i.x.jaar].join('|');
    case 'partijStatus':
      return ['3', i.x.regio, i.x.jaar, i.x.partij].join('|');
    case 'waarschuwing':
      return ['4', JSON.stringify(i.x)].join('|');
  }
}

const fouten = (c: Context, lijst: VeldFout[], status: 400 | 404 | 413 | 422) => c.json({ fouten: lijst }, status);

/** JSON API v1: the same data, validation and error format ({fouten: [{veld, melding}]}) as the CLI and the forms. */
export function apiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // Every list of a result in one walk: terms, exclusions, region-year statuses, party statuses and warnings, each in
  // its own array of the page, in one stable order (kind, then last day, region, year, …), with one cursor.
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
    const lijstNaam = JSON.stringify(['termijnen', peildatum, regio ?? '', jaar ?? '', rechtsmiddel ?? '', zorgaanbieder ?? '']);
    const paginering = parsePaginering(c.req.query(), lijstNaam);
    if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), peildatum);
    const lijst = afgeleid(berekend, `api:${lijstNaam}`, () => {
      const past = (x: { regio: string; jaar: number; besluit: string; besluitType: string; rechtsmiddel?: string; partij?: string | undefined }) =>
        (!regio || x.regio === regio) &&
        (!jaar || x.jaar === jaar) &&
        (!rechtsmiddel || x.rechtsmiddel === rechtsmiddel) &&
        (!zorgaanbieder || matchZorgaanbieder(x.partij ?? berekend.tariefbeschikkingen.get(x.besluit)?.zorgaanbieder, zorgaanbieder));
      const u = berekend.uitkomst;
      const items: ApiItem[] = [
        ...u.termijnen.filter(past).map((x) => ({ soort: 'termijn' as const, x })),
        ...u.uitsluitingen.filter(past).map((x) => ({ soort: 'uitsluiting' as const, x })),
        ...u.status.filter((s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar)).map((x) => ({ soort: 'status' as const, x })),
        ...u.partijStatus
          .filter((s) => (!regio || s.regio === regio) && (!jaar || s.jaar === jaar) && (!zorgaanbieder || matchZorgaanbieder(s.partij, zorgaanbieder)))
          .map((x) => ({ soort: 'partijStatus' as const, x })),
        ...u.waarschuwingen.map((x) => ({ soort: 'waarschuwing' as const, x })),
      ];
      return orderBySleutel(items, apiItemSleutel);
    });
    const pagina = takePagina(lijst, paginering.limit, paginering.na);
    const per = <S extends ApiItem['soort']>(soort: S) =>
      pagina.items.filter((i): i is Extract<ApiItem, { soort: S }> => i.soort === soort).map((i) => i.x as Extract<ApiItem, { soort: S }>['x']);
    const json = toTermijnUitkomstJson(
      {
        termijnen: per('termijn'),
        uitsluitingen: per('uitsluiting'),
        status: per('status'),
        partijStatus: per('partijStatus'),
        waarschuwingen: per('waarschuwing'),
      },
      deps.termijnen.config,
    );
    // Who is reminded of each term (issue 30.1): the reminder job's own choice, per data revision; none for the NZa.
    const herinnerd = afgeleid(berekend, `api:herinnerd:${peildatum}`, () => buildHerinnerdIndex(deps.db, deps.termijnen, c.get('actor'), peildatum));
    const termijnen = json.termijnen.map((t, i) => ({
      ...t,
      herinnerd: herinnerd.get(formatTermijnSleutel(per('termijn')[i]!))?.personen.map((p) => p.email) ?? [],
    }));
    const volgende = linkNaarVolgende(c, pagina.laatste, lijstNaam, { peildatum });
    return c.json({ peildatum, ...json, termijnen, volgende });
  });

  // Decisions: the contracteerruimtebesluiten, then the tariefbeschikkingen, each by id.
  app.get('/besluiten', (c) => {
    const paginering = parsePaginering(c.req.query(), 'besluiten');
    if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), deps.vandaag());
    const lijst = afgeleid(berekend, 'api:besluiten', () => {
      const cr = new Map<
        number,
        { kenmerk: string; soort: string; besluitdatum: string; bekendgemaakt: string; bedragen: { regio: string; jaar: number; bedragCenten: number }[] }
      >();
      for (const r of berekend.contracteerruimte) {
        const besluit = cr.get(r.id) ?? { kenmerk: r.kenmerk, soort: r.soort, besluitdatum: r.besluitdatum, bekendgemaakt: r.bekendgemaakt, bedragen: [] };
        besluit.bedragen.push({ regio: r.regio, jaar: r.jaar, bedragCenten: r.bedragCenten });
        cr.set(r.id, besluit);
      }
      const items = [
        ...[...cr.entries()].map(([id, b]) => ({ id, type: 'contracteerruimte' as const, ...b })),
        ...[...berekend.tariefbeschikkingen.values()].map((t) => ({
          id: t.id,
          type: 'tariefbeschikking' as const,
          kenmerk: t.kenmerk,
          zorgaanbieder: t.zorgaanbieder,
          regio: t.regio,
          jaar: t.jaar,
          soort: t.soort,
          besluitdatum: t.besluitdatum,
          bekendgemaakt: t.bekendgemaakt,
        })),
      ];
      return orderBySleutel(items, (b) => `${b.type === 'contracteerruimte' ? 0 : 1}|${String(b.id).padStart(12, '0')}`);
    });
    const pagina = takePagina(lijst, paginering.limit, paginering.na);
    const volgende = linkNaarVolgende(c, pagina.laatste, 'besluiten');
    return c.json({
      contracteerruimtebesluiten: pagina.items.filter((b) => b.type === 'contracteerruimte'),
      tariefbeschikkingen: pagina.items.filter((b) => b.type === 'tariefbeschikking'),
      volgende,
    });
  });

  const besluitBody = z
    .object({ type: z.enum(['contracteerruimte', 'tariefbeschikking'], { error: 'verwacht "contracteerruimte" of "tariefbeschikking"' }) })
    .loose();

  // The body limit (MAX_FORMULIER_MB) is src/web/verzoekGrenzen.ts's, before this handler; here depth and size.
  app.post('/besluiten', async (c) => {
    const gelezen = parseJsonBegrensd(await c.req.text(), deps.grenzen);
    if (!gelezen.ok) return fouten(c, [{ veld: 'invoer', melding: gelezen.melding }], 400);
    const body = gelezen.waarde;
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
    const berekend = deps.termijnen.computeVoorActor(actor, deps.vandaag());
    const { termijnen, uitsluitingen } = findBesluitTermijnen(berekend, type, kenmerk);
    const json = toTermijnUitkomstJson({ termijnen, uitsluitingen, status: [] }, deps.termijnen.config);
    // Saved, and what looks implausible said in words (issue 30.4): the same warnings as the form's live preview.
    const waarschuwingen = berekend.invoer.besluiten
      .filter((b) => b.id === kenmerk && b.type === type)
      .flatMap((b) => checkPlausibiliteit(berekend.invoer, b))
      .map(({ code, melding }) => ({ code, melding }));
    const cr = type === 'contracteerruimte' ? validateInvoer(contracteerruimtebesluitInvoer, rest) : undefined;
    if (cr?.ok) {
      const register = loadRegioRegister(deps.db);
      const bedragen = cr.data.bedragen.map((b) => ({ regio: register.find(b.regio)?.naam ?? b.regio, jaar: b.jaar, bedragCenten: b.bedrag }));
      for (const { code, melding } of compareBedragen(berekend.contracteerruimte, {
        kenmerk,
        soort: cr.data.soort,
        bekendgemaakt: cr.data.bekendgemaakt,
        bedragen,
      }).waarschuwingen)
        waarschuwingen.push({ code, melding });
    }
    return c.json({ id: resultaat.id, type, kenmerk, termijnen: json.termijnen, uitsluitingen: json.uitsluitingen, waarschuwingen }, 201);
  });

  // A client record of the token's organisation (issue 28.3): 201 with its id, 409 when the organisation has the KvK number.
  app.post('/clienten', async (c) => {
    const gelezen = parseJsonBegrensd(await c.req.text(), deps.grenzen);
    if (!gelezen.ok) return fouten(c, [{ veld: 'invoer', melding: gelezen.melding }], 400);
    const v = validateInvoer(clientInvoer, gelezen.waarde);
    if (!v.ok) return fouten(c, v.fouten, 422);
    const actor = c.get('actor');
    const resultaat = createClient(deps.db, actor, v.data);
    if (resultaat.ok) return c.json(findClient(deps.db, actor, resultaat.id), 201);
    if ('bestaat' in resultaat) return c.json({ fout: `uw organisatie heeft al een cliënt met KvK-nummer ${v.data.kvk}`, id: resultaat.bestaat }, 409);
    return fouten(c, resultaat.fouten, 422);
  });

  // The organisation's cases, newest first.
  app.get('/zaken', (c) => {
    const paginering = parsePaginering(c.req.query(), 'zaken');
    if (!paginering.ok) return fouten(c, [{ veld: paginering.veld, melding: paginering.melding }], 400);
    // Newest first: the key counts down from the largest id.
    const lijst = orderBySleutel(loadZaken(deps.db, c.get('actor')), (z) => String(Number.MAX_SAFE_INTEGER - z.id).padStart(16, '0'));
    const pagina = takePagina(lijst, paginering.limit, paginering.na);
    return c.json({ zaken: pagina.items, volgende: linkNaarVolgende(c, pagina.laatste, 'zaken') });
  });

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
    // The draft's date (issue 29.8): `?dagtekening=YYYY-MM-DD`, today when absent.
    const gevraagd = c.req.query('dagtekening');
    if (gevraagd !== undefined && !isGeldigeIsoDatum(gevraagd)) {
      return c.json(
        { fout: 'dagtekening: geef een bestaande datum als JJJJ-MM-DD', velden: [{ veld: 'dagtekening', melding: 'geen geldige datum (JJJJ-MM-DD)' }] },
        400,
      );
    }
    const gemaakt = await renderFiling(deps.db, deps.termijnen, deps.filings, actor, zaak, soort as FilingSoort, {
      dagtekening: gevraagd ?? vandaag,
      vandaag,
      samenhang: zaak.soort === 'bezwaar',
      griffierechtTarieven: deps.griffierechtTarieven ?? [],
    });
    if (gemaakt.ok) return c.body(new Uint8Array(gemaakt.docx), 200, { 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(gemaakt.bestandsnaam) });
    const v = gemaakt.voorbereiding;
    if (v.soort === 'geweigerd') return c.json({ fout: v.reden }, 409);
    return c.json({ fout: 'gegevens ontbreken', ontbrekend: v.ontbrekend }, 422);
  });

  return app;
}
