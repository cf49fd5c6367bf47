import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import type { AppDeps, AppEnv } from './appContext';
import { readSessieCookie } from './sessie';
import { loadActor } from '../services/toegang/actorService';
import { findSessie } from '../services/toegang/sessieService';
import { findActorByApiToken } from '../services/toegang/apiTokenService';
import { can, Geweigerd } from '../services/toegang/permissies';
import { gelijk } from '../services/gedeeld/geheimen';
import { createAanmeldBeperking } from '../services/toegang/aanmeldBeperking';
import { ROUTE_REGELS } from './routeRegels';
import { weigerPagina } from './weigeren';
import { aanmeldenRoutes } from './routes/toegang/aanmeldenRoutes';
import { overzichtRoutes } from './routes/termijnen/overzichtRoutes';
import { matrixRoutes } from './routes/termijnen/matrixRoutes';
import { zakenRoutes } from './routes/zaken/zakenRoutes';
import { documentenRoutes } from './routes/filings/documentenRoutes';
import { besluitenRoutes } from './routes/besluiten/besluitenRoutes';
import { regioRoutes } from './routes/regios/regioRoutes';
import { importRoutes } from './routes/besluiten/importRoutes';
import { exportRoutes } from './routes/termijnen/exportRoutes';
import { apiRoutes } from './apiRoutes';
import { agendaRoutes } from './routes/werkweergaven/agendaRoutes';
import { instellingenRoutes, organisatieRoutes } from './routes/beheer/instellingenRoutes';
import { outboxRoutes } from './routes/herinneringen/outboxRoutes';
import { herinneringenRoutes } from './routes/herinneringen/herinneringenRoutes';
import { ledenRoutes } from './routes/toegang/organisatieRoutes';
import { begrensBody } from './verzoekGrenzen';
import { readGezondheid } from '../services/beheer/gezondheid';
import { stilleLogger } from '../log/logger';
import { werkRoutes } from './routes/werkweergaven/werkRoutes';
import { controleRoutes, externeControleRoutes } from './routes/controle/controleRoutes';
import { bronnenRoutes } from './routes/bronnen/bronnenRoutes';
import { buildApiReferentie, buildOpenApiDocument, type ApiApp } from './openapi';
import { createApiBegrenzer } from './apiMiddleware';

const htmxBron = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'), 'utf8');
const PUBLIC_MAP = relative(process.cwd(), new URL('../../public', import.meta.url).pathname) || '.';

const isApi = (pad: string) => pad === '/api' || pad.startsWith('/api/');

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The security headers every answer carries, whichever middleware or handler made it. */
function setVeiligheidsKoppen(c: Context, secureCookie: boolean) {
  const koppen = c.res.headers;
  koppen.set('X-Content-Type-Options', 'nosniff');
  koppen.set('Referrer-Policy', 'same-origin');
  koppen.set('X-Frame-Options', 'DENY');
  koppen.set('Content-Security-Policy', CSP);
  if (secureCookie) koppen.set('Strict-Transport-Security', 'max-age=31536000');
  if (!koppen.get('Cache-Control') && !c.req.path.startsWith('/static/')) koppen.set('Cache-Control', 'no-store');
}
const ONVEILIG = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOKAAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Path prefixes served without signing in; test/server/routeTabel.test.ts checks every other route is protected. */
export const PUBLIEKE_PADEN = [
  '/static/',
  '/favicon.ico',
  '/gezond',
  '/gereed',
  '/aanmelden',
  '/afmelden',
  '/welkom/',
  '/agenda/',
  '/controle/',
  '/api/v1/openapi.json',
  '/api/v1/docs',
] as const;

/** The path as logged: the secret in a first-sign-in link or a calendar feed's file name never reaches the log. */
const logPad = (pad: string) => pad.replace(/^\/(welkom|agenda|controle)\/[^/]+/, '/$1/…');

/**
 * The rule of the route that will handle this request: the FIRST matched route that is not middleware (handlers run
 * in registration order and none calls next, so the first one answers; `/besluiten/contracteerruimte/regel` also
 * matches `/besluiten/:type/:id`, registered later).
 */
function regelVan(c: Context) {
  const handler = c.req.matchedRoutes.find((r) => r.method !== 'ALL');
  return handler ? { sleutel: `${handler.method} ${handler.path}`, regel: ROUTE_REGELS[`${handler.method} ${handler.path}`] } : undefined;
}

/**
 * The ONLY routes reachable without signing in: static files, the health check, sign-in/out, first sign-in links and
 * the calendar feed (which carries its own unguessable token). Everything else lives on the signed-in sub-app below.
 */
