import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../support/testApp';

/**
 * Issue 28.7: /gezond tells an anonymous caller (and any signed-in user who is not a beheerder) only "ok" or
 * "niet ok"; a signed-in beheerder gets the details (migrations, reminders, the reminder job).
 */
const t = createTestApp();
afterAll(() => t.sluit());

describe('/gezond', () => {
  it('says only "ok" to anonymous callers and to members who are not beheerder', async () => {
    for (const [wie, r] of [
      ['anonymous', await t.app.request('/gezond')],
      ['jurist', await t.als(DEMO.advocaat)('/gezond')],
      ['lezer', await t.als(DEMO.lezer)('/gezond')],
    ] as const) {
      expect([wie, r.status, await r.json()]).toEqual([wie, 200, { status: 'ok' }]);
    }
  });

  it('says "niet ok" when something is wrong, without saying what', async () => {
    // A reminder that failed after every retry makes the state "verminderd".
    t.db.$client
      .prepare("INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status) VALUES ('test-mislukt', 'herinnering', 1, '2026-11-20', 'mislukt')")
      .run();
    const r = await t.app.request('/gezond');
    expect([r.status, await r.json()]).toEqual([200, { status: 'niet ok' }]);
    const details = await (await t.als(DEMO.beheerder)('/gezond')).json();
    expect(details).toMatchObject({ status: 'verminderd', herinneringen: { mislukt: 1 } });
    t.db.$client.prepare("DELETE FROM herinneringen WHERE sleutel = 'test-mislukt'").run();
  });

  it('gives a signed-in beheerder the details', async () => {
    const r = await t.als(DEMO.beheerder)('/gezond');
    expect(r.status).toBe(200);
    const g = await r.json();
    expect(g).toMatchObject({ status: 'ok', database: { bereikbaar: true }, migraties: { actueel: true } });
    expect(g.migraties.toegepast).toBe(g.migraties.meegeleverd);
    expect(g.herinneringJob).toEqual({ aan: false });
  });
});
