import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('outbox (/outbox)', () => {
  it('shows the outbox page and never another organisation’s e-mail', async () => {
    t.db.$client
      .prepare("INSERT INTO uitgaande_mail (message_id, aan, onderwerp, tekst, eml) VALUES ('<x@test>', ?, 'Herinnering', 'tekst', 'eml')")
      .run(DEMO.inhouse);
    const id = (t.db.$client.prepare('SELECT id FROM uitgaande_mail').get() as { id: number }).id;
    expect(await (await t.als(DEMO.inhouse)('/outbox')).text()).toContain('Herinnering');
    expect((await t.als(DEMO.inhouse)(`/outbox/${id}.eml`)).status).toBe(200);
    // Issue 11: the beheerder of another organisation gets 404; the NZa never reads a firm's mail; a lezer has no outbox.
    expect((await t.als(DEMO.beheerder)(`/outbox/${id}.eml`)).status).toBe(404);
    expect((await t.als(DEMO.nza)(`/outbox/${id}.eml`)).status).toBe(403);
    expect((await t.als(DEMO.lezer)('/outbox')).status).toBe(403);
  });
});
