import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, formulier } from '../../../support/testApp';

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

describe('spreadsheets of every kind (issue 34)', () => {
  const MAP = 'test/fixtures/spreadsheets';
  const uploadBestand = async (email: string, soort: string, naam: string) => {
    const { readFileSync } = await import('node:fs');
    const fd = new FormData();
    fd.append('soort', soort);
    fd.append('bestand', new File([readFileSync(`${MAP}/${naam}`)], naam));
    return t.als(email)('/import/voorbeeld', { method: 'POST', body: fd });
  };
  /** The preview without the line that says what was read, the file name and the one-time token. */
  const zonderBron = (html: string, naam: string) =>
    html
      .replace(/<p class="klein" data-bron>[^<]*<\/p>/, '')
      .replaceAll(naam, 'BESTAND')
      .replace(/name="token" value="[^"]+"/, 'name="token"');

  it.each([
    [
      'tariefbeschikkingen',
      DEMO.advocaat,
      'tariefbeschikkingen-utf8.csv',
      [
        ['tariefbeschikkingen-libreoffice-windows1252.csv', 'CSV, tekenset Windows-1252, scheidingsteken puntkomma'],
        ['tariefbeschikkingen-exceljs.xlsx', 'Excel-werkmap, werkblad &quot;Tariefbeschikkingen&quot;'],
        ['tariefbeschikkingen-libreoffice.xlsx', 'Excel-werkmap, werkblad &quot;tariefbeschikkingen&quot;'],
        ['tariefbeschikkingen-utf16le-tab.csv', 'CSV, tekenset UTF-16 LE met BOM, scheidingsteken tab'],
        ['tariefbeschikkingen-utf16be.csv', 'CSV, tekenset UTF-16 BE met BOM, scheidingsteken puntkomma'],
        ['tariefbeschikkingen-utf8-bom-komma.csv', 'CSV, tekenset UTF-8 met BOM, scheidingsteken komma'],
      ],
    ],
    [
      'contracteerruimte',
      DEMO.nza,
      'contracteerruimte-utf8.csv',
      [
        ['contracteerruimte-exceljs.xlsx', 'Excel-werkmap, werkblad &quot;Contracteerruimte&quot;'],
        ['contracteerruimte-libreoffice.xlsx', 'Excel-werkmap, werkblad &quot;contracteerruimte&quot;'],
      ],
    ],
  ] as const)('an .xlsx and a Windows-1252 CSV of the same %s give the same preview as the UTF-8 CSV', async (soort, wie, referentie, andere) => {
    const verwacht = await (await uploadBestand(wie, soort, referentie)).text();
    expect(verwacht).toContain('Gelezen als CSV, tekenset UTF-8, scheidingsteken puntkomma.');
    expect(verwacht).toContain('geen fouten');
    if (soort === 'tariefbeschikkingen') expect(verwacht).toContain('<li>Zorggroep Ébène (KvK 93456781)</li>');
    for (const [naam, bron] of andere) {
      const r = await uploadBestand(wie, soort, naam);
      const html = await r.text();
      expect([naam, r.status]).toEqual([naam, 200]);
      expect(html).toContain(`Gelezen als ${bron}.`);
      expect(zonderBron(html, naam)).toBe(zonderBron(verwacht, referentie));
    }
  });

  it('imports an .xlsx after the check, and a re-import of it changes nothing', async () => {
    const voorbeeld = await (await uploadBestand(DEMO.advocaat, 'tariefbeschikkingen', 'tariefbeschikkingen-exceljs.xlsx')).text();
    const token = /name="token" value="([^"]+)"/.exec(voorbeeld)![1]!;
    const klaar = await (await post(DEMO.advocaat, '/import/uitvoeren', { token, nieuweZorgaanbieders: 'bevestigd' })).text();
    expect(klaar).toContain('Geïmporteerd:</strong> 4 tariefbeschikkingen');
    expect(
      t.db.$client
        .prepare(
          `SELECT t.bekendgemaakt, z.naam FROM tariefbeschikkingen t JOIN zorgaanbieders z ON z.id = t.zorgaanbieder_id WHERE t.kenmerk = 'NZa/TB/2026-3101'`,
        )
        .all(),
    ).toEqual([{ bekendgemaakt: '2026-11-18', naam: 'Zorggroep Ébène' }]);
    const na = t.momentopname();
    const opnieuw = await (await uploadBestand(DEMO.advocaat, 'tariefbeschikkingen', 'tariefbeschikkingen-libreoffice-windows1252.csv')).text();
    expect(opnieuw).toContain('4 al aanwezig');
    expect(opnieuw).not.toContain('name="token"');
    expect(t.momentopname()).toBe(na);
  });

  it('lets the user pick another worksheet of a workbook with several, without uploading again', async () => {
    const eerste = await uploadBestand(DEMO.advocaat, 'tariefbeschikkingen', 'tariefbeschikkingen-meerdere-bladen.xlsx');
    expect(eerste.status).toBe(422);
    const html = await eerste.text();
    expect(html).toContain('Gelezen als Excel-werkmap, werkblad &quot;Toelichting&quot; (1 van 3).');
    expect(html).toContain('ontbreekt in de kopregel');
    expect(html).toContain('<option value="Tariefbeschikkingen 2027">Tariefbeschikkingen 2027</option>');
    const upload = /name="upload" value="([^"]+)"/.exec(html)![1]!;
    const gekozen = await post(DEMO.advocaat, '/import/voorbeeld', { upload, blad: 'Tariefbeschikkingen 2027' });
    const tweede = await gekozen.text();
    expect(gekozen.status).toBe(200);
    expect(tweede).toContain('werkblad &quot;Tariefbeschikkingen 2027&quot; (2 van 3)');
    expect(tweede).toContain('4 nieuwe tariefbeschikkingen');
    const token = /name="token" value="([^"]+)"/.exec(tweede)![1]!;
    expect((await post(DEMO.advocaat, '/import/uitvoeren', { token, nieuweZorgaanbieders: 'bevestigd' })).status).toBe(200);
    expect(t.db.$client.prepare(`SELECT count(*) AS n FROM tariefbeschikkingen WHERE kenmerk LIKE 'NZa/TB/2026-310_'`).get()).toEqual({ n: 4 });
    // A held upload is the uploader's: another user's post with its token reads nothing.
    const ander = await post(DEMO.beheerder, '/import/voorbeeld', { upload, blad: 'Oud' });
    expect(ander.status).toBe(422);
  });

  it.each([
    ['zipbom.xlsx', 'het bestand is uitgepakt groter dan 10 MB (de grens voor uploads); er is niets gelezen'],
    ['zipbom-liegt.xlsx', 'het bestand is uitgepakt groter dan 10 MB (de grens voor uploads); er is niets gelezen'],
    ['beveiligd.xlsx', 'het bestand is met een wachtwoord beveiligd'],
    ['oud.xls', 'sla het op als .xlsx of als CSV'],
    ['geen-spreadsheet.xlsx', 'het bestand is geen spreadsheet: geen .xlsx en geen CSV-tekst'],
  ])('refuses %s with a Dutch message and changes nothing', async (naam, melding) => {
    const voor = t.momentopname();
    const r = await uploadBestand(DEMO.advocaat, 'tariefbeschikkingen', naam);
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('Niets geïmporteerd.');
    expect(html).toContain(melding);
    expect(html).not.toContain('name="token"');
    expect(t.momentopname()).toBe(voor);
  });
});
