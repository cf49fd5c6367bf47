import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('calendar feed (/agenda)', () => {
  it('is public with the token in its URL, and 404 for any other token', async () => {
    const pagina = await (await t.als(DEMO.inhouse)('/instellingen/agenda-token', { method: 'POST' })).text();
    const token = /\/agenda\/([A-Za-z0-9_-]{20,})\.ics/.exec(pagina)![1]!;
    const r = await t.app.request(`/agenda/${token}.ics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/calendar');
    expect((await t.app.request('/agenda/raden-lukt-niet-aaaaaaaaaa.ics')).status).toBe(404);
    expect((await t.app.request('/agenda/kort.ics')).status).toBe(404);
  });

  it('is stored as a hash only: a copy of the database yields no working feed URL (issue 28.6)', async () => {
    const pagina = await (await t.als(DEMO.inhouse)('/instellingen/agenda-token', { method: 'POST' })).text();
    const token = /\/agenda\/([A-Za-z0-9_-]{20,})\.ics/.exec(pagina)![1]!;
    const rij = t.db.$client.prepare('SELECT * FROM gebruikers WHERE email = ?').get(DEMO.inhouse) as Record<string, unknown>;
    const alles = JSON.stringify(t.db.$client.prepare('SELECT * FROM gebruikers').all());
    expect(alles).not.toContain(token);
    expect(rij.agenda_token_hash).toMatch(/^[0-9a-f]{64}$/);
    // What is stored does not open the feed.
    expect((await t.app.request(`/agenda/${String(rij.agenda_token_hash).slice(0, 64)}.ics`)).status).toBe(404);
    // The settings page no longer shows it; it says there is a link and offers a new one.
    const later = await (await t.als(DEMO.inhouse)('/instellingen')).text();
    expect(later).not.toContain(token);
    expect(later).toContain('U hebt een agenda-link.');
    expect((await t.app.request(`/agenda/${token}.ics`)).status).toBe(200);
  });
});
