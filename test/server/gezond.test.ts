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
      .prepare(
        "INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status) VALUES ('test-mislukt', 'herinnering', (SELECT id FROM gebruikers WHERE email = ?), '2026-11-20', 'mislukt')",
      )
      .run(DEMO.beheerder);
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

  it("counts only the beheerder's own organisation's reminders: another organisation's failure is not the NZa's to see (issue 28 review)", async () => {
    t.db.$client
      .prepare(
        "INSERT INTO herinneringen (sleutel, soort, gebruiker_id, organisatie_id, moment, status, termijn, einde) VALUES ('test-kantoor-mislukt', 'herinnering', (SELECT id FROM gebruikers WHERE email = ?), (SELECT organisatie_id FROM gebruikers WHERE email = ?), '2026-11-20', 'mislukt', 'z1', '2026-12-01')",
      )
      .run(DEMO.advocaat, DEMO.advocaat);
    const kantoor = await (await t.als(DEMO.beheerder)('/gezond')).json();
    expect(kantoor).toMatchObject({ status: 'verminderd', herinneringen: { mislukt: 1 } });
    const nza = await (await t.als(DEMO.nzaBeheerder)('/gezond')).json();
    expect(nza).toMatchObject({ status: 'ok', herinneringen: { mislukt: 0, laatsteVerzending: null } });
    t.db.$client.prepare("DELETE FROM herinneringen WHERE sleutel = 'test-kantoor-mislukt'").run();
  });
});
