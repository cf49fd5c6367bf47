import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../support/testApp';

let t: ReturnType<typeof createTestApp>;
beforeEach(() => (t = createTestApp()));
afterEach(() => t.sluit());

const post = (email: string, pad: string, velden: Record<string, string | string[]>) =>
  t.als(email)(pad, { method: 'POST', body: formulier(velden), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

const upload = (email: string, soort: string, naam: string, inhoud: string) => {
  const fd = new FormData();
  fd.append('soort', soort);
  fd.append('bestand', new File([inhoud], naam, { type: 'text/csv' }));
  return t.als(email)('/import/voorbeeld', { method: 'POST', body: fd });
};

describe('acting organisation', () => {
  it('redirects a visitor who is not signed in, and answers 401 on the API', async () => {
    expect((await t.app.request('/')).status).toBe(302);
    expect((await t.app.request('/api/v1/termijnen')).status).toBe(401);
  });

  it('signs in with a cookie and shows who acts for which organisation', async () => {
    const aanmelden = await t.app.request('/aanmelden', { method: 'POST', body: formulier({ gebruikerId: '2', terug: '/matrix' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(aanmelden.status).toBe(303);
    expect(aanmelden.headers.get('location')).toBe('/matrix');
    const cookie = aanmelden.headers.get('set-cookie')!.split(';')[0]!;
    const pagina = await (await t.app.request('/', { headers: { cookie } })).text();
    expect(pagina).toContain('Van Dam &amp; Kuipers Advocaten');
  });

  it('never redirects to another site after signing in', async () => {
    const r = await t.app.request('/aanmelden', { method: 'POST', body: formulier({ gebruikerId: '2', terug: '//evil.example/x' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(r.headers.get('location')).toBe('/');
  });

  it('scopes every query: a law firm sees only its clients, the NZa sees all', async () => {
    const advocaat = await (await t.als(DEMO.advocaat)('/api/v1/besluiten')).json();
    const nza = await (await t.als(DEMO.nza)('/api/v1/besluiten')).json();
    const inhouse = await (await t.als(DEMO.inhouse)('/api/v1/besluiten')).json();
    const kenmerken = (x: { tariefbeschikkingen: { kenmerk: string }[] }) => x.tariefbeschikkingen.map((tb) => tb.kenmerk).sort();
    expect(kenmerken(nza)).toHaveLength(10);
    expect(kenmerken(advocaat)).not.toContain('NZa/TB/2026-1702'); // Zuid-Limburg provider: not a client
    expect(kenmerken(inhouse).every((k: string) => ['NZa/TB/2026-0412', 'NZa/TB/2026-1810', 'NZa/TB/2026-1855'].includes(k))).toBe(true);
    const zaken = await (await t.als(DEMO.inhouse)('/api/v1/zaken')).json();
    expect(zaken.zaken.every((z: { organisatieId: number }) => z.organisatieId === 3)).toBe(true);
  });
});

describe('overview, matrix and history', () => {
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

  it('exports the term list as CSV with a BOM for Excel', async () => {
    await t.als(DEMO.advocaat)('/api/v1/besluiten', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'tariefbeschikking', kenmerk: 'X1', zorgaanbieder: '90000003', regio: 'Amsterdam', jaar: 2027, soort: 'vaststelling', besluitdatum: '2026-11-20', bekendgemaakt: '2026-11-20' }),
    });
    const r = await t.als(DEMO.advocaat)('/export/termijnen.csv');
    expect(r.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toBe('laatste_dag;dagen_over;rechtsmiddel;tegen;regio;jaar;zorgaanbieder;besluit;bekendgemaakt;aanvang;grondslag;toelichting');
    expect(csv).toContain('2026-12-01;9;bezwaar;tariefbeschikking;Amsterdam;2026');
    expect(csv).toContain(';X1;');
  });
});

describe('registering and editing decisions', () => {
  it('saves a tariefbeschikking typed as dd-mm-jjjj and its two terms appear', async () => {
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-2001', zorgaanbieder: '90000003', regio: 'amsterdam', jaar: '2027', soort: 'vaststelling', besluitdatum: '16-11-2026', bekendgemaakt: '18-11-2026',
    });
    expect(r.status).toBe(303);
    const api = await (await t.als(DEMO.advocaat)('/api/v1/termijnen?regio=Amsterdam&jaar=2027')).json();
    const vanNieuw = api.termijnen.filter((x: { besluit: string }) => x.besluit === 'NZa/TB/2026-2001');
    expect(vanNieuw.map((x: { rechtsmiddel: string; einde: string }) => `${x.rechtsmiddel} ${x.einde}`).sort()).toEqual(['beroep 2026-12-30', 'bezwaar 2026-12-30']);
  });

  it('keeps what was typed and says what is wrong beside the field', async () => {
    const voor = t.momentopname();
    const r = await post(DEMO.advocaat, '/besluiten/tariefbeschikking', {
      kenmerk: 'NZa/TB/2026-2002', zorgaanbieder: '90000003', regio: 'Amsterdam', jaar: '2027', soort: 'vaststelling', besluitdatum: '16-11-2026', bekendgemaakt: '31-11-2026',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('&quot;31-11-2026&quot; is geen geldige datum (dd-mm-jjjj)');
    expect(html).toContain('value="NZa/TB/2026-2002"');
    expect(t.momentopname()).toBe(voor);
  });

  it('saves a contracteerruimtebesluit with several years and amounts at once', async () => {
    const r = await post(DEMO.nza, '/besluiten/contracteerruimte', {
      kenmerk: 'NZa/CR/2026-200', soort: 'wijziging', besluitdatum: '2026-11-18', bekendgemaakt: '2026-11-20',
      regio: ['Zeeland', 'Zeeland', ''], jaar: ['2027', '2028', ''], bedrag: ['€ 812.000.000,00', '830.500.000', ''],
    });
    expect(r.status).toBe(303);
    const besluiten = await (await t.als(DEMO.nza)('/api/v1/besluiten')).json();
    const nieuw = besluiten.contracteerruimtebesluiten.find((b: { kenmerk: string }) => b.kenmerk === 'NZa/CR/2026-200');
    expect(nieuw.bedragen).toEqual([
      { regio: 'Zeeland', jaar: 2027, bedragCenten: 81_200_000_000 },
      { regio: 'Zeeland', jaar: 2028, bedragCenten: 83_050_000_000 },
    ]);
  });

  it('previews the terms before saving, and the sluittarief exclusion with its reason', async () => {
    const voor = t.momentopname();
    const tb = await (await post(DEMO.advocaat, '/besluiten/voorbeeld', { type: 'tariefbeschikking', regio: 'Utrecht', jaar: '2026', soort: 'wijziging', bekendgemaakt: '13-11-2026' })).text();
    expect(tb).toContain('maandag 28 december 2026');
    expect(tb).toContain('eerste Kerstdag');
    const sluit = await (await post(DEMO.advocaat, '/besluiten/voorbeeld', { type: 'tariefbeschikking', regio: 'Utrecht', jaar: '2025', soort: 'sluittarief', bekendgemaakt: '13-11-2026' })).text();
    expect(sluit).toContain('Wlz-sluittarief');
    expect(sluit).toContain('art. 105 lid 2 Wmg');
    expect(t.momentopname()).toBe(voor);
  });

  it('editing a bekendmaking recomputes the dependent terms and shows what changed', async () => {
    const id = (t.db.$client.prepare(`SELECT id FROM tariefbeschikkingen WHERE kenmerk = 'NZa/TB/2026-1855'`).get() as { id: number }).id;
    const r = await post(DEMO.inhouse, `/besluiten/tariefbeschikking/${id}/bewerken`, { besluitdatum: '06-11-2026', bekendgemaakt: '12-11-2026' });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('22 december 2026'); // was
    expect(html).toContain('24 december 2026'); // wordt
  });
});

describe('bulk import', () => {
  const GOED = 'kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\nNZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Utrecht;2027;1.900.000.000,00\nNZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Twente;2027;800.000.000,00\n';

  it('shows per-row errors and writes nothing when one row is bad', async () => {
    const voor = t.momentopname();
    const r = await upload(DEMO.nza, 'contracteerruimte', 'fout.csv', GOED + 'NZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Utrech;2027;1,2,3\n');
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('<td>4</td><td>regio</td><td>&quot;Utrech&quot; is geen zorgkantoorregio</td>');
    expect(html).toContain('<td>4</td><td>bedrag</td>');
    expect(html).not.toContain('name="token"');
    expect(t.momentopname()).toBe(voor);
  });

  it('imports after the check in one go, and a re-import of the same file changes nothing', async () => {
    const controle = await (await upload(DEMO.nza, 'contracteerruimte', 'goed.csv', GOED)).text();
    const token = /name="token" value="([^"]+)"/.exec(controle)![1]!;
    const klaar = await (await post(DEMO.nza, '/import/uitvoeren', { token })).text();
    expect(klaar).toContain('Geïmporteerd:</strong> 1 besluit');
    const na = t.momentopname();
    const opnieuw = await (await upload(DEMO.nza, 'contracteerruimte', 'goed.csv', GOED)).text();
    expect(opnieuw).toContain('al aanwezig');
    expect(opnieuw).not.toContain('name="token"');
    expect(t.momentopname()).toBe(na);
    expect((await post(DEMO.nza, '/import/uitvoeren', { token })).status).toBe(422); // a token works once
  });

  it('imports the shipped example files', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [soort, bestand] of [['contracteerruimte', 'seed/import/contracteerruimte-NZa-CR-2026-130.csv'], ['tariefbeschikkingen', 'seed/import/tariefbeschikkingen-2027.csv']] as const) {
      const html = await (await upload(DEMO.advocaat, soort, bestand, readFileSync(bestand, 'utf8'))).text();
      const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
      expect(token, html).toBeDefined();
      expect((await post(DEMO.advocaat, '/import/uitvoeren', { token: token! })).status).toBe(200);
    }
    const besluiten = await (await t.als(DEMO.advocaat)('/api/v1/besluiten')).json();
    expect(besluiten.tariefbeschikkingen.map((b: { kenmerk: string }) => b.kenmerk)).toContain('NZa/TB/2026-1904');
  });
});

describe('case files', () => {
  it('registering beroep ingesteld moves the region-year to in beroep, the uitspraak moves it on', async () => {
    const status = async () =>
      (await (await t.als(DEMO.inhouse)('/api/v1/termijnen?regio=Utrecht&jaar=2026')).json()).status[0];
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
    const r = await post(DEMO.advocaat, '/zaken', { soort: 'bezwaar', contracteerruimtebesluitId: '2', regio: 'Amsterdam', jaar: '2027' });
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
