import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actor/actor';
import { loadActorByEmail } from '../../src/services/toegang/actorService';
import { can, type Resource } from '../../src/services/toegang/permissies';
import { ROUTE_REGELS, type Regel } from '../../src/web/routeRegels';
import { createSessie } from '../../src/services/toegang/sessieService';
import { findGebruikerIdByEmail } from '../../src/services/toegang/gebruikerBeheer';
import { createTestApp, DEMO, SESSIE_GEHEIM } from '../support/testApp';

/**
 * Issue 28.4: "nobody sees a button they will be refused". For every role, the app is crawled as that user: from `/`
 * breadth-first along internal links, plus the known pages (cells, the organisation's cases, decisions, reminders,
 * settings…). On every page, every `<a href>` is followed (it must answer neither 403 nor 404 nor send to sign-in), and
 * every `<form>` and every `hx-get`/`hx-post` is checked against the route table WITHOUT performing it: its path is
 * matched to the first route of the app (as the route guard does), the route's action is asked of `can` with the
 * user's actor and, where the route acts on a thing (a case, a decision, a reminder), with that thing as resource.
 * GET forms and hx-get are requested like links. The NZa (the opposing party) also sees no appellant select.
 */
const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;

const ROLLEN: [string, string][] = [
  ['NZa jurist', DEMO.nza],
  ['NZa beheerder', DEMO.nzaBeheerder],
  ['firm jurist', DEMO.advocaat],
  ['firm lezer', DEMO.lezer],
  ['firm beheerder', DEMO.beheerder],
  ['in-house beheerder', DEMO.inhouse],
];

/** At most this many pages per role, and this many query-string variants of one path. */
const MAX_PAGINAS = 400;
const MAX_VARIANTEN = 3;

// A reminder for each user of the firm and of Heuvelrand, so the reminder pages show their buttons (to the addressee
// and, on a colleague's, to nobody but the beheerder).
function voegHerinneringenToe(db: typeof sql) {
  for (const email of [DEMO.advocaat, DEMO.lezer, DEMO.inhouse]) {
    db.prepare(
      `INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status, termijn, einde, verzonden_op) VALUES (?, 'herinnering', (SELECT id FROM gebruikers WHERE email = ?), '2026-11-20', 'verzonden', 'z1', '2026-12-01', '2026-11-20T08:00:00Z')`,
    ).run(`knoppen-${email}`, email);
  }
}
voegHerinneringenToe(sql);

const ids = (query: string, ...params: unknown[]) => (sql.prepare(query).all(...params) as { id: number }[]).map((r) => r.id);

/** The pages every user is tried on besides what the links reach; one refused here is no finding (nothing links it). */
function bekendePaginas(actor: Actor): string[] {
  const org = actor.organisatieId;
  const cellen = sql
    .prepare(
      `SELECT DISTINCT r.naam AS regio, b.jaar AS jaar FROM contracteerruimtebedragen b JOIN zorgkantoorregios r ON r.id = b.regio_id ORDER BY b.jaar DESC, r.naam LIMIT 6`,
    )
    .all() as { regio: string; jaar: number }[];
  return [
    '/',
    '/matrix',
    ...cellen.map((c) => `/matrix/${encodeURIComponent(c.regio)}/${c.jaar}`),
    '/zaken',
    ...ids('SELECT id FROM zaken WHERE organisatie_id = ? ORDER BY id', org).flatMap((id) => [`/zaken/${id}`, `/zaken/${id}/documenten/nieuw`]),
    ...ids('SELECT id FROM contracteerruimtebesluiten ORDER BY id LIMIT 4').map((id) => `/besluiten/contracteerruimte/${id}`),
    ...ids('SELECT id FROM tariefbeschikkingen WHERE organisatie_id = ? ORDER BY id LIMIT 6', org).map((id) => `/besluiten/tariefbeschikking/${id}`),
    '/besluiten/nieuw',
    '/werkruimte',
    '/mijn-week',
    '/instellingen',
    '/organisatie/leden',
    '/organisatie/wijzigingen',
    '/organisatie/sso',
    '/herinneringen',
    ...ids('SELECT h.id FROM herinneringen h JOIN gebruikers g ON g.id = h.gebruiker_id WHERE g.organisatie_id = ?', org).map((id) => `/herinneringen/${id}`),
    '/import',
    '/outbox',
    '/regios',
  ];
}

