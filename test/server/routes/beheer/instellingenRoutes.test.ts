import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('settings (/instellingen)', () => {
  it('saves the reminder schedule and refuses one that is not a list of working days', async () => {
    expect((await post(DEMO.inhouse, '/instellingen', { schema: '10, 5, 0', weekoverzicht: 'ja' })).status).toBe(303);
    expect(await (await t.als(DEMO.inhouse)('/instellingen')).text()).toContain('value="10,5,0"');
    const fout = await post(DEMO.inhouse, '/instellingen', { schema: 'morgen', weekoverzicht: 'nee' });
    expect(fout.status).toBe(422);
    expect(await fout.text()).toContain('is geen lijst werkdagen');
  });

  it('shows a button instead of creating a calendar link on a GET', async () => {
    t.db.$client.prepare('UPDATE gebruikers SET agenda_token_hash = NULL WHERE email = ?').run(DEMO.inhouse);
    expect(await (await t.als(DEMO.inhouse)('/instellingen')).text()).toContain('U hebt nog geen agenda-link.');
    // Shown once, on the answer that made it.
    expect(await (await t.als(DEMO.inhouse)('/instellingen/agenda-token', { method: 'POST' })).text()).toMatch(/agenda\/[A-Za-z0-9_-]{20,}\.ics/);
    expect(await (await t.als(DEMO.inhouse)('/instellingen')).text()).toContain('U hebt een agenda-link.');
  });

  it('saves the letterhead of the own organisation only, and checks the postcode', async () => {
    expect(
      (await post(DEMO.inhouse, '/instellingen/briefhoofd', { adres: 'Laan 1', postcode: '3511ab', plaats: 'Utrecht', email: '', telefoon: '' })).status,
    ).toBe(303);
    const rij = t.db.$client.prepare("SELECT adres, postcode FROM organisaties WHERE naam = 'Stichting Zorggroep Heuvelrand'").get();
    expect(rij).toEqual({ adres: 'Laan 1', postcode: '3511 AB' });
    expect((await post(DEMO.inhouse, '/instellingen/briefhoofd', { adres: '', postcode: 'abc', plaats: '', email: '', telefoon: '' })).status).toBe(422);
  });
});
