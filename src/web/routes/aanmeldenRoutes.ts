import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../appContext';
import { endSessie, startSessie } from '../sessie';
import { listGebruikers, loadActor } from '../../services/actorService';

const ROL_LABEL = { jurist: 'Jurist zorgaanbieder / advocaat', 'nza-jurist': 'NZa juridische zaken', beheerder: 'Beheerder' } as const;

// Only local paths: never redirect a user to another site after signing in.
const terugSchema = z
  .string()
  .regex(/^\/[A-Za-z0-9\-_/]*$/)
  .catch('/');

export function aanmeldenRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/aanmelden', (c) => {
    const rijen = listGebruikers(deps.db).map((g) => ({ ...g, rolLabel: ROL_LABEL[g.rol] }));
    return c.html(deps.weergave.render('aanmelden', { titel: 'Aanmelden', gebruikers: rijen, terug: terugSchema.parse(c.req.query('terug')) }));
  });

  app.post('/aanmelden', async (c) => {
    const form = await c.req.parseBody();
    const id = z.coerce.number().int().safeParse(form.gebruikerId);
    const actor = id.success ? loadActor(deps.db, id.data) : undefined;
    if (!actor) return c.redirect('/aanmelden', 303);
    await startSessie(c, deps.sessieGeheim, actor.gebruikerId);
    return c.redirect(terugSchema.parse(form.terug), 303);
  });

  app.post('/afmelden', (c) => {
    endSessie(c);
    return c.redirect('/aanmelden', 303);
  });
  return app;
}
