import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { listOngezien, loadHerinnering, markGezien } from '../../../services/herinneringen/herinneringBeheer';
import { paginaContext } from '../../paginaContext';

/** Mounted at /herinneringen: the reminders sent to the user, each to be marked "gezien" (issue 14). */
export function herinneringenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const nu = () => new Date(deps.nuMs?.() ?? Date.now());

  app.get('/', (c) => {
    const actor = c.get('actor');
    return c.html(
      deps.weergave.render('herinneringen', {
        ...paginaContext(c, 'herinneringen'),
        titel: 'Mijn herinneringen',
        ongezien: listOngezien(deps.db, actor, deps.vandaag()),
        gemarkeerd: c.req.query('gezien') === '1',
      }),
    );
  });

  // The menu's count (issue 30.1), loaded by htmx after the page: the terms whose reminder to this user is unread. Kept
  // pages are shared by an organisation, so a person's count is never part of one.
  app.get('/aantal', (c) => {
    const terms = new Set(listOngezien(deps.db, c.get('actor'), deps.vandaag()).map((r) => r.termijn ?? `r${r.id}`));
    const n = terms.size;
    return c.html(
      n === 0
        ? '<span class="menu-teller leeg"></span>'
        : `<span class="menu-teller" title="${n} ${n === 1 ? 'termijn' : 'termijnen'} met een ongelezen herinnering"><span class="verborgen">, ongelezen: </span>${n}</span>`,
    );
  });

  // The link in the e-mail: reads only (a GET never writes); the button below marks it.
  app.get('/:id', (c) => {
    const id = Number(c.req.param('id'));
    const rij = Number.isSafeInteger(id) ? loadHerinnering(deps.db, c.get('actor'), id) : undefined;
    if (!rij) return c.notFound();
    return c.html(deps.weergave.render('herinnering', { ...paginaContext(c, 'herinneringen'), titel: 'Herinnering', rij }));
  });

  app.post('/:id/gezien', (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !markGezien(deps.db, c.get('actor'), id, nu())) return c.notFound();
    return c.redirect('/herinneringen?gezien=1', 303);
  });
  return app;
}
