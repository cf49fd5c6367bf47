import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { listOngezien, loadHerinnering, markGezien } from '../../services/herinneringBeheer';
import { paginaContext } from '../paginaContext';

/** Mounted at /herinneringen: the reminders sent to the user, each to be marked "gezien" (issue 14). */
export function herinneringenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nu = () => new Date(deps.nuMs?.() ?? Date.now());

  app.get('/', (c) => {
    const actor = c.get('actor');
    return c.html(
      deps.weergave.render('herinneringen', {
        ...paginaContext(c, 'instellingen'),
        titel: 'Mijn herinneringen',
        ongezien: listOngezien(deps.db, actor, deps.vandaag()),
        gemarkeerd: c.req.query('gezien') === '1',
      }),
    );
  });

  // The link in the e-mail: reads only (a GET never writes); the button below marks it.
  app.get('/:id', (c) => {
    const id = Number(c.req.param('id'));
    const rij = Number.isSafeInteger(id) ? loadHerinnering(deps.db, c.get('actor'), id) : undefined;
    if (!rij) return c.notFound();
    return c.html(deps.weergave.render('herinnering', { ...paginaContext(c, 'instellingen'), titel: 'Herinnering', rij }));
  });

  app.post('/:id/gezien', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !markGezien(deps.db, c.get('actor'), id, nu())) return c.notFound();
    return c.redirect('/herinneringen?gezien=1', 303);
  });
  return app;
}
