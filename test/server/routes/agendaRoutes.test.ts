import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('calendar feed (/agenda)', () => {
  it('is public with the token in its URL, and 404 for any other token', async () => {
    const token = (t.db.$client.prepare('SELECT agenda_token AS t FROM gebruikers WHERE email = ?').get(DEMO.inhouse) as { t: string }).t;
    const r = await t.app.request(`/agenda/${token}.ics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/calendar');
    expect((await t.app.request('/agenda/raden-lukt-niet-aaaaaaaaaa.ics')).status).toBe(404);
    expect((await t.app.request('/agenda/kort.ics')).status).toBe(404);
  });
});
