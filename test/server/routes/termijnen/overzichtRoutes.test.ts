import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createTestApp, DEMO, SESSIE_GEHEIM } from '../../../support/testApp';
import { createSessie } from '../../../../src/services/toegang/sessieService';
import { findGebruikerIdByEmail } from '../../../../src/services/toegang/gebruikerBeheer';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

describe('overview', () => {
  it('answers an out-of-range peildatum with a Dutch 400 page, not a 500 (issue 28.7)', async () => {
    for (const peildatum of ['0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01']) {
      const r = await t.als(DEMO.advocaat)(`/?peildatum=${peildatum}`);
      expect([peildatum, r.status]).toEqual([peildatum, 400]);
      expect(await r.text()).toContain('De peildatum moet een geldige datum zijn tussen 1 januari 1900 en 31 december 2200');
    }
    expect((await t.als(DEMO.advocaat)('/?peildatum=1900-01-01')).status).toBe(200);
    expect((await t.als(DEMO.advocaat)('/?peildatum=2200-12-31')).status).toBe(200);
  });

  it('lists terms soonest first with days left and the sluittarief and onherroepelijk banners', async () => {
    const html = await (await t.als(DEMO.advocaat)('/')).text();
    expect(html).toContain('Sluittarief: geen beroep tegen de contracteerruimte');
    expect(html).toContain('Onherroepelijk: geen nieuw beroep');
    expect(html).toContain('nog 9 dagen');
    expect(html.indexOf('1 december 2026')).toBeLessThan(html.indexOf('22 december 2026'));
  });

  it('two sessions of one user each get their own CSRF token in the kept page, gzipped on request', async () => {
    const gebruiker = findGebruikerIdByEmail(t.db, DEMO.advocaat)!;
    const sessies = [createSessie(t.db, SESSIE_GEHEIM, gebruiker, Date.now()), createSessie(t.db, SESSIE_GEHEIM, gebruiker, Date.now())];
    for (const { token, sessie } of sessies) {
      const r = await t.app.request('/', { headers: { Cookie: `sessie=${token}`, Host: 'localhost' } });
      expect(await r.text()).toContain(`"X-CSRF-Token": "${sessie.csrfToken}"`);
    }
    const gz = await t.app.request('/', { headers: { Cookie: `sessie=${sessies[0]!.token}`, Host: 'localhost', 'Accept-Encoding': 'gzip, br' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toContain(sessies[0]!.sessie.csrfToken);
  });

  it('filters on region and rechtsmiddel', async () => {
    const html = await (await t.als(DEMO.advocaat)('/?regio=Amsterdam&rechtsmiddel=bezwaar')).text();
    expect(html).toContain('NZa/TB/2026-1744');
    expect(html).not.toContain('NZa/TB/2026-1855');
  });

  it('termijnregels §8: with no entry-into-force date configured every page says so; with one it does not', async () => {
    expect(await (await t.als(DEMO.advocaat)('/')).text()).not.toContain('Datum van inwerkingtreding onbekend');
    const onbekend = createTestApp('2026-11-22', null);
    try {
      for (const pad of ['/', '/matrix', '/zaken/1']) {
        expect(await (await onbekend.als(DEMO.advocaat)(pad)).text()).toContain('Datum van inwerkingtreding onbekend');
      }
    } finally {
      onbekend.sluit();
    }
  });

  it('shows beschermende datums and doubts in the list, each with its afleiding', async () => {
    const html = await (await t.als(DEMO.nza)('/?regio=Amsterdam')).text();
    expect(html).toContain('Hoe is deze datum berekend?');
    expect(html).toContain('twijfel');
  });

  it('lists an exclusion that could be wrong as a possible term with its date, counted like a term (termijnregels §6–§7)', async () => {
    const html = await (await t.als(DEMO.advocaat)('/?regio=Rotterdam')).text();
    expect(html).toContain('Mogelijke termijnen');
    expect(html).toMatch(/Mogelijke termijnen[\s\S]*donderdag 12 november 2026[\s\S]*Maasoever Gehandicaptenzorg B\.V\./);
    expect(html).toContain('2 recent verlopen'); // the bezwaar term and the possible beroep term
  });
});
