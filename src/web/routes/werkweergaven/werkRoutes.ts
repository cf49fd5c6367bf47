import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../appContext';
import { isGeldigeIsoDatum } from '../../../domain/kalender/kalenderdatum';
import { formatCsv, formatCsvWaarden } from '../../../csv/csvSchrijven';
import { createXlsx, XLSX_TYPE, type ExportKolom, type ExportWaarde } from '../../../csv/xlsxSchrijven';
import { buildHerinnerdIndex } from '../../../services/herinneringen/openTermijnen';
import { buildMijnWeek, MIJN_WEEK_WERKDAGEN, type MijnWeekFilter } from '../../../services/werkweergaven/mijnWeek';
import { buildNzaWerkruimte, type NzaWerkruimteFilter, type RegioJaarRegel } from '../../../services/werkweergaven/nzaWerkruimte';
import { loadRegioRegister } from '../../../services/regios/regioBeheer';
import { afgeleid } from '../../../services/termijnen/termijnService';
import { listFilterOpties } from '../../../services/termijnen/termijnOverzicht';
import { loadCollegas } from '../../../services/zaken/zaakOverzicht';
import { formatDatumKort } from '../../../opmaak/opmaak';
import { normaliseerDatumTekst, type VeldFout } from '../../../validation/velden';
import { formulierValidator, foutenPerVeld } from '../../formulier';
import { can } from '../../../services/toegang/permissies';
import { listOntvangenBeroepen, recordOntvangenBeroepAfgerond, registerOntvangenBeroep } from '../../../services/besluiten/ontvangenBeroepen';
import { beroepAfgerondInvoer, ontvangenBeroepInvoer } from '../../../validation/besluitInvoer';
import { paginaContext } from '../../paginaContext';

const leegIsNiets = (v: unknown) => (v === '' ? undefined : v);

const STATUS_LABEL = { 'nog-niet-open': 'nog niet open', open: 'open', 'in-beroep': 'in beroep', onherroepelijk: 'onherroepelijk' } as const;

/** The NZa workspace's list of regio-jaren, as CSV and as .xlsx. */
const WERKRUIMTE_KOLOMMEN: readonly ExportKolom[] = [
  { kop: 'Regio', soort: 'tekst', breedte: 24 },
  { kop: 'Jaar', soort: 'getal', breedte: 8 },
  { kop: 'Contracteerruimte', soort: 'bedrag', breedte: 25 },
  { kop: 'Stand', soort: 'tekst', breedte: 16 },
  { kop: 'Veilige uiterste datum', soort: 'datum', breedte: 24 },
  { kop: 'Onherroepelijk sinds', soort: 'datum', breedte: 22 },
  { kop: 'Opent op', soort: 'datum', breedte: 18 },
  { kop: 'Lopende beroepen', soort: 'tekst', breedte: 40 },
  { kop: 'Partijen', soort: 'tekst', breedte: 50 },
  { kop: 'Toelichting', soort: 'tekst', breedte: 80 },
];

const werkruimteFilterSchema = z.object({
  regio: z.preprocess(leegIsNiets, z.string().trim().max(100).optional()),
  jaar: z.preprocess(leegIsNiets, z.coerce.number().int().min(1900).max(2200).optional()),
  status: z.preprocess(leegIsNiets, z.enum(['nog-niet-open', 'open', 'in-beroep', 'onherroepelijk']).optional()),
  partij: z.preprocess(leegIsNiets, z.string().trim().max(200).optional()),
});

