import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

describe('case files', () => {
  it('registering beroep ingesteld moves the region-year to in beroep, the uitspraak moves it on', async () => {
    const status = async () => (await (await t.als(DEMO.inhouse)('/api/v1/termijnen?regio=Utrecht&jaar=2026')).json()).status[0];
    expect((await status()).status).toBe('open');
    const zaakId = (t.db.$client.prepare(`SELECT id FROM zaken WHERE soort = 'beroep' AND organisatie_id = 3`).get() as { id: number }).id;
    expect((await post(DEMO.inhouse, `/zaken/${zaakId}/ingesteld`, { ingesteld: '20-11-2026', cbbZaaknummer: '26/1200' })).status).toBe(303);
    expect((await status()).status).toBe('in-beroep');
    const pagina = await (await t.als(DEMO.inhouse)(`/zaken/${zaakId}`)).text();
    expect(pagina).toContain('Beroep ingesteld (CBb 26/1200)');
    expect((await post(DEMO.inhouse, `/zaken/${zaakId}/uitspraak`, { afgerond: '21-11-2026', uitspraak: 'ingetrokken' })).status).toBe(303);
    expect((await status()).status).toBe('open'); // the lid-2 term of the gewijzigde tariefbeschikking still runs
  });

  it('refuses a bezwaar against a contracteerruimtebesluit and explains the right route', async () => {
    const voor = t.momentopname();
    const r = await post(DEMO.advocaat, '/zaken', {
      soort: 'bezwaar',
      contracteerruimtebesluitId: '2',
      regio: 'Amsterdam',
      jaar: '2027',
      zorgaanbiederId: '2',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('geen bezwaar open (art. 7:1 Awb met Bijlage 1 Awb)');
    expect(html).toContain('rechtstreeks beroep in bij het CBb');
    expect(t.momentopname()).toBe(voor);
  });

  it('refuses a beroep against the contracteerruimte via a sluittarief beschikking, with the reason', async () => {
    const id = (t.db.$client.prepare(`SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-1810'`).get() as { id: number }).id;
    const html = await (await post(DEMO.inhouse, '/zaken', { soort: 'beroep', tariefbeschikkingId: String(id) })).text();
    expect(html).toContain('Wlz-sluittarief in de nacalculatie opent geen beroep');
  });
});
