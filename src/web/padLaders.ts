import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './appContext';
import { loadZaak } from '../services/zaakRegistratie';
import { findBesluitVoorActor } from '../services/besluitRegistratie';

const positiefId = (waarde: string | undefined): number | undefined => {
  const id = Number(waarde);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/**
 * Loads the zaak named by `:id` in the path, within the actor's scope, and hands it to the handler as c.get('zaak').
 * Absent or someone else's: 404, and the handler never runs.
 */
export function loadZaakUitPad(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('zaak')) return next();
    const id = positiefId(c.req.param('id'));
    const zaak = id === undefined ? undefined : loadZaak(deps.db, c.get('actor'), id);
    if (!zaak) return c.notFound();
    c.set('zaak', zaak);
    await next();
  };
}

/** Loads the besluit named by `:type/:id` in the path, if the actor may edit it, as c.get('besluit'); otherwise 404. */
export function loadBesluitUitPad(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('besluit')) return next();
    const id = positiefId(c.req.param('id'));
    const besluit = id === undefined ? undefined : findBesluitVoorActor(deps.db, c.get('actor'), c.req.param('type') ?? '', id);
    if (!besluit) return c.notFound();
    c.set('besluit', besluit);
    await next();
  };
}
