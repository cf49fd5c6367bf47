import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { formatCsvRegel, formatCsvWaarden } from '../../../csv/csvSchrijven';
import { createXlsx, XLSX_TYPE, type ExportKolom, type ExportWaarde } from '../../../csv/xlsxSchrijven';

const CSV_BATCH = 500;
import { buildOverzicht } from '../../../services/termijnen/termijnOverzicht';
import { isOngeldigePeildatum, parseOverzichtFilter, PEILDATUM_BUITEN_BEREIK } from './overzichtRoutes';

/** 2026-12-01 → 01-12-2026: the form users type and Dutch spreadsheets read as a date. */
const formatDatumInvoer = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

const TERMIJN_KOLOMMEN: readonly ExportKolom[] = [
  { kop: 'Laatste dag', soort: 'datum', breedte: 18 },
  { kop: 'Dagen over', soort: 'getal', breedte: 12 },
  { kop: 'Rechtsmiddel', soort: 'tekst', breedte: 15 },
  { kop: 'Tegen', soort: 'tekst', breedte: 20 },
  { kop: 'Regio', soort: 'tekst', breedte: 26 },
  { kop: 'Jaar', soort: 'getal', breedte: 10 },
  { kop: 'Zorgaanbieder', soort: 'tekst', breedte: 34 },
  { kop: 'Besluit', soort: 'tekst', breedte: 20 },
  { kop: 'Bekendgemaakt', soort: 'datum', breedte: 18 },
  { kop: 'Aanvang', soort: 'datum', breedte: 18 },
  { kop: 'Grondslag', soort: 'tekst', breedte: 30 },
  { kop: 'Toelichting', soort: 'tekst', breedte: 80 },
];

type OverzichtRegel = ReturnType<typeof buildOverzicht>['regels'][number];

/** One term of the overview as a typed export row (dates ISO, the CSV and the .xlsx format them each their way). */
const formatTermijnRij = (r: OverzichtRegel): ExportWaarde[] => [
  r.termijn.einde,
  r.dagenOver,
  r.termijn.rechtsmiddel,
  r.termijn.tegen,
  r.gedeeldVenster ? `${r.gedeeldVenster.regios} regio's (gedeeld venster art. 105 lid 3 Wmg)` : r.termijn.regio,
  r.gedeeldVenster ? r.gedeeldVenster.jaren.join(', ') : r.termijn.jaar,
  r.zorgaanbieder ?? '',
  r.gedeeldVenster ? r.gedeeldVenster.besluiten.join(', ') : r.termijn.besluit,
  r.termijn.bekendgemaakt,
  r.termijn.aanvang,
  r.termijn.grondslag.join(', '),
  r.termijn.toelichting,
];

export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  /** The overview's term list with the same filters as the page; a shared lid-3 window is one line. */
  const loadTermijnRegels = (c: Context<AppEnv>) => {
    const parsed = parseOverzichtFilter(deps, c.req.query());
    if (isOngeldigePeildatum(parsed)) return { fout: c.text(PEILDATUM_BUITEN_BEREIK, 400) };
    if (!parsed.success) return { fout: c.text('Ongeldig filter', 400) };
    const { peildatum: gekozen, ...filter } = parsed.data;
    const peildatum = gekozen ?? deps.vandaag();
    return { peildatum, regels: buildOverzicht(deps.termijnen.computeVoorActor(c.get('actor'), peildatum), peildatum, filter).regels };
  };

  app.get('/termijnen.csv', (c) => {
    const gelezen = loadTermijnRegels(c);
    if (gelezen.fout) return gelezen.fout;
    const { peildatum, regels } = gelezen;
    // Headers as the user reads them, dates as a Dutch spreadsheet reads them (dd-mm-jjjj).
    const kop = TERMIJN_KOLOMMEN.map((k) => k.kop);
    const rij = (r: OverzichtRegel) => formatCsvWaarden(TERMIJN_KOLOMMEN, formatTermijnRij(r), formatDatumInvoer);
    // Streamed in batches: the whole file is never one string in memory, and a slow reader holds back the producer.
    let volgende = 0;
    const encoder = new TextEncoder();
    const csv = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${formatCsvRegel(kop)}\r\n`));
      },
      pull(controller) {
        if (volgende >= regels.length) return controller.close();
        const tot = Math.min(volgende + CSV_BATCH, regels.length);
        let stuk = '';
        for (; volgende < tot; volgende++) stuk += `${formatCsvRegel(rij(regels[volgende]!))}\r\n`;
        controller.enqueue(encoder.encode(stuk));
      },
    });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="termijnen-${peildatum}.csv"`,
    });
  });

  // The same list as an Excel workbook: real date cells, numbers, the header frozen.
  app.get('/termijnen.xlsx', async (c) => {
    const gelezen = loadTermijnRegels(c);
    if (gelezen.fout) return gelezen.fout;
    const { peildatum, regels } = gelezen;
    const xlsx = await createXlsx('Termijnen', TERMIJN_KOLOMMEN, regels.map(formatTermijnRij));
    return c.body(xlsx, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="termijnen-${peildatum}.xlsx"` });
  });
  return app;
}
