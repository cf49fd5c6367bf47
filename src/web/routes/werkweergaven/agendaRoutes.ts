import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../appContext';
import { ICS } from '../../bestandKoppen';
import { buildVCalendar } from '../../../agenda/icalendar';
import { findGebruikerByAgendaToken, loadActor } from '../../../services/toegang/actorService';
import { listOrganisatieAgenda } from '../../../services/werkweergaven/organisatieAgenda';

/**
 * Mounted at /agenda, outside the sign-in: the personal calendar feed is authenticated by the unguessable token in
 * its URL, so calendar apps can subscribe.
 */
export function agendaRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:bestand', (c) => {
    const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(c.req.param('bestand'))?.[1];
    const gebruiker = token ? findGebruikerByAgendaToken(deps.db, token) : undefined;
    if (!gebruiker) return c.text('Onbekende of ingetrokken agenda-link', 404);
    const actor = loadActor(deps.db, gebruiker.id);
    // Every open term of the organisation's clients, case or not (issue 14), each with its afleiding and a stable UID.
    const termijnen = actor ? listOrganisatieAgenda(deps.db, deps.termijnen, actor, deps.vandaag(), deps.mail.appUrl) : [];
    return c.body(buildVCalendar(`Termijnen ${gebruiker.naam}`, termijnen, new Date()), 200, { ...ICS, 'Cache-Control': 'private, max-age=300' });
  });
  return app;
}
