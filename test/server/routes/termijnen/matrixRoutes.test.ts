import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../../../support/testApp';

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
    const html = await (await t.als(DEMO.inhouse)('/matrix/ZK23/2026')).text();
    const volgorde = ['NZa/CR/2025-118', 'NZa/TB/2026-0412', 'NZa/CR/2026-087', 'NZa/TB/2026-1855'].map((k) => html.indexOf(k));
    expect(volgorde.every((p) => p > 0)).toBe(true);
    expect([...volgorde].sort((a, b) => a - b)).toEqual(volgorde);
    expect(html).toContain('22 december 2026');
  });

  it('addresses a region by its CBS code; a name (with or without a slash) redirects there (termijnregels §11)', async () => {
    for (const [pad, doel] of [
      ['/matrix/Utrecht/2026', '/matrix/ZK23/2026'],
      [`/matrix/${encodeURIComponent('Zaanstreek/Waterland')}/2026?peildatum=2026-11-01`, '/matrix/ZK26/2026?peildatum=2026-11-01'],
    ] as const) {
      const antwoord = await t.als(DEMO.inhouse)(pad);
      expect(antwoord.status).toBe(301);
      expect(antwoord.headers.get('location')).toBe(doel);
    }
  });

  it('shows per party, the doubts and how each date was derived (termijnregels §4, §6, §10)', async () => {
    const html = await (await t.als(DEMO.nza)('/matrix/ZK02/2026?peildatum=2026-10-01')).text();
    expect(html).toContain('Stand per partij');
    expect(html).toContain('Stichting Amstelhof Wonen en Zorg');
    expect(html).toContain('beschermende datum');
    expect(html).toContain('Hoe is deze datum berekend?');
    expect(html).toContain('art. 6:8 lid 1 Awb');
    expect(html).toContain('Mogelijk fatale datum');
  });
});
