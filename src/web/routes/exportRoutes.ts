import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { formatCsv } from '../../csv/csvSchrijven';
import { buildOverzicht } from '../../services/termijnOverzicht';
import { parseOverzichtFilter } from './overzichtRoutes';

/** 2026-12-01 → 01-12-2026: the form users type and Dutch spreadsheets read as a date. */
const formatDatumInvoer = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // The overview's term list as CSV, with the same filters; a shared lid-3 window is one line.
  app.get('/termijnen.csv', (c) => {
    const parsed = parseOverzichtFilter(deps, c.req.query());
    if (!parsed.success) return c.text('Ongeldig filter', 400);
    const { peildatum: gekozen, ...filter } = parsed.data;
    const peildatum = gekozen ?? deps.vandaag();
    const { regels } = buildOverzicht(deps.termijnen.computeVoorActor(c.get('actor'), peildatum), peildatum, filter);
    const csv = formatCsv(
      // Headers as the user reads them, dates as a Dutch spreadsheet reads them (dd-mm-jjjj).
      [
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
      ],
      regels.map((r) => [
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
      ]),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="termijnen-${peildatum}.csv"`,
    });
  });
  return app;
}
