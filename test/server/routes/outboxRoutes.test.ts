import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('outbox (/outbox)', () => {
  it('shows the outbox page and never another organisation’s e-mail', async () => {
    t.db.$client
      .prepare("INSERT INTO uitgaande_mail (message_id, aan, onderwerp, tekst, eml) VALUES ('<x@test>', ?, 'Herinnering', 'tekst', 'eml')")
      .run(DEMO.inhouse);
    const id = (t.db.$client.prepare('SELECT id FROM uitgaande_mail').get() as { id: number }).id;
    expect(await (await t.als(DEMO.inhouse)('/outbox')).text()).toContain('Herinnering');
    expect((await t.als(DEMO.inhouse)(`/outbox/${id}.eml`)).status).toBe(200);
    expect((await t.als(DEMO.advocaat)(`/outbox/${id}.eml`)).status).toBe(404);
    expect((await t.als(DEMO.nza)(`/outbox/${id}.eml`)).status).toBe(200);
  });
});
