import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('matrix and history', () => {
  it('shows the matrix with states, amounts and one shared lid-3 window', async () => {
    const html = await (await t.als(DEMO.nza)('/matrix')).text();
    expect(html).toContain('Gedeeld beroepsvenster art. 105 lid 3 Wmg: 1 maart 2027 t/m 12 april 2027');
    expect(html).toContain('status-in-beroep');
    expect(html).toContain('status-onherroepelijk');
    expect(html).toMatch(/€ \d{1,3}(\.\d{3})+,\d{2}/);
  });

  it('shows a cell history in time order with the terms each decision opened or did not open', async () => {
    const html = await (await t.als(DEMO.inhouse)('/matrix/Utrecht/2026')).text();
    const volgorde = ['NZa/CR/2025-118', 'NZa/TB/2026-0412', 'NZa/CR/2026-087', 'NZa/TB/2026-1855'].map((k) => html.indexOf(k));
    expect(volgorde.every((p) => p > 0)).toBe(true);
    expect([...volgorde].sort((a, b) => a - b)).toEqual(volgorde);
    expect(html).toContain('22 december 2026');
  });
});