function publiekeRoutes(deps: AppDeps, beperking: ReturnType<typeof createAanmeldBeperking>, api: ApiApp) {
  const app = new Hono<AppEnv>();
  // The API's description (issue 32.1): no data, so readable without a token — by integrators and their generators.
  const document = buildOpenApiDocument(api);
  const referentie = deps.weergave.render('apiDocs', buildApiReferentie(document));
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.get('/api/v1/docs', (c) => c.html(referentie));
  // htmx comes from our own node_modules: the app works offline and loads nothing from a CDN.
  app.get('/static/htmx.min.js', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(htmxBron, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.use('/static/*', serveStatic({ root: PUBLIC_MAP, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }));
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  // Health (database, migrations, reminders, mail; counts and times only) and readiness (503 once shutting down).
  // Anyone hears only "ok" or "niet ok" (503 when the database cannot be used); a signed-in beheerder gets the details.
  app.get('/gezond', (c) => {
    const actor = findSessieActor(deps, c);
    const details = actor && can(actor, 'gezondheid.details');
    // A beheerder sees the reminders and mail of their own organisation only; anyone else hears "ok" or "niet ok".
    const g = readGezondheid(deps.db, deps.vandaag(), (deps.nuMs ?? Date.now)(), details ? actor.organisatieId : undefined);
    // The reminder job of this process: its last run (a run that failed makes the state "verminderd").
    const ronde = deps.herinneringRonde?.() ?? null;
    const status = g.status === 'ok' && ronde?.uitkomst === 'fout' ? 'verminderd' : g.status;
    const code = g.status === 'fout' ? 503 : 200;
    if (!details) return c.json({ status: status === 'ok' ? 'ok' : 'niet ok' }, code);
    return c.json({ ...g, status, herinneringJob: ronde ?? { aan: false } }, code);
  });
  app.get('/gereed', (c) => ((deps.gereed?.() ?? true) ? c.json({ gereed: true }) : c.json({ gereed: false }, 503)));
  app.route('/', aanmeldenRoutes(deps, beperking)); // /aanmelden, /afmelden, /welkom/:token
  app.route('/agenda', agendaRoutes(deps));
  app.route('/', externeControleRoutes(deps)); // /controle/:token (issue 30.2)
  return app;
}

/** Who acts through this request's session cookie, if anyone (for a public route that shows more to some). */
function findSessieActor(deps: AppDeps, c: Context<AppEnv>) {
  const token = readSessieCookie(c, deps.beveiliging.secureCookie);
  const sessie = token ? findSessie(deps.db, deps.sessieGeheim, token, (deps.nuMs ?? Date.now)(), deps.beveiliging.sessie) : undefined;
  return sessie ? loadActor(deps.db, sessie.gebruikerId) : undefined;
}

/** The signed-in part: its first middleware establishes who acts, the second asks permissies.ts about the route. */
function aangemeldeRoutes(deps: AppDeps, api: ApiApp) {
  const app = new Hono<AppEnv>();
  const nu = deps.nuMs ?? Date.now;
  const begrenzer = createApiBegrenzer(deps.apiVerzoekenPerMinuut ?? 600, nu);
  app.use('*', async (c, next) => {
    if (isApi(c.req.path)) {
      // The API is authorised by bearer tokens only: a browser's cookie never reaches /api/v1.
      const kop = c.req.header('Authorization') ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(kop);
      const actor = m ? findActorByApiToken(deps.db, deps.sessieGeheim, m[1]!, deps.vandaag()) : undefined;
      if (!actor) {
        c.header('WWW-Authenticate', 'Bearer realm="termijnbewaking"');
        return c.json({ fout: 'niet aangemeld: stuur de kop Authorization: Bearer met een persoonlijk API-token (Instellingen → API-tokens)' }, 401);
      }
      c.set('actor', actor);
      // Rate limit per token (issue 32.5, API_VERZOEKEN_PER_MINUUT).
      const wacht = begrenzer.neem(actor.apiTokenId!);
      if (wacht > 0) {
        c.header('Retry-After', String(wacht));
        return c.json({ fout: `te veel verzoeken met dit token; probeer het over ${wacht} seconden opnieuw` }, 429);
      }
    } else {
      const token = readSessieCookie(c, deps.beveiliging.secureCookie);
      const sessie = token ? findSessie(deps.db, deps.sessieGeheim, token, nu(), deps.beveiliging.sessie) : undefined;
      const actor = sessie ? loadActor(deps.db, sessie.gebruikerId) : undefined;
      if (!sessie || !actor) {
        const terug = c.req.path + (new URL(c.req.url).search || '');
        return c.redirect(`/aanmelden?terug=${encodeURIComponent(terug)}`);
      }
      // CSRF: a per-session token on every unsafe request, from the form field or the htmx header.
      if (ONVEILIG.has(c.req.method)) {
        let gestuurd = c.req.header('X-CSRF-Token');
        if (!gestuurd && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('Content-Type') ?? '')) {
          const veld = (await c.req.parseBody({ all: true }))._csrf;
          gestuurd = typeof veld === 'string' ? veld : undefined;
        }
        if (!gestuurd || !gelijk(gestuurd, sessie.csrfToken)) {
          c.get('log').warn({ user: actor.gebruikerId }, 'CSRF refused');
          return weigerPagina(deps, c, 403, 'Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en probeer het nog eens.');
        }
      }
      c.set('sessie', sessie);
      c.set('actor', actor);
    }
    c.set('inwerkingtredingOnbekend', deps.termijnen.config.inwerkingtreding === undefined);
    await next();
  });

  // The route guard: deny by default; the action of the route (routeRegels.ts) must be allowed by permissies.ts.
  app.use('*', async (c, next) => {
    const gevonden = regelVan(c);
    if (!gevonden) return next(); // no route: the not-found answer
    const actor = c.get('actor');
    if (!gevonden.regel || gevonden.regel === 'publiek' || !can(actor, gevonden.regel)) {
      c.get('log').warn({ user: actor.gebruikerId, rol: actor.rol, organisation: actor.organisatieId, route: gevonden.sleutel }, 'Permission refused');
      return weigerPagina(deps, c, 403);
    }
    await next();
  });

  app.route('/', overzichtRoutes(deps));
  app.route('/matrix', matrixRoutes(deps));
  app.route('/zaken', zakenRoutes(deps));
  app.route('/zaken/:id/documenten', documentenRoutes(deps)); // behind zakenRoutes' loadZaakUitPad
  app.route('/besluiten', besluitenRoutes(deps));
  app.route('/import', importRoutes(deps));
  app.route('/regios', regioRoutes(deps));
  app.route('/export', exportRoutes(deps));
  app.route('/instellingen', instellingenRoutes(deps));
  app.route('/organisatie', organisatieRoutes(deps));
  app.route('/organisatie', ledenRoutes(deps));
  app.route('/outbox', outboxRoutes(deps));
  app.route('/', werkRoutes(deps));
  app.route('/', controleRoutes(deps));
  app.route('/herinneringen', herinneringenRoutes(deps));
  app.route('/bronnen', bronnenRoutes(deps));
  app.route('/api/v1', api);
  app.all('/api/*', (c) => c.json({ fout: `onbekend: ${c.req.method} ${c.req.path}` }, 404));
  return app;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const beperking = createAanmeldBeperking();
  const { basisUrl } = deps.beveiliging;
  const basisHost = basisUrl ? new URL(basisUrl).host : undefined;
  const log = deps.log ?? stilleLogger;

  // One JSON line per request: its id (also the X-Request-Id header), the user's id (never an e-mail address), method,
  // path without the query string, status and duration.
  app.use('*', async (c, next) => {
    const begin = performance.now();
    const req = randomUUID();
    c.set('log', log.child({ req, method: c.req.method, path: logPad(c.req.path) }));
    try {
      await next();
    } finally {
      // On every answer, the early refusals (421, 403, 413) and error pages included (issue 28.7).
      setVeiligheidsKoppen(c, deps.beveiliging.secureCookie);
      c.res.headers.set('X-Request-Id', req);
      const user = c.get('actor')?.gebruikerId;
      c.get('log').info({ ...(user !== undefined ? { user } : {}), status: c.res.status, ms: Math.round((performance.now() - begin) * 10) / 10 }, 'request');
    }
  });

  app.use('*', async (c, next) => {
    // Host: only this app's own name (BASIS_URL), or localhost without one. Defeats DNS rebinding and host-header tricks.
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    const hostnaam = host.replace(/:\d+$/, '');
    if (basisHost ? host !== basisHost : !LOKAAL.has(hostnaam)) {
      return c.text('Onbekende host: deze server antwoordt alleen op zijn eigen adres (BASIS_URL).', 421);
    }
    // Origin / Sec-Fetch-Site on every unsafe method: a request from another site is refused before anything runs.
    if (ONVEILIG.has(c.req.method)) {
      const site = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      const eigen = basisUrl ?? `${new URL(c.req.url).protocol}//${host}`;
      if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== eigen)) {
        c.get('log').warn('Cross-site request refused');
        return c.text('Dit verzoek komt van een andere site en is geweigerd.', 403);
      }
    }
    await next();
  });

  // Body limits before anything reads a body (413, a Dutch page or JSON).
  app.use('*', begrensBody(deps));
  const api = apiRoutes(deps);
  app.route('/', publiekeRoutes(deps, beperking, api));
  app.route('/', aangemeldeRoutes(deps, api));

  app.notFound((c) => {
    if (isApi(c.req.path)) return c.json({ fout: `onbekend: ${c.req.method} ${c.req.path}` }, 404);
    // Through weigerPagina: a missing page and a confidential one look exactly alike, menu included.
    return weigerPagina(deps, c, 404);
  });
  app.onError((err, c) => {
    if (err instanceof Geweigerd) {
      const actor = c.get('actor');
      c.get('log').warn({ user: actor?.gebruikerId, actie: err.actie }, 'Permission refused in service');
      return weigerPagina(deps, c, err.verbergen ? 404 : 403);
    }
    c.get('log').error({ err }, 'Unhandled error');
    if (isApi(c.req.path)) return c.json({ fout: 'er ging iets mis; er is niets half opgeslagen' }, 500);
    return c.html(deps.weergave.render('fout', { titel: 'Er ging iets mis', melding: 'De fout is vastgelegd; er is niets half opgeslagen.' }), 500);
  });
  return app;
}
