import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('filings (/zaken/:id/documenten)', () => {
  it('shows the filing form for an own case and 404 for another organisation’s case', async () => {
    const eigen = await t.als(DEMO.advocaat)('/zaken/1/documenten/nieuw?soort=beroepschrift');
    expect(eigen.status).toBe(200);
    expect(await eigen.text()).toContain('Beroepschrift (CBb)');
    expect((await t.als(DEMO.inhouse)('/zaken/1/documenten/nieuw?soort=beroepschrift')).status).toBe(404);
    expect((await post(DEMO.inhouse, '/zaken/1/documenten', { soort: 'beroepschrift' })).status).toBe(404);
    expect((await t.als(DEMO.advocaat)('/zaken/1/documenten/999')).status).toBe(404);
  });

  it('refuses an unknown kind of filing', async () => {
    expect((await t.als(DEMO.advocaat)('/zaken/1/documenten/nieuw?soort=brief')).status).toBe(400);
  });
});
