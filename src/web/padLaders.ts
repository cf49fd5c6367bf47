import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './appContext';
import { loadZaak } from '../services/zaken/zaakOverzicht';
import { findBesluitVoorActor } from '../services/besluiten/besluitRegistratie';
import { weigerPagina } from './weigeren';

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

/**
 * Loads the besluit named by `:type/:id` in the path, if the actor can see it, as c.get('besluit'); otherwise 404.
 * Under …/bewerken the actor must also be allowed to change it (permissies.ts, via the service): otherwise 403.
 */
export function loadBesluitUitPad(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('besluit')) {
      const id = positiefId(c.req.param('id'));
      const besluit = id === undefined ? undefined : findBesluitVoorActor(deps.db, c.get('actor'), c.req.param('type') ?? '', id);
      if (!besluit) return c.notFound();
      c.set('besluit', besluit);
    }
    if (c.req.path.endsWith('/bewerken') && !c.get('besluit').wijzigbaar) {
      return weigerPagina(
        deps,
        c,
        403,
        c.get('besluit').type === 'contracteerruimte'
          ? 'Een contracteerruimtebesluit wijzigt alleen de NZa.'
          : 'U kunt deze tariefbeschikking niet wijzigen: dat kan een jurist of beheerder van uw organisatie.',
      );
    }
    await next();
  };
}
