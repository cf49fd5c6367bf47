import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../appContext';
import { buildVCalendar } from '../../agenda/icalendar';
import { loadOpenZaakTermijnen, toAgendaTermijn } from '../../herinneringen/openTermijnen';
import { findGebruikerByAgendaToken } from '../../services/actorService';

export const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' } as const;

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
    const termijnen = loadOpenZaakTermijnen(deps.db, deps.termijnen, deps.vandaag(), gebruiker.id).map((o) => toAgendaTermijn(o, deps.mail.appUrl));
    return c.body(buildVCalendar(`Termijnen ${gebruiker.naam}`, termijnen, new Date()), 200, { ...ICS, 'Cache-Control': 'private, max-age=300' });
  });
  return app;
}
