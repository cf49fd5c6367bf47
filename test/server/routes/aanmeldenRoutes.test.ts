import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('acting organisation', () => {
  it('redirects a visitor who is not signed in, and answers 401 on the API', async () => {
    expect((await t.app.request('/')).status).toBe(302);
    expect((await t.app.request('/api/v1/termijnen')).status).toBe(401);
  });

  it('signs in with a cookie and shows who acts for which organisation', async () => {
    const aanmelden = await t.app.request('/aanmelden', {
      method: 'POST',
      body: formulier({ gebruikerId: '2', terug: '/matrix' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(aanmelden.status).toBe(303);
    expect(aanmelden.headers.get('location')).toBe('/matrix');
    const cookie = aanmelden.headers.get('set-cookie')!.split(';')[0]!;
    const pagina = await (await t.app.request('/', { headers: { cookie } })).text();
    expect(pagina).toContain('Van Dam &amp; Kuipers Advocaten');
  });

  it('never redirects to another site after signing in', async () => {
    const r = await t.app.request('/aanmelden', {
      method: 'POST',
      body: formulier({ gebruikerId: '2', terug: '//evil.example/x' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(r.headers.get('location')).toBe('/');
  });

  it('scopes every query: a law firm sees only its clients, the NZa sees all', async () => {
    const advocaat = await (await t.als(DEMO.advocaat)('/api/v1/besluiten')).json();
    const nza = await (await t.als(DEMO.nza)('/api/v1/besluiten')).json();
    const inhouse = await (await t.als(DEMO.inhouse)('/api/v1/besluiten')).json();
    const kenmerken = (x: { tariefbeschikkingen: { kenmerk: string }[] }) => x.tariefbeschikkingen.map((tb) => tb.kenmerk).sort();
    expect(kenmerken(nza)).toHaveLength(10);
    expect(kenmerken(advocaat)).not.toContain('NZa/TB/2026-1702'); // Zuid-Limburg provider: not a client
    expect(kenmerken(inhouse).every((k: string) => ['NZa/TB/2026-0412', 'NZa/TB/2026-1810', 'NZa/TB/2026-1855'].includes(k))).toBe(true);
    const zaken = await (await t.als(DEMO.inhouse)('/api/v1/zaken')).json();
    expect(zaken.zaken.every((z: { organisatieId: number }) => z.organisatieId === 3)).toBe(true);
  });
});
