import { findEigenTariefbeschikking } from '../support/demoGegevens';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';

/**
 * The permission matrix (issue 11), generated from the route table: every route of the app × every role, with the
 * expected answer written here by hand, independent of permissies.ts. A route without a row fails this test.
 * Roles, in this order: NZa jurist, firm jurist, firm lezer, other organisation (beheerder of Heuvelrand), firm
 * beheerder, anonymous. Codes: o = allowed (not 401/403/404, no sign-in redirect), w = 403, v = 404,
 * a = sign in first (302 to /aanmelden, 401 on the API), p = public (anything but a refusal or a sign-in redirect).
 * Paths with :type/:id are tried on a tariefbeschikking registered by the firm (tb) and a contracteerruimtebesluit (cr).
 */
const t = createTestApp();
afterAll(() => t.sluit());
const sql = t.db.$client;
const ROLLEN = [DEMO.nza, DEMO.advocaat, DEMO.lezer, DEMO.inhouse, DEMO.beheerder, undefined] as const;
const naamVan = ['NZa jurist', 'firm jurist', 'firm lezer', 'other organisation', 'firm beheerder', 'anonymous'];

const zaakVanKantoor = (sql.prepare("SELECT id FROM zaken WHERE organisatie_id = 2 AND status = 'concept' ORDER BY id LIMIT 1").get() as { id: number }).id;
const tbVanKantoor = findEigenTariefbeschikking(sql, 'NZa/TB/2026-0188', 'Van Dam & Kuipers Advocaten');
const crId = (sql.prepare('SELECT id FROM contracteerruimtebesluiten ORDER BY id LIMIT 1').get() as { id: number }).id;
const lezerId = (sql.prepare('SELECT id FROM gebruikers WHERE email = ?').get(DEMO.lezer) as { id: number }).id;

