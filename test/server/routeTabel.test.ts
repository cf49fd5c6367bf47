import { afterAll, describe, expect, it } from 'vitest';
import { PUBLIEKE_PADEN } from '../../src/web/app';
import { createTestApp, DEMO } from '../support/testApp';
import { hashAgendaToken } from '../../src/db/geheimOpslag';

/** Tests over the whole route table (app.routes): whatever route is added later is covered without editing this file. */
const t = createTestApp();
afterAll(() => t.sluit());

const sql = t.db.$client;
const zaakIds = (sql.prepare('SELECT id FROM zaken ORDER BY id').all() as { id: number }[]).map((z) => String(z.id));
const tbId = String((sql.prepare('SELECT id FROM tariefbeschikkingen ORDER BY id LIMIT 1').get() as { id: number }).id);
const crId = String((sql.prepare('SELECT id FROM contracteerruimtebesluiten ORDER BY id LIMIT 1').get() as { id: number }).id);
const token = 'routetabel-agendatoken-aaaaaaaaaaaa';
sql.prepare('UPDATE gebruikers SET agenda_token_hash = ? WHERE email = ?').run(hashAgendaToken(token), DEMO.inhouse);

/** Sample values for each path parameter: existing rows, someone else's rows, and nonsense. */
const WAARDEN: Record<string, string[]> = {
  id: [...zaakIds, tbId, crId, '1', '999999', 'abc'],
  documentId: ['1', '999999'],
  token: ['onbekende-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
  tokenId: ['1', '999999'],
  webhookId: ['1', '999999'],
  gebruikerId: ['1', '999999'],
  type: ['tariefbeschikking', 'contracteerruimte', 'onzin'],
  regio: ['Amsterdam', 'Zwolle', 'Nergens'],
  jaar: ['2026', '1800'],
  code: ['ZK23', 'ZK99'],
  bestand: [`${token}.ics`, 'raden-lukt-niet-aaaaaaaaaa.ics'],
};

function expand(pad: string): string[] {
  if (pad.endsWith('/*') || pad === '*' || pad === '/*') return pad.startsWith('/static/') ? ['/static/favicon.svg', '/static/app.css'] : [];
  const m = /:([A-Za-z]+)/.exec(pad);
  if (!m) return [pad];
  const waarden = WAARDEN[m[1]!];
  if (!waarden) throw new Error(`no sample values for path parameter :${m[1]} (${pad}); add them to WAARDEN`);
  return waarden.flatMap((w) => expand(pad.replace(m[0], encodeURIComponent(w))));
}

const getRoutes = [...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
const allRoutes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

describe('the route table', () => {
  it('has the routes we expect to walk', () => {
    expect(getRoutes).toEqual(
      expect.arrayContaining(['/', '/matrix', '/zaken', '/zaken/:id', '/besluiten/nieuw', '/instellingen', '/outbox', '/api/v1/termijnen', '/agenda/:bestand']),
    );
  });

  it('GET never writes: walking every GET route as every user leaves the database unchanged', async () => {
    // One user without a calendar link yet: showing the settings page must not create one.
    sql.prepare('UPDATE gebruikers SET agenda_token_hash = NULL WHERE email = ?').run(DEMO.advocaat);
    const voor = t.momentopname();
    const gezien: string[] = [];
    for (const email of [DEMO.nza, DEMO.advocaat, DEMO.inhouse, undefined]) {
      for (const route of getRoutes) {
        for (const pad of expand(route)) {
          for (const query of ['', '?peildatum=2027-03-01&type=contracteerruimte&soort=beroepschrift']) {
            const r = email ? await t.als(email)(pad + query) : await t.app.request(pad + query);
            expect(r.status, `${email} GET ${pad}${query}`).toBeLessThan(500);
            gezien.push(route);
          }
        }
      }
    }
    expect(new Set(gezien).size).toBe(getRoutes.filter((r) => expand(r).length > 0).length);
    expect(t.momentopname()).toBe(voor);
  }, 120_000);

  it('protects every route that is not listed as public', async () => {
    const publiek = (pad: string) => PUBLIEKE_PADEN.some((p) => pad === p || pad.startsWith(p));
    const beschermd = allRoutes.filter((r) => !publiek(r.split(' ')[1]!));
    expect(beschermd.length).toBeGreaterThan(20);
    for (const route of beschermd) {
      const [method, patroon] = route.split(' ') as [string, string];
      for (const pad of expand(patroon).slice(0, 2)) {
        const r = await t.app.request(pad, { method, redirect: 'manual' });
        if (pad.startsWith('/api/')) expect(r.status, route).toBe(401);
        else if (method !== 'GET')
          expect([302, 401, 403], `${method} ${pad}`).toContain(r.status); // unsafe: refused before anything runs
        else if (method === 'GET') {
          expect(r.status, `${method} ${pad}`).toBe(302);
          expect(r.headers.get('location'), route).toMatch(/^\/aanmelden\?terug=/);
        }
      }
    }
  });
});
