import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string) =>
  t.als(email)(pad, { method: 'POST', body: formulier({}), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

let volgnummer = 0;
/** A reminder sent to the firm's jurist. */
const herinneringVoorJurist = () =>
  Number(
    t.db.$client
      .prepare(
        `INSERT INTO herinneringen (sleutel, soort, gebruiker_id, moment, status, termijn, einde, verzonden_op) VALUES (?, 'herinnering', (SELECT id FROM gebruikers WHERE email = ?), '2026-11-20', 'verzonden', 'z1', '2026-12-01', '2026-11-20T08:00:00Z')`,
      )
      .run(`test-gezien-${++volgnummer}`, DEMO.advocaat).lastInsertRowid,
  );
const gezienOp = (id: number) => (t.db.$client.prepare('SELECT gezien_op AS g FROM herinneringen WHERE id = ?').get(id) as { g: string | null }).g;
const audit = (actie: string) => t.db.$client.prepare('SELECT gebruiker_naam AS door, wijzigingen FROM audit_log WHERE actie = ?').all(actie);

describe('reminders (/herinneringen): "gezien" (issue 28.5)', () => {
  it("the permission check asks with the reminder's own organisation, not the actor's (issue 28 review, 5)", async () => {
    // A reminder addressed to the firm's jurist for a term of another organisation (Heuvelrand's).
    const id = herinneringVoorJurist();
    t.db.$client
      .prepare('UPDATE herinneringen SET organisatie_id = (SELECT organisatie_id FROM gebruikers WHERE email = ?) WHERE id = ?')
      .run(DEMO.inhouse, id);
    // The firm's beheerder may mark only its own organisation's reminders: refused, and shown no button.
    expect(await (await t.als(DEMO.beheerder)(`/herinneringen/${id}`)).text()).not.toContain(`action="/herinneringen/${id}/gezien"`);
    expect((await post(DEMO.beheerder, `/herinneringen/${id}/gezien`)).status).toBe(403);
    expect(gezienOp(id)).toBeNull();
  });

  it('a lezer of the same organisation cannot mark a colleague’s reminder seen, nor sees the button', async () => {
    const id = herinneringVoorJurist();
    const pagina = await (await t.als(DEMO.lezer)(`/herinneringen/${id}`)).text();
    expect(pagina).not.toContain(`action="/herinneringen/${id}/gezien"`);
    expect(pagina).toContain('kan deze herinnering als gezien markeren');
    expect((await post(DEMO.lezer, `/herinneringen/${id}/gezien`)).status).toBe(403);
    expect(gezienOp(id)).toBeNull();
  });

  it('the addressee marks it seen; a beheerder may too, audited as such', async () => {
    const id = herinneringVoorJurist();
    expect(await (await t.als(DEMO.advocaat)(`/herinneringen/${id}`)).text()).toContain(`action="/herinneringen/${id}/gezien"`);
    expect((await post(DEMO.advocaat, `/herinneringen/${id}/gezien`)).status).toBe(303);
    expect(gezienOp(id)).not.toBeNull();

    const tweede = herinneringVoorJurist();
    expect((await post(DEMO.beheerder, `/herinneringen/${tweede}/gezien`)).status).toBe(303);
    expect(gezienOp(tweede)).not.toBeNull();
    expect(audit('herinnering gezien door beheerder')).toEqual([
      { door: 'mr. A. van Dam', wijzigingen: expect.stringContaining(JSON.stringify({ aan: 'mr. J. Kuipers' }).slice(0, -1)) },
    ]);
  });
});

describe('the menu counts the terms with an unread reminder (issue 30.1)', () => {
  it('per person, loaded after the page; two reminders of one term count once; marking it seen empties the count', async () => {
    const leeg = await (await t.als(DEMO.advocaat)('/herinneringen/aantal')).text();
    expect(leeg).toBe('<span class="menu-teller leeg"></span>');
    const id = herinneringVoorJurist();
    herinneringVoorJurist(); // a second moment of the same term (z1)
    const een = await (await t.als(DEMO.advocaat)('/herinneringen/aantal')).text();
    expect(een).toContain('>1</span>');
    expect(een).toContain('1 termijn met een ongelezen herinnering');
    // Another person of the same organisation has none; the page itself carries no person's count (kept pages are shared).
    expect(await (await t.als(DEMO.beheerder)('/herinneringen/aantal')).text()).toBe('<span class="menu-teller leeg"></span>');
    const pagina = await (await t.als(DEMO.advocaat)('/')).text();
    expect(pagina).toContain('hx-get="/herinneringen/aantal" hx-trigger="load"');
    for (const r of t.db.$client.prepare("SELECT id FROM herinneringen WHERE termijn = 'z1'").pluck().all() as number[])
      await post(DEMO.advocaat, `/herinneringen/${r}/gezien`);
    expect(gezienOp(id)).not.toBeNull();
    expect(await (await t.als(DEMO.advocaat)('/herinneringen/aantal')).text()).toBe('<span class="menu-teller leeg"></span>');
  });
});