const VERWACHT: Record<string, string | { tb: string; cr: string }> = {
  'GET /static/htmx.min.js': 'pppppp',
  'GET /favicon.ico': 'pppppp',
  'GET /gezond': 'pppppp',
  'GET /gereed': 'pppppp',
  'GET /aanmelden': 'pppppp',
  // Without the sign-in page's own CSRF cookie, a sign-in is refused.
  'POST /aanmelden': 'wwwwww',
  // Without the sign-in page's CSRF cookie, or without the transaction cookie of a started SSO sign-in: refused.
  'POST /aanmelden/sso': 'wwwwww',
  'GET /aanmelden/sso/terug': 'wwwwww',
  'GET /welkom/:token': 'pppppp',
  'POST /welkom/:token': 'pppppp',
  'GET /agenda/:bestand': 'pppppp',
  // The external checker's one-time link (issue 30.2): guarded by the link itself.
  'GET /controle/:token': 'pppppp',
  'POST /controle/:token': 'pppppp',
  // The API's description holds no data (issue 32.1).
  'GET /api/v1/openapi.json': 'pppppp',
  'GET /api/v1/docs': 'pppppp',
  'GET /': 'oooooa',
  'GET /matrix': 'oooooa',
  'GET /matrix/:regio/:jaar': 'oooooa',
  'GET /export/termijnen.csv': 'oooooa',
  'GET /export/termijnen.xlsx': 'oooooa',
  'GET /besluiten/nieuw': 'oowooa',
  'GET /besluiten/contracteerruimte/regel': 'owwwwa',
  'POST /besluiten/contracteerruimte': 'owwwwa',
  'POST /besluiten/tariefbeschikking': 'oowooa',
  'POST /besluiten/voorbeeld': 'oowooa',
  // Issue 28: the firm's tariefbeschikking is the firm's alone — the NZa and the other organisation find nothing.
  'GET /besluiten/:type/:id': { tb: 'voovoa', cr: 'oooooa' },
  'GET /besluiten/:type/:id/bewerken': { tb: 'vowvoa', cr: 'owwwwa' },
  'POST /besluiten/:type/:id/bewerken': { tb: 'vowvoa', cr: 'owwwwa' },
  'POST /besluiten/:type/:id/watals': { tb: 'voovoa', cr: 'oooooa' },
  // Everyone reads the division; only the NZa's beheerder renames or merges (test/server/routes/regios/regioRoutes.test.ts).
  'GET /regios': 'oooooa',
  'POST /regios/samenvoegen': 'wwwwwa',
  'POST /regios/:code/naam': 'wwwwwa',
  'GET /import': 'oowooa',
  'POST /import/voorbeeld': 'oowooa',
  'POST /import/uitvoeren': 'oowooa',
  'GET /zaken': 'oooooa',
  // The NZa opens no case: it is the opposing party (issue 28.4).
  'POST /zaken': 'wowooa',
  'GET /zaken/:id': 'voovoa',
  'GET /zaken/:id/termijn.ics': 'voovoa',
  'POST /zaken/:id/ingesteld': 'vowvoa',
  'POST /zaken/:id/uitspraak': 'vowvoa',
  'POST /zaken/:id/ingesteld-ongedaan': 'vowvoa',
  // Issue 14: counsel's week (not the NZa's), the four-eyes check (writers of a counsel organisation), the NZa's workspace.
  'GET /mijn-week': 'wooooa',
  // Issue 30.2: the check page of a date (counsel organisations), its check and the invitation of an external checker.
  'GET /termijnen/controle': 'wooooa',
  'POST /termijnen/controle': 'wowooa',
  'POST /termijnen/controle/uitnodigen': 'wowooa',
  'POST /termijnen/controle/uitnodiging/:id/intrekken': 'wowooa',
  'GET /werkruimte': 'owwwwa',
  'GET /werkruimte/export.csv': 'owwwwa',
  'GET /werkruimte/export.xlsx': 'owwwwa',
  // Issue 28.1: the NZa's writers register the beroepen the CBb notified; nobody else.
  'POST /werkruimte/beroepen': 'owwwwa',
  'POST /werkruimte/beroepen/:id/afgerond': 'owwwwa',
  'POST /zaken/:id/notities': 'vowvoa',
  'POST /zaken/:id/griffierecht': 'vowvoa',
  // Drafting an appellant's filing: never the NZa (403 before any case is looked at), never a lezer.
  'GET /zaken/:id/documenten/nieuw': 'wowvoa',
  'POST /zaken/:id/documenten/aanvulling': 'wowvoa',
  'POST /zaken/:id/documenten/termijn': 'vowvoa',
  'POST /zaken/:id/documenten': 'wowvoa',
  'GET /zaken/:id/documenten/:documentId': 'vvvvva',
  'GET /instellingen': 'oooooa',
  'POST /instellingen': 'oooooa',
  'POST /instellingen/briefhoofd': 'wwwooa',
  'POST /instellingen/agenda-token': 'oooooa',
  'POST /instellingen/tokens': 'oooooa',
  'POST /instellingen/tokens/:tokenId/intrekken': 'vvvvva',
  // Issue 32.3: an organisation's beheerder manages its webhooks (the other organisation's beheerder too, its own);
  // with an empty form the registration is refused with 422 (allowed, nothing made); no webhook 999999 anywhere.
  'POST /instellingen/webhooks': 'wwwooa',
  'POST /instellingen/webhooks/:webhookId/verwijderen': 'wwwvva',
  'GET /organisatie/logo.png': 'voovoa',
  'GET /organisatie/leden': 'wwwooa',
  'POST /organisatie/leden': 'wwwooa',
  'POST /organisatie/leden/:gebruikerId/rol': 'wwwvoa',
  'POST /organisatie/leden/:gebruikerId/nieuwe-link': 'wwwvoa',
  // Issue 28.5: the lezer has enrolled; a reset goes to the lezer's own address.
  'POST /organisatie/leden/:gebruikerId/herstel': 'wwwvoa',
  'GET /organisatie/wijzigingen': 'wwwooa',
  'GET /organisatie/sso': 'wwwooa',
  'POST /organisatie/sso': 'wwwooa',
  'POST /organisatie/sso/uitzetten': 'wwwooa',
  'GET /outbox': 'wwwooa',
  'GET /outbox/:id': 'wwwvva',
  // No reminder 999999: a beheerder gets 404, everyone else may not manage the outbox at all.
  'POST /outbox/:id/opnieuw': 'wwwvva',
  'POST /outbox/:id/verzonden': 'wwwvva',
  'GET /herinneringen': 'oooooa',
  'GET /herinneringen/aantal': 'oooooa',
  'GET /herinneringen/:id': 'vvvvva',
  'POST /herinneringen/:id/gezien': 'vvvvva',
  'POST /instellingen/verantwoordelijken': 'wwwooa',
  // Issue 33: everyone reads the proposals of their own organisation; no proposal 999999 of one's own: 404 for a writer.
  'GET /bronnen': 'oooooa',
  'POST /bronnen/:id/aanvaarden': 'vvwvva',
  'POST /bronnen/:id/afwijzen': 'vvwvva',
  'GET /api/v1/termijnen': 'oooooa',
  'GET /api/v1/besluiten': 'oooooa',
  'POST /api/v1/besluiten': 'oowooa',
  'POST /api/v1/clienten': 'oowooa',
  'GET /api/v1/zaken': 'oooooa',
  'GET /api/v1/zaken/:id/stukken/:bestand': 'wowvoa',
  'POST /api/v1/webhooks': 'wwwooa',
  'GET /api/v1/webhooks': 'wwwooa',
  'DELETE /api/v1/webhooks/:id': 'wwwvva',
  'GET /api/v1/webhooks/:id/leveringen': 'wwwvva',
  // Issue 32.2: the cases through the API answer exactly as their pages (POST /zaken, GET /zaken/:id, the case's actions).
  'POST /api/v1/zaken': 'wowooa',
  'GET /api/v1/zaken/:id': 'voovoa',
  'PATCH /api/v1/zaken/:id': 'vowvoa',
  'GET /api/v1/zaken/:id/gebeurtenissen': 'voovoa',
  // Last: these end sessions (the lezer's, then each role's own).
  'POST /organisatie/leden/:gebruikerId/afmelden': 'wwwvoa',
  // The lezer's sessions were just ended by the beheerder (row above): signed out, so sent to sign in.
  'POST /instellingen/overal-afmelden': 'ooaooa',
  'POST /afmelden': 'pppppp',
};