/** Mounted at /: "Mijn week" for counsel, the four-eyes check of fatal dates, and the NZa's workspace (issue 14). */
export function werkRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/mijn-week', (c) => {
    const actor = c.get('actor');
    const vandaag = deps.vandaag();
    const q = c.req.query();
    const regio = q.regio ? loadRegioRegister(deps.db).find(q.regio)?.naam : undefined;
    const verantwoordelijke =
      q.verantwoordelijke === 'niemand' ? 'niemand' : q.verantwoordelijke && /^\d+$/.test(q.verantwoordelijke) ? Number(q.verantwoordelijke) : undefined;
    const rechtsmiddel = q.rechtsmiddel === 'beroep' || q.rechtsmiddel === 'bezwaar' ? q.rechtsmiddel : undefined;
    const filter: MijnWeekFilter = { verantwoordelijke, rechtsmiddel, regio };
    const berekend = deps.termijnen.computeVoorActor(actor, vandaag);
    const week = buildMijnWeek(deps.db, berekend, actor, vandaag, filter, buildHerinnerdIndex(deps.db, deps.termijnen, actor, vandaag));
    const opties = listFilterOpties(berekend);
    return c.html(
      deps.weergave.render('mijnWeek', {
        ...paginaContext(c, 'mijnWeek'),
        titel: 'Mijn week',
        vandaag,
        werkdagen: MIJN_WEEK_WERKDAGEN,
        ...week,
        // Issue 28.4: a lezer sees which terms have no case yet, but is offered no case to open.
        magZaakOpenen: can(actor, 'zaak.openen'),
        filterActief: Object.values(filter).some((v) => v !== undefined),
        terug: new URL(c.req.url).pathname + new URL(c.req.url).search,
        personen: [
          ...loadCollegas(deps.db, actor).map((g) => ({
            waarde: String(g.id),
            naam: g.id === actor.gebruikerId ? `${g.naam} (ik)` : g.naam,
            gekozen: g.id === verantwoordelijke,
          })),
          { waarde: 'niemand', naam: 'Geen zaak of geen verantwoordelijke', gekozen: verantwoordelijke === 'niemand' },
        ],
        regioOpties: opties.regios.map((r) => ({ waarde: r, gekozen: r === regio })),
        rechtsmiddelOpties: (['beroep', 'bezwaar'] as const).map((r) => ({ waarde: r, gekozen: r === rechtsmiddel })),
      }),
    );
  });

  const werkruimte = (c: Context<AppEnv>) => {
    const peildatumVraag = normaliseerDatumTekst(c.req.query('peildatum') ?? '');
    const peildatum = peildatumVraag && isGeldigeIsoDatum(peildatumVraag) ? peildatumVraag : deps.vandaag();
    const parsed = werkruimteFilterSchema.safeParse(c.req.query());
    const filter: NzaWerkruimteFilter = parsed.success
      ? { ...parsed.data, regio: parsed.data.regio ? loadRegioRegister(deps.db).find(parsed.data.regio)?.naam : undefined }
      : {};
    const berekend = deps.termijnen.computeVoorActor(c.get('actor'), peildatum);
    // Once per computed result and filter: the window's weeks look at every term.
    const ruimte = afgeleid(berekend, JSON.stringify(['werkruimte', peildatum, filter]), () => buildNzaWerkruimte(berekend, peildatum, filter));
    return { peildatum, filter, filterFout: !parsed.success, berekend, ruimte };
  };

  /** The workspace, with the form for a received beroep (its errors and typed values after a refused post). */
  const renderWerkruimte = (c: Context<AppEnv>, beroepForm: { fouten?: VeldFout[]; waarden?: Record<string, unknown> } = {}, status: 200 | 422 = 200) => {
    const { peildatum, filter, filterFout, berekend, ruimte } = werkruimte(c);
    const opties = listFilterOpties(berekend);
    const query = new URL(c.req.url).search;
    const actor = c.get('actor');
    return c.html(
      deps.weergave.render('werkruimte', {
        ...paginaContext(c, 'werkruimte'),
        titel: 'Werkruimte NZa',
        ontvangen: listOntvangenBeroepen(deps.db, actor).map((b) => ({ ...b, open: b.afgerond === null })),
        magBeroepRegistreren: can(actor, 'beroep.ontvangstRegistreren'),
        beroepFouten: beroepForm.fouten ? foutenPerVeld(beroepForm.fouten) : undefined,
        beroepWaarden: beroepForm.waarden ?? {},
        vandaag: deps.vandaag(),
        regioNamen: opties.regios,
        peildatum,
        filter,
        filterFout,
        filterActief: Object.values(filter).some((v) => v !== undefined) || peildatum !== deps.vandaag(),
        ...ruimte,
        regels: ruimte.regels.map((r) => ({
          ...r,
          label: r.status.oudRegime ? 'oud regime' : STATUS_LABEL[r.status.status],
          partijen: r.partijen.map((p) => ({ ...p, label: STATUS_LABEL[p.status] })),
        })),
        statusTelling: (Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((s) => ({
          status: s,
          label: STATUS_LABEL[s],
          aantal: ruimte.perStatus[s],
        })),
        exportPad: `/werkruimte/export.csv${query}`,
        exportPadXlsx: `/werkruimte/export.xlsx${query}`,
        regioOpties: opties.regios.map((r) => ({ waarde: r, gekozen: r === filter.regio })),
        jaarOpties: opties.jaren.map((j) => ({ waarde: j, gekozen: j === filter.jaar })),
        statusOpties: (Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((s) => ({
          waarde: s,
          label: STATUS_LABEL[s],
          gekozen: s === filter.status,
        })),
      }),
      status,
    );
  };

  app.get('/werkruimte', (c) => renderWerkruimte(c));

  const beroepNietGeregistreerd = (c: Context<AppEnv>, fouten: VeldFout[], waarden: Record<string, unknown>) => renderWerkruimte(c, { fouten, waarden }, 422);

  app.post('/werkruimte/beroepen', formulierValidator(ontvangenBeroepInvoer, beroepNietGeregistreerd), (c) => {
    const { invoer, waarden } = c.req.valid('form');
    const uitkomst = registerOntvangenBeroep(deps.db, c.get('actor'), invoer, deps.vandaag());
    if (!uitkomst.ok) return beroepNietGeregistreerd(c, uitkomst.fouten, waarden);
    return c.redirect('/werkruimte?klaar=beroep-geregistreerd#ontvangen-kop', 303);
  });

  app.post('/werkruimte/beroepen/:id/afgerond', formulierValidator(beroepAfgerondInvoer, beroepNietGeregistreerd), (c) => {
    const id = Number(c.req.param('id'));
    const uitkomst = Number.isSafeInteger(id)
      ? recordOntvangenBeroepAfgerond(deps.db, c.get('actor'), id, c.req.valid('form').invoer.afgerond, deps.vandaag())
      : { ok: false as const, fouten: [{ veld: 'id', melding: 'dit beroep is niet geregistreerd' }] };
    if (!uitkomst.ok) return beroepNietGeregistreerd(c, uitkomst.fouten, {});
    return c.redirect('/werkruimte?klaar=beroep-afgerond#ontvangen-kop', 303);
  });

  const formatWerkruimteRij = (r: RegioJaarRegel): ExportWaarde[] => [
    r.regio,
    r.jaar,
    r.bedragCenten,
    r.status.oudRegime ? 'oud regime' : STATUS_LABEL[r.status.status],
    r.status.veiligeUitersteDatum,
    r.status.sinds,
    r.status.opent,
    r.lopendeBeroepen.map((b) => `${b.partij} (ingesteld ${formatDatumKort(b.ingesteld)}, tegen ${b.tegen})`).join(' | '),
    r.partijen.map((p) => `${p.partij}: ${STATUS_LABEL[p.status]}`).join(' | '),
    r.status.toelichting,
  ];

  app.get('/werkruimte/export.csv', (c) => {
    const { peildatum, ruimte } = werkruimte(c);
    const csv = formatCsv(
      WERKRUIMTE_KOLOMMEN.map((k) => k.kop),
      ruimte.regels.map((r) => formatCsvWaarden(WERKRUIMTE_KOLOMMEN, formatWerkruimteRij(r), formatDatumKort)),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="werkruimte-nza-${peildatum}.csv"`,
    });
  });

  // The same list as an Excel workbook: real date cells, the contracteerruimte as a euro amount, the header frozen.
  app.get('/werkruimte/export.xlsx', async (c) => {
    const { peildatum, ruimte } = werkruimte(c);
    const xlsx = await createXlsx('Werkruimte NZa', WERKRUIMTE_KOLOMMEN, ruimte.regels.map(formatWerkruimteRij));
    return c.body(xlsx, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="werkruimte-nza-${peildatum}.xlsx"` });
  });
  return app;
}
