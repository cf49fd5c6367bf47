import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('overview', () => {
  it('lists terms soonest first with days left and the sluittarief and onherroepelijk banners', async () => {
    const html = await (await t.als(DEMO.advocaat)('/')).text();
    expect(html).toContain('Sluittarief: geen beroep tegen de contracteerruimte');
    expect(html).toContain('Onherroepelijk: geen nieuw beroep');
    expect(html).toContain('nog 9 dagen');
    expect(html.indexOf('1 december 2026')).toBeLessThan(html.indexOf('22 december 2026'));
  });

  it('filters on region and rechtsmiddel', async () => {
    const html = await (await t.als(DEMO.advocaat)('/?regio=Amsterdam&rechtsmiddel=bezwaar')).text();
    expect(html).toContain('NZa/TB/2026-1744');
    expect(html).not.toContain('NZa/TB/2026-1855');
  });
});