const WAARDEN: Record<string, string> = {
  token: 'onbekende-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  bestand: 'onbekend-aaaaaaaaaaaaaaaaaaaa.ics',
  regio: 'Amsterdam',
  jaar: '2027',
  id: String(zaakVanKantoor),
  documentId: '999999',
  tokenId: '999999',
  webhookId: '999999',
  gebruikerId: String(lezerId),
  code: 'ZK23',
};

function pad(route: string, soort?: 'tb' | 'cr'): string {
  let p = route.split(' ')[1]!;
  if (p.includes(':type/:id')) p = p.replace(':type/:id', soort === 'cr' ? `contracteerruimte/${crId}` : `tariefbeschikking/${tbVanKantoor}`);
  if (p.startsWith('/outbox/') || p.startsWith('/herinneringen/') || p.startsWith('/bronnen/') || p.startsWith('/api/v1/webhooks/'))
    return p.replace(':id', '999999');
  if (p.startsWith('/api/v1/zaken/')) p = p.replace(':bestand', 'clientbrief.docx');
  return p.replace(/:([A-Za-z]+)/g, (_, n: string) => WAARDEN[n]!);
}

const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

describe('the permission matrix: every route × every role', () => {
  it('has an expected answer for every route of the app (a new route without a rule fails here)', () => {
    expect(routes.filter((r) => !(r in VERWACHT))).toEqual([]);
    expect(Object.keys(VERWACHT).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers every role as expected, and every allowed write leaves an audit entry', async () => {
    const fouten: string[] = [];
    const auditVoor = () => (sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    for (const route of Object.keys(VERWACHT)) {
      const verwacht = VERWACHT[route]!;
      const varianten =
        typeof verwacht === 'string'
          ? [[undefined, verwacht] as const]
          : ([
              ['tb', verwacht.tb],
              ['cr', verwacht.cr],
            ] as const);
      for (const [soort, codes] of varianten) {
        const [method] = route.split(' ') as [string];
        const p = pad(route, soort);
        for (const [i, email] of ROLLEN.entries()) {
          const isApi = p.startsWith('/api/');
          const init: RequestInit = { method, redirect: 'manual' };
          if (method === 'POST' || method === 'PATCH') {
            init.body = isApi ? '{}' : formulier({});
            init.headers = { 'Content-Type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' };
          }
          const r = email ? await t.als(email)(p, init) : await t.app.request(p, init);
          const naarAanmelden = r.status === 401 || (r.status === 302 && (r.headers.get('location') ?? '').startsWith('/aanmelden'));
          const gekregen = naarAanmelden ? 'a' : r.status === 403 ? 'w' : r.status === 404 ? 'v' : 'o';
          const code = codes[i]!;
          const klopt = code === 'p' ? gekregen !== 'w' && gekregen !== 'a' && r.status < 500 : code === gekregen && r.status < 500;
          if (!klopt) fouten.push(`${route}${soort ? ` (${soort})` : ''} as ${naamVan[i]}: expected ${code}, got ${r.status}`);
          await r.arrayBuffer();
        }
      }
    }
    expect(fouten).toEqual([]);
    expect(auditVoor()).toBeGreaterThan(0);
  }, 120_000);
});
