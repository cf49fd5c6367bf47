import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { AppDeps, AppEnv } from './appContext';
import { readSessieGebruiker } from './sessie';
import { loadActor, loadActorByEmail } from '../services/actorService';
import { aanmeldenRoutes } from './routes/aanmeldenRoutes';
import { overzichtRoutes } from './routes/overzichtRoutes';
import { matrixRoutes } from './routes/matrixRoutes';
import { zakenRoutes } from './routes/zakenRoutes';
import { besluitenRoutes } from './routes/besluitenRoutes';
import { importRoutes } from './routes/importRoutes';
import { exportRoutes } from './routes/exportRoutes';
import { apiRoutes } from './routes/apiRoutes';
import { agendaRoutes } from './routes/agendaRoutes';
import { instellingenRoutes, organisatieRoutes } from './routes/instellingenRoutes';
import { outboxRoutes } from './routes/outboxRoutes';

const htmxBron = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'), 'utf8');
const PUBLIC_MAP = relative(process.cwd(), new URL('../../public', import.meta.url).pathname) || '.';

const isApi = (pad: string) => pad === '/api' || pad.startsWith('/api/');

/** Path prefixes served without signing in; test/server/routeTabel.test.ts checks every other route is protected. */
export const PUBLIEKE_PADEN = ['/static/', '/favicon.ico', '/gezond', '/aanmelden', '/afmelden', '/agenda/'] as const;

/**
 * The ONLY routes reachable without signing in: static files, the health check, sign-in/out and the calendar feed
 * (which carries its own unguessable token). Everything else lives on the signed-in sub-app below.
 */
function publiekeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // htmx comes from our own node_modules: the app works offline and loads nothing from a CDN.
  app.get('/static/htmx.min.js', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(htmxBron, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.use('/static/*', serveStatic({ root: PUBLIC_MAP, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }));
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  app.get('/gezond', (c) => c.json({ status: 'ok' }));
  app.route('/', aanmeldenRoutes(deps)); // /aanmelden, /afmelden
  app.route('/agenda', agendaRoutes(deps));
  return app;
}

/** The signed-in part: one sub-app whose first middleware establishes who acts, so a new route is protected by default. */
function aangemeldeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const email = c.req.header('X-Demo-Gebruiker');
    const gebruikerId = await readSessieGebruiker(c, deps.sessieGeheim);
    const actor = email ? loadActorByEmail(deps.db, email) : gebruikerId !== undefined ? loadActor(deps.db, gebruikerId) : undefined;
    if (!actor) {
      if (isApi(c.req.path)) {
        return c.json({ fouten: [{ veld: 'gebruiker', melding: 'niet aangemeld: stuur de kop X-Demo-Gebruiker met het e-mailadres van een gebruiker' }] }, 401);
      }
      return c.redirect(`/aanmelden?terug=${encodeURIComponent(c.req.path)}`);
    }
    c.set('inwerkingtredingOnbekend', deps.termijnen.config.inwerkingtreding === undefined);
    c.set('actor', actor);
    await next();
  });

  app.route('/', overzichtRoutes(deps));
  app.route('/matrix', matrixRoutes(deps));
  app.route('/zaken', zakenRoutes(deps));
  app.route('/besluiten', besluitenRoutes(deps));
  app.route('/import', importRoutes(deps));
  app.route('/export', exportRoutes(deps));
  app.route('/instellingen', instellingenRoutes(deps));
  app.route('/organisatie', organisatieRoutes(deps));
  app.route('/outbox', outboxRoutes(deps));
  app.route('/api/v1', apiRoutes(deps));
  app.all('/api/*', (c) => c.json({ fouten: [{ veld: 'pad', melding: `onbekend: ${c.req.method} ${c.req.path}` }] }, 404));
  return app;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    }
  });

  app.route('/', publiekeRoutes(deps));
  app.route('/', aangemeldeRoutes(deps));

  app.notFound((c) => {
    if (isApi(c.req.path)) return c.json({ fouten: [{ veld: 'pad', melding: `onbekend: ${c.req.method} ${c.req.path}` }] }, 404);
    return c.html(deps.weergave.render('fout', { titel: 'Niet gevonden', melding: 'Deze pagina bestaat niet (meer).' }), 404);
  });
  app.onError((err, c) => {
    console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, err);
    if (isApi(c.req.path)) return c.json({ fouten: [{ veld: 'server', melding: 'er ging iets mis; er is niets half opgeslagen' }] }, 500);
    return c.html(deps.weergave.render('fout', { titel: 'Er ging iets mis', melding: 'De fout is vastgelegd; er is niets half opgeslagen.' }), 500);
  });
  return app;
}
