import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { formatCsv } from '../../csv/csvSchrijven';
import { buildOverzicht } from '../../services/termijnOverzicht';
import { parseOverzichtFilter } from './overzichtRoutes';

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
      [
        'laatste_dag',
        'dagen_over',
        'rechtsmiddel',
        'tegen',
        'regio',
        'jaar',
        'zorgaanbieder',
        'besluit',
        'bekendgemaakt',
        'aanvang',
        'grondslag',
        'toelichting',
      ],
      regels.map((r) => [
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
      ]),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="termijnen-${peildatum}.csv"`,
    });
  });
  return app;
}
