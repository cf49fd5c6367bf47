import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { formatCsvRegel } from '../../csv/csvSchrijven';

const CSV_BATCH = 500;
import { buildOverzicht } from '../../services/termijnOverzicht';
import { isOngeldigePeildatum, parseOverzichtFilter, PEILDATUM_BUITEN_BEREIK } from './overzichtRoutes';

/** 2026-12-01 → 01-12-2026: the form users type and Dutch spreadsheets read as a date. */
const formatDatumInvoer = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // The overview's term list as CSV, with the same filters; a shared lid-3 window is one line.
  app.get('/termijnen.csv', (c) => {
    const parsed = parseOverzichtFilter(deps, c.req.query());
    if (isOngeldigePeildatum(parsed)) return c.text(PEILDATUM_BUITEN_BEREIK, 400);
    if (!parsed.success) return c.text('Ongeldig filter', 400);
    const { peildatum: gekozen, ...filter } = parsed.data;
    const peildatum = gekozen ?? deps.vandaag();
    const { regels } = buildOverzicht(deps.termijnen.computeVoorActor(c.get('actor'), peildatum), peildatum, filter);
    // Headers as the user reads them, dates as a Dutch spreadsheet reads them (dd-mm-jjjj).
    const kop = [
      'Laatste dag',
      'Dagen over',
      'Rechtsmiddel',
      'Tegen',
      'Regio',
      'Jaar',
      'Zorgaanbieder',
      'Besluit',
      'Bekendgemaakt',
      'Aanvang',
      'Grondslag',
      'Toelichting',
    ];
    const rij = (r: (typeof regels)[number]) => [
      formatDatumInvoer(r.termijn.einde),
      r.dagenOver,
      r.termijn.rechtsmiddel,
      r.termijn.tegen,
      r.gedeeldVenster ? `${r.gedeeldVenster.regios} regio's (gedeeld venster art. 105 lid 3 Wmg)` : r.termijn.regio,
      r.gedeeldVenster ? r.gedeeldVenster.jaren.join(', ') : r.termijn.jaar,
      r.zorgaanbieder ?? '',
      r.gedeeldVenster ? r.gedeeldVenster.besluiten.join(', ') : r.termijn.besluit,
      formatDatumInvoer(r.termijn.bekendgemaakt),
      formatDatumInvoer(r.termijn.aanvang),
      r.termijn.grondslag.join(', '),
      r.termijn.toelichting,
    ];
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
  return app;
}
