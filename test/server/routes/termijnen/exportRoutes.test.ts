import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createTestApp, DEMO, tariefbeschikkingJson } from '../../../support/testApp';
import { xlsxNaarCsvTekst } from '../../../support/libreoffice';
import { loadWerkblad, readXlsxWaarden } from '../../../support/xlsx';
import { formatDatumKort } from '../../../../src/opmaak/opmaak';

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

describe('.xlsx export (issue 34)', () => {
  const VIJANDIG = '=HYPERLINK("http://aanvaller.example","klik")';
  /** A tariefbeschikking of a new client whose name a spreadsheet would run as a formula, imported by a firm. */
  async function importVijandigeClient(email: string) {
    const fd = new FormData();
    fd.append('soort', 'tariefbeschikkingen');
    const csv = `kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt\nNZa/TB/2026-7701;97700001;"${VIJANDIG.replace(/"/g, '""')}";Utrecht;2027;vaststelling;16-11-2026;18-11-2026\n`;
    fd.append('bestand', new File([csv], 'vijandig.csv'));
    const html = await (await t.als(email)('/import/voorbeeld', { method: 'POST', body: fd })).text();
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams({ token, nieuweZorgaanbieders: 'bevestigd' });
    const r = await t.als(email)('/import/uitvoeren', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(200);
  }
  const csvVelden = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((regel) => [...regel.matchAll(/("([^"]|"")*"|[^;]*)(;|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

  it('holds the CSV rows, with real date cells in Dutch, numbers, a frozen header and widths; text is never a formula', async () => {
    await importVijandigeClient(DEMO.advocaat);
    const r = await t.als(DEMO.advocaat)('/export/termijnen.xlsx?peildatum=2026-11-22');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="termijnen-2026-11-22.xlsx"');
    const bytes = new Uint8Array(await r.arrayBuffer());
    const blad = await loadWerkblad(bytes);
    expect(blad.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(blad.getRow(1).getCell(1).font?.bold).toBe(true);
    // Widths set, each wide enough for its bold header.
    blad.getRow(1).eachCell((kop, k) => expect(blad.getColumn(k).width, String(kop.value)).toBeGreaterThanOrEqual(String(kop.value).length + 2));
    const eerste = blad.getRow(2);
    expect(eerste.getCell(1).value).toBeInstanceOf(Date);
    expect(eerste.getCell(1).numFmt).toBe('[$-413]d mmmm yyyy');
    expect(typeof eerste.getCell(2).value).toBe('number');

    // Every cell as the CSV writes it: the same list, typed.
    const csv = csvVelden(await (await t.als(DEMO.advocaat)('/export/termijnen.csv?peildatum=2026-11-22')).text());
    const nl = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    const xlsx = (await readXlsxWaarden(bytes)).map((rij, i) =>
      Array.from({ length: 12 }, (_, k) => rij[k]).map((w, k) =>
        i > 0 && [0, 8, 9].includes(k) && typeof w === 'string' ? nl(w) : w === null || w === undefined ? '' : String(w),
      ),
    );
    // The CSV neutralises formula text with an apostrophe; the workbook stores it as a plain string instead.
    expect(xlsx).toEqual(csv.map((rij) => rij.map((v) => v.replace(/^'(?=[=+\-@])/, ''))));
    expect(csv.length).toBeGreaterThan(5);

    const cellen: ExcelJS.Cell[] = [];
    blad.eachRow((rij) => rij.eachCell((cel) => cellen.push(cel)));
    const vijandig = cellen.filter((c) => c.value === VIJANDIG);
    expect(vijandig.length).toBeGreaterThan(0);
    for (const c of vijandig) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
    expect(cellen.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('opens in LibreOffice with Dutch dates, and formula text shown as text, not run', async () => {
    await importVijandigeClient(DEMO.advocaat);
    const bytes = new Uint8Array(await (await t.als(DEMO.advocaat)('/export/termijnen.xlsx?peildatum=2026-11-22')).arrayBuffer());
    const tekst = await xlsxNaarCsvTekst(bytes, 'termijnen');
    const rijen = parse(tekst, { delimiter: ';' }) as string[][];
    expect(rijen[0]).toEqual([
      'Laatste dag',
      'Dagen over',
      'Rechtsmiddel',
      'Tegen',
      'Regio',
      'Jaar',
      'Zorgaanbieder',
      'Besluit',
      'Bekendgemaakt',
      'Aanvang',
      'Grondslag',
      'Toelichting',
    ]);
    // Each date as the CSV has it (dd-mm-jjjj), shown by LibreOffice from a date cell in Dutch; numbers as numbers.
    const csv = csvVelden(await (await t.als(DEMO.advocaat)('/export/termijnen.csv?peildatum=2026-11-22')).text());
    const lang = (nl: string) => formatDatumKort(`${nl.slice(6, 10)}-${nl.slice(3, 5)}-${nl.slice(0, 2)}`);
    expect(rijen.length).toBe(csv.length);
    for (const [i, rij] of csv.entries()) {
      if (i === 0) continue;
      expect(rijen[i]!.slice(0, 6)).toEqual([lang(rij[0]!), ...rij.slice(1, 6)]);
      expect(rijen[i]!.slice(8, 10)).toEqual([lang(rij[8]!), lang(rij[9]!)]);
    }
    expect(rijen[1]![0]).toMatch(/^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/);
    const vijandig = rijen.find((r) => r.includes('NZa/TB/2026-7701'))!;
    expect(vijandig[6]).toBe(VIJANDIG);
    expect(tekst).not.toMatch(/(^|;)"?klik"?(;|$)/m);
  });

  it("never holds another organisation's data, and refuses a bad peildatum as the CSV does", async () => {
    await importVijandigeClient(DEMO.advocaat);
    const eigen = JSON.stringify(await readXlsxWaarden(new Uint8Array(await (await t.als(DEMO.advocaat)('/export/termijnen.xlsx')).arrayBuffer())));
    expect(eigen).toContain('NZa/TB/2026-7701');
    for (const ander of [DEMO.inhouse, DEMO.nza]) {
      const r = await t.als(ander)('/export/termijnen.xlsx');
      expect(r.status).toBe(200);
      const waarden = JSON.stringify(await readXlsxWaarden(new Uint8Array(await r.arrayBuffer())));
      expect(waarden).not.toContain('NZa/TB/2026-7701');
      expect(waarden).not.toContain('aanvaller.example');
    }
    const r = await t.als(DEMO.advocaat)('/export/termijnen.xlsx?peildatum=9999-12-31');
    expect(r.status).toBe(400);
  });
});
