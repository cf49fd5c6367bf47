import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../support/testApp';

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

describe('bulk import', () => {
  it('offers the contracteerruimte import only to who may register contracteerruimtebesluiten (the NZa)', async () => {
    const nza = await (await t.als(DEMO.nza)('/import')).text();
    expect(nza).toContain('value="contracteerruimte" checked');
    const kantoor = await (await t.als(DEMO.advocaat)('/import')).text();
    expect(kantoor).not.toContain('value="contracteerruimte"');
    expect(kantoor).toContain('value="tariefbeschikkingen" checked');
  });

  const GOED =
    'kenmerk;soort;besluitdatum;bekendgemaakt;regio;jaar;bedrag\nNZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Utrecht;2027;1.900.000.000,00\nNZa/CR/2026-140;wijziging;17-11-2026;20-11-2026;Twente;2027;800.000.000,00\n';

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

  it('lists new clients in the preview and creates them only when the user confirms them (issue 14)', async () => {
    const csv =
      'kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt\nNZa/TB/2026-8801;90000003;;Amsterdam;2027;vaststelling;16-11-2026;18-11-2026\nNZa/TB/2026-8802;91234567;Stichting Nieuwe Haven;Amsterdam;2027;vaststelling;16-11-2026;18-11-2026\n';
    const voorbeeld = await (await upload(DEMO.advocaat, 'tariefbeschikkingen', 'nieuw.csv', csv)).text();
    expect(voorbeeld).toContain('1 nieuwe cliënt.');
    expect(voorbeeld).toContain('<li>Stichting Nieuwe Haven (KvK 91234567)</li>');
    const token = /name="token" value="([^"]+)"/.exec(voorbeeld)![1]!;
    // Without the confirmation: nothing written, the preview again with a fresh token.
    const voor = t.momentopname();
    const geweigerd = await post(DEMO.advocaat, '/import/uitvoeren', { token });
    expect(geweigerd.status).toBe(422);
    const opnieuw = await geweigerd.text();
    expect(opnieuw).toContain('bevestig eerst de nieuwe cliënten');
    expect(t.momentopname()).toBe(voor);
    const nieuwToken = /name="token" value="([^"]+)"/.exec(opnieuw)![1]!;
    const klaar = await (await post(DEMO.advocaat, '/import/uitvoeren', { token: nieuwToken, nieuweZorgaanbieders: 'bevestigd' })).text();
    expect(klaar).toContain('Geïmporteerd:</strong> 2 tariefbeschikkingen');
    expect(t.db.$client.prepare(`SELECT naam FROM zorgaanbieders WHERE kvk_nummer = '91234567'`).get()).toEqual({ naam: 'Stichting Nieuwe Haven' });
  });

  it('refuses a bekendmaking after today in an imported row', async () => {
    const csv =
      'kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt\nNZa/TB/2026-8803;90000003;;Amsterdam;2027;vaststelling;16-11-2026;28-11-2026\n';
    const r = await upload(DEMO.advocaat, 'tariefbeschikkingen', 'toekomst.csv', csv);
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('de datum van bekendmaking ligt na vandaag');
  });

  it('imports the shipped example files', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [soort, bestand] of [
      ['contracteerruimte', 'seed/import/contracteerruimte-NZa-CR-2026-130.csv'],
      ['tariefbeschikkingen', 'seed/import/tariefbeschikkingen-2027.csv'],
    ] as const) {
      // The NZa imports its contracteerruimtebesluiten; a law firm its clients' tariefbeschikkingen (issue 11).
      const wie = soort === 'contracteerruimte' ? DEMO.nza : DEMO.advocaat;
      const html = await (await upload(wie, soort, bestand, readFileSync(bestand, 'utf8'))).text();
      const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
      expect(token, html).toBeDefined();
      // New clients in the file are confirmed, as the preview asks.
      expect((await post(wie, '/import/uitvoeren', { token: token!, nieuweZorgaanbieders: 'bevestigd' })).status).toBe(200);
    }
    const besluiten = await (await t.als(DEMO.advocaat)('/api/v1/besluiten')).json();
    expect(besluiten.tariefbeschikkingen.map((b: { kenmerk: string }) => b.kenmerk)).toContain('NZa/TB/2026-1904');
  });

  it('refuses a contracteerruimte import from a law firm (only the NZa registers them), and writes nothing', async () => {
    const { readFileSync } = await import('node:fs');
    const voor = t.momentopname();
    const bestand = 'seed/import/contracteerruimte-NZa-CR-2026-130.csv';
    const r = await upload(DEMO.advocaat, 'contracteerruimte', bestand, readFileSync(bestand, 'utf8'));
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('alleen de NZa');
    expect(t.momentopname()).toBe(voor);
  });
});
