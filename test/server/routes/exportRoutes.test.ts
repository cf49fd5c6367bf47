import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, tariefbeschikkingJson } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('CSV export', () => {
  it('answers an out-of-range peildatum with a Dutch 400, not a 500 (issue 28.7)', async () => {
    for (const peildatum of ['0000-01-01', '9999-12-31']) {
      const r = await t.als(DEMO.advocaat)(`/export/termijnen.csv?peildatum=${peildatum}`);
      expect([peildatum, r.status]).toEqual([peildatum, 400]);
      expect(await r.text()).toContain('De peildatum moet een geldige datum zijn tussen 1 januari 1900 en 31 december 2200');
    }
  });

  it('exports the term list as CSV with a BOM for Excel', async () => {
    await t.als(DEMO.advocaat)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: tariefbeschikkingJson('X1'),
    });
    const r = await t.als(DEMO.advocaat)('/export/termijnen.csv');
    expect(r.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    // Issue 14: headers in Dutch, dates as a Dutch spreadsheet reads them.
    expect(csv.split('\r\n')[0]).toBe('Laatste dag;Dagen over;Rechtsmiddel;Tegen;Regio;Jaar;Zorgaanbieder;Besluit;Bekendgemaakt;Aanvang;Grondslag;Toelichting');
    expect(csv).toContain('01-12-2026;9;bezwaar;tariefbeschikking;Amsterdam;2026');
    expect(csv).toContain(';X1;');
  });
});
