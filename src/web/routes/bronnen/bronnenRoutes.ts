import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { listBronVoorstellen, loadAanvaardeGelijkgesteldeDagen, reviewBronVoorstel, type Beoordeling } from '../../../services/bronnen/bronVoorstellen';
import type { VeldFout } from '../../../validation/velden';
import { paginaContext } from '../../paginaContext';

const SOORT_LABEL = {
  uitspraak: 'Uitspraak CBb',
  'gelijkgestelde-dag': 'Gelijkgestelde dag (KB, art. 3 lid 3 Atw)',
  'nza-publicatie': 'Publicatie NZa',
} as const;
const STATUS_LABEL = { open: 'open', aanvaard: 'aanvaard', afgewezen: 'afgewezen' } as const;

/** Mounted at /bronnen: the proposals from the official sources (issue 33), accepted or dismissed by a person. */
export function bronnenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const render = (c: Context<AppEnv>, fouten: VeldFout[] = [], status: 200 | 422 = 200) => {
    const voorstellen = listBronVoorstellen(deps.db, c.get('actor')).map((v) => ({
      ...v,
      soortLabel: SOORT_LABEL[v.soort],
      statusLabel: STATUS_LABEL[v.status],
      sluitZaak: v.soort === 'uitspraak',
    }));
    return c.html(
      deps.weergave.render('bronnen', {
        ...paginaContext(c, 'bronnen'),
        titel: 'Bronnen',
        open: voorstellen.filter((v) => v.status === 'open'),
        beoordeeld: voorstellen.filter((v) => v.status !== 'open'),
        dagen: loadAanvaardeGelijkgesteldeDagen(deps.db),
        fouten: fouten.map((f) => f.melding),
      }),
      status,
    );
  };

  app.get('/', (c) => render(c));

  const beoordeel = (beoordeling: Beoordeling) => (c: Context<AppEnv>) => {
    const id = Number(c.req.param('id'));
    const uitkomst = Number.isSafeInteger(id)
      ? reviewBronVoorstel(deps.db, c.get('actor'), id, beoordeling, deps.vandaag())
      : { ok: false as const, fouten: [{ veld: 'id', melding: 'dit voorstel bestaat niet' }] };
    if (!uitkomst.ok) return render(c, uitkomst.fouten, 422);
    return c.redirect(`/bronnen?klaar=${beoordeling === 'aanvaarden' ? 'voorstel-aanvaard' : 'voorstel-afgewezen'}`, 303);
  };
  app.post('/:id/aanvaarden', beoordeel('aanvaarden'));
  app.post('/:id/afwijzen', beoordeel('afwijzen'));
  return app;
}