/** The app's routes in registration order: the first whose method and pattern match is the one that answers. */
const ROUTES = t.app.routes
  .filter((r) => r.method !== 'ALL')
  .map((r) => ({
    sleutel: `${r.method} ${r.path}`,
    method: r.method,
    patroon: new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, '(?<$1>[^/]+)')}$`),
  }));

function routeVan(method: string, pad: string): { sleutel: string; regel: Regel | undefined; params: Record<string, string> } | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.patroon.exec(pad);
    if (m) return { sleutel: r.sleutel, regel: ROUTE_REGELS[r.sleutel], params: { ...m.groups } };
  }
  return undefined;
}

/** The thing a route acts on, when its path names one: what the service will ask `can` about. */
function resourceVan(pad: string, params: Record<string, string>): Resource | undefined {
  if (pad.startsWith('/zaken/') && params.id) {
    const rij = sql.prepare('SELECT organisatie_id AS org FROM zaken WHERE id = ?').get(Number(params.id)) as { org: number } | undefined;
    return { soort: 'zaak', organisatieId: rij?.org ?? -1 };
  }
  if (pad.startsWith('/besluiten/') && params.type && params.id) {
    if (params.type === 'contracteerruimte') return { soort: 'besluit', type: 'contracteerruimte', eigenaar: null };
    const rij = sql.prepare('SELECT organisatie_id AS org FROM tariefbeschikkingen WHERE id = ?').get(Number(params.id)) as { org: number } | undefined;
    return { soort: 'besluit', type: 'tariefbeschikking', eigenaar: rij?.org ?? -1 };
  }
  if (pad.startsWith('/herinneringen/') && params.id) {
    const rij = sql
      .prepare(
        `SELECT h.gebruiker_id AS gebruiker, coalesce(h.organisatie_id, z.organisatie_id, g.organisatie_id) AS org FROM herinneringen h
         JOIN gebruikers g ON g.id = h.gebruiker_id LEFT JOIN zaken z ON z.id = h.zaak_id WHERE h.id = ?`,
      )
      .get(Number(params.id)) as { gebruiker: number; org: number } | undefined;
    return { soort: 'herinnering', gebruikerId: rij?.gebruiker ?? -1, organisatieId: rij?.org ?? -1 };
  }
  return undefined;
}

const ontsnapt = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const attribuut = (tag: string, naam: string) => {
  const m = new RegExp(`\\s${naam}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? ontsnapt(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};

interface Element {
  soort: 'link' | 'form' | 'htmx';
  method: string;
  doel: string;
  beschrijving: string;
  /** A form's hidden inputs (name, value), as the browser would send them. */
  velden?: [string, string][];
}

/** Every link, form (with its hidden inputs) and htmx request on a page. */
function elementenVan(html: string, pagina: string): Element[] {
  const uit: Element[] = [];
  const zonderTemplates = html.replace(/<script[\s\S]*?<\/script>/gi, '');
  for (const m of zonderTemplates.matchAll(/<a\s[^>]*>/gi)) {
    const href = attribuut(m[0], 'href');
    if (href !== undefined) uit.push({ soort: 'link', method: 'GET', doel: href, beschrijving: m[0] });
  }
  for (const m of zonderTemplates.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const tag = `<form${m[1]}>`;
    const method = (attribuut(tag, 'method') ?? 'get').toUpperCase();
    const action = attribuut(tag, 'action') ?? attribuut(tag, 'hx-post') ?? attribuut(tag, 'hx-get');
    if (action === undefined) continue; // an htmx-only form: its hx-* attribute is checked below
    const velden = [...m[2]!.matchAll(/<input\s[^>]*type="hidden"[^>]*>/gi)].map((i): [string, string] => [
      attribuut(i[0], 'name') ?? '',
      attribuut(i[0], 'value') ?? '',
    ]);
    const verborgen = velden.filter(([n]) => n !== '_csrf').map(([n, w]) => `${n}=${w}`);
    const knop = /<button[^>]*>([\s\S]*?)<\/button>/i
      .exec(m[2]!)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim();
    const effectief = attribuut(tag, 'hx-post') !== undefined && !attribuut(tag, 'method') ? 'POST' : method;
    uit.push({
      soort: 'form',
      method: effectief,
      doel: method === 'GET' ? action || pagina : action || pagina,
      beschrijving: `<form ${effectief} ${action}${verborgen.length ? ` [${verborgen.join(', ')}]` : ''}>${knop ? ` "${knop}"` : ''}`,
      velden,
    });
  }
  for (const m of zonderTemplates.matchAll(/<[a-z]+\s[^>]*\shx-(get|post|put|patch|delete)\s*=[^>]*>/gi)) {
    const method = m[1]!.toUpperCase();
    const doel = attribuut(m[0], `hx-${m[1]}`);
    if (doel !== undefined) uit.push({ soort: 'htmx', method, doel, beschrijving: m[0].slice(0, 160) });
  }
  return uit;
}

/** An internal address as a path plus query (hash dropped), or undefined for mailto:, http(s) elsewhere, #fragments. */
function intern(doel: string, pagina: string): string | undefined {
  if (doel === '' || doel.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(doel)) return undefined;
  const url = new URL(doel, `http://app.test${pagina}`);
  if (url.origin !== 'http://app.test') return undefined;
  return url.pathname + url.search;
}

const isGeweigerd = (r: Response) =>
  r.status === 403 || r.status === 404 || r.status === 401 || (r.status >= 300 && r.status < 400 && (r.headers.get('location') ?? '').startsWith('/aanmelden'));

/**
 * Choosing the appellant of a case: a client select, or a label naming the client as appellant — never on the NZa's
 * pages. (The NZa's own register of received beroepen names the appellant as the CBb's notice does: that is no choice.)
 */
const APPELLANT = /<select[^>]*name="(?:zorgaanbiederId|clientId)"|<label[^>]*>[^<]*\(appellant\)/gi;

interface Verslag {
  paginas: number;
  links: number;
  formulieren: number;
  htmx: number;
  fouten: string[];
  /** The writes the user is offered, to be tried on a fresh app (one per role), with at most a few per route. */
  schrijven: { pagina: string; element: Element; pad: string }[];
}

async function crawl(rol: string, email: string): Promise<Verslag> {
  const actor = loadActorByEmail(t.db, email);
  if (!actor) throw new Error(`no actor ${email}`);
  const verzoek = t.als(email);
  const verslag: Verslag = { paginas: 0, links: 0, formulieren: 0, htmx: 0, fouten: [], schrijven: [] };
  const schrijfPerRoute = new Map<string, Set<string>>();
  const status = new Map<string, Promise<Response>>();
  const opvragen = (pad: string, htmx = false) => {
    const sleutel = `${htmx ? 'hx ' : ''}${pad}`;
    let r = status.get(sleutel);
    if (!r) {
      r = Promise.resolve(verzoek(pad, { redirect: 'manual', headers: htmx ? { 'HX-Request': 'true' } : {} }));
      status.set(sleutel, r);
    }
    return r.then((x) => x.clone());
  };
  const gezien = new Set<string>();
  const variantenPerPad = new Map<string, number>();
  const rij: string[] = [];
  const plan = (pad: string) => {
    if (gezien.has(pad)) return;
    const basis = pad.split('?')[0]!;
    if (pad.includes('?')) {
      const n = variantenPerPad.get(basis) ?? 0;
      if (n >= MAX_VARIANTEN) return;
      variantenPerPad.set(basis, n + 1);
    }
    gezien.add(pad);
    rij.push(pad);
  };
  bekendePaginas(actor).forEach(plan);
  const fout = (pagina: string, e: Element, waarom: string) =>
    verslag.fouten.push(`${rol} · ${pagina} · ${e.soort} ${e.method} ${e.doel} · ${waarom} · ${e.beschrijving}`);

  while (rij.length > 0 && verslag.paginas < MAX_PAGINAS) {
    const pagina = rij.shift()!;
    const r = await opvragen(pagina);
    if (r.status !== 200 || !(r.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await r.text();
    verslag.paginas++;
    if (actor.organisatieSoort === 'nza') {
      for (const m of html.matchAll(APPELLANT))
        verslag.fouten.push(`${rol} · ${pagina} · appellant on the NZa's page · ${html.slice(Math.max(0, m.index - 80), m.index + 80).replace(/\s+/g, ' ')}`);
    }
    for (const e of elementenVan(html, pagina)) {
      const pad = intern(e.doel, pagina);
      if (pad === undefined) continue;
      const padZonderQuery = pad.split('?')[0]!;
      if (e.soort === 'link') verslag.links++;
      else if (e.soort === 'form') verslag.formulieren++;
      else verslag.htmx++;
      if (e.method === 'GET') {
        const antwoord = await opvragen(pad, e.soort === 'htmx');
        if (isGeweigerd(antwoord)) {
          fout(pagina, e, `answers ${antwoord.status}${antwoord.headers.get('location') ? ` → ${antwoord.headers.get('location')}` : ''}`);
          continue;
        } else if (e.soort === 'link' && !/\.(csv|ics|docx|pdf|png|svg|js|css)$/.test(padZonderQuery)) plan(pad);
      }
      if (padZonderQuery === '/afmelden') continue; // everybody signs out
      const route = routeVan(e.method, padZonderQuery);
      if (!route) {
        if (e.method !== 'GET' || !padZonderQuery.startsWith('/static/')) fout(pagina, e, 'no route');
        continue;
      }
      if (route.regel === undefined) {
        fout(pagina, e, `route ${route.sleutel} has no rule`);
        continue;
      }
      if (route.regel === 'publiek') continue;
      if (!can(actor, route.regel)) {
        fout(pagina, e, `refused: ${route.regel}`);
        continue;
      }
      if (e.method !== 'GET') {
        const voorbeelden = schrijfPerRoute.get(route.sleutel) ?? new Set<string>();
        schrijfPerRoute.set(route.sleutel, voorbeelden);
        const sleutel = `${pad} ${JSON.stringify(e.velden ?? [])}`;
        if (!voorbeelden.has(sleutel) && voorbeelden.size < MAX_VARIANTEN) {
          voorbeelden.add(sleutel);
          verslag.schrijven.push({ pagina, element: e, pad });
        }
      }
      const resource = resourceVan(padZonderQuery, route.params);
      if (
        resource &&
        (route.regel === 'zaak.lezen' ||
          route.regel === 'zaak.wijzigen' ||
          route.regel === 'stuk.opstellen' ||
          route.regel === 'besluit.wijzigen' ||
          route.regel === 'herinnering.gezien')
      ) {
        if (!can(actor, route.regel, resource)) fout(pagina, e, `refused: ${route.regel} on ${JSON.stringify(resource)}`);
      }
    }
  }
  return verslag;
}

/** Routes whose use would end the very session the remaining writes are tried with. */
const SESSIE_EINDE = new Set(['/afmelden', '/instellingen/overal-afmelden']);

/**
 * The offered writes, performed: on a fresh app with the same demo data (same ids), each as the browser would send it
 * (its hidden inputs; visible fields empty, so most answer 422). None may be refused (403), find nothing (404) or
 * send the user to sign in.
 */
async function probeerSchrijven(rol: string, email: string, schrijven: Verslag['schrijven']): Promise<string[]> {
  const vers = createTestApp();
  try {
    voegHerinneringenToe(vers.db.$client);
    const gebruikerId = findGebruikerIdByEmail(vers.db, email)!;
    const fouten: string[] = [];
    for (const { pagina, element, pad } of schrijven) {
      if (SESSIE_EINDE.has(pad.split('?')[0]!)) continue;
      const body = new URLSearchParams((element.velden ?? []).filter(([n]) => n !== '_csrf'));
      // A session of its own for each write: an earlier write (a colleague's reset, …) may have ended the last one.
      const { token, sessie } = createSessie(vers.db, SESSIE_GEHEIM, gebruikerId, vers.klok.nuMs);
      const r = await vers.app.request(pad, {
        method: element.method,
        body,
        redirect: 'manual',
        headers: {
          Cookie: `sessie=${token}`,
          'X-CSRF-Token': sessie.csrfToken,
          'Content-Type': 'application/x-www-form-urlencoded',
          ...(element.soort === 'htmx' ? { 'HX-Request': 'true' } : {}),
        },
      });
      await r.arrayBuffer();
      if (isGeweigerd(r)) fouten.push(`${rol} · ${pagina} · ${element.soort} ${element.method} ${pad} · performed: ${r.status} · ${element.beschrijving}`);
    }
    return fouten;
  } finally {
    vers.sluit();
  }
}

describe('no button is refused (issue 28.4): every role crawls the app', () => {
  it('every link, form and htmx request a user is shown is one the user may use', async () => {
    const fouten: string[] = [];
    const overzicht: string[] = [];
    for (const [rol, email] of ROLLEN) {
      const v = await crawl(rol, email);
      overzicht.push(`${rol}: ${v.paginas} pages, ${v.links} links, ${v.formulieren} forms, ${v.htmx} htmx`);
      expect(v.paginas, `${rol} reached too few pages`).toBeGreaterThan(5);
      fouten.push(...v.fouten, ...(await probeerSchrijven(rol, email, v.schrijven)));
      overzicht[overzicht.length - 1] += `, ${v.schrijven.length} writes performed`;
    }
    console.info(overzicht.join('\n'));
    expect([...new Set(fouten)]).toEqual([]);
  }, 240_000);
});
