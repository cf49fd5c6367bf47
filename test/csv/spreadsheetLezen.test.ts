import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../src/csv/codering';
import { readCsv } from '../../src/csv/csvLezen';
import { formatTabelBron, readSpreadsheet } from '../../src/csv/spreadsheetLezen';
import { formatCel } from '../../src/csv/xlsxLezen';
import { checkZipUitgepakt } from '../../src/csv/zipControle';
import { TARIEFBESCHIKKING_KOLOM_SOORTEN, TARIEFBESCHIKKING_KOLOMMEN } from '../../src/import/tariefbeschikkingImport';
import { CONTRACTEERRUIMTE_KOLOM_SOORTEN, CONTRACTEERRUIMTE_KOLOMMEN } from '../../src/import/contracteerruimteImport';

const MAP = 'test/fixtures/spreadsheets';
const fixture = (naam: string) => new Uint8Array(readFileSync(join(MAP, naam)));
const MB = 1024 * 1024;
const leesTb = (naam: string, blad?: string, maxBytes = 10 * MB) =>
  readSpreadsheet(fixture(naam), { verplichteKolommen: TARIEFBESCHIKKING_KOLOMMEN, kolomSoorten: TARIEFBESCHIKKING_KOLOM_SOORTEN, blad, maxBytes });

/** Dates in any accepted form, as the import reads them (its validator does the same): for comparing tables. */
const alsIso = (v: string) =>
  v.replace(/^(\d{1,2})-(\d{1,2})-(\d{4})$/, (_, d: string, m: string, j: string) => `${j}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);

describe('decodeCsvBytes: BOMs, UTF-8 validity, else Windows-1252', () => {
  const tekst = 'kenmerk;zorgaanbieder\r\nA;Zorggroep Ébène ’t Hôf € 5\r\n';
  it.each([
    ['UTF-8', Buffer.from(tekst, 'utf8')],
    ['UTF-8 met BOM', iconv.encode(tekst, 'utf-8', { addBOM: true })],
    ['UTF-16 LE met BOM', iconv.encode(tekst, 'utf-16le', { addBOM: true })],
    ['UTF-16 BE met BOM', iconv.encode(tekst, 'utf-16be', { addBOM: true })],
    ['Windows-1252', iconv.encode(tekst, 'windows-1252')],
  ])('%s', (codering, bytes) => {
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, tekst, codering });
  });

  it('refuses binary bytes as no spreadsheet', () => {
    expect(decodeCsvBytes(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x41]))).toMatchObject({ ok: false, melding: expect.stringContaining('geen spreadsheet') });
  });

  // Windows-1252 bytes can form valid UTF-8 only when an accented letter is followed by one or more of € ‚ … ’ “ ” –
  // and similar (the UTF-8 continuation range); in words an accented letter is followed by a letter, digit or space.
  const ascii = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ;,.-/');
  const accent = fc.constantFrom(...'éèëêïíöóüúàáçôûÉÈËÖÜ’€“”–');
  const woordTekst = fc
    .array(
      fc.oneof(
        ascii,
        fc.tuple(accent, ascii).map(([a, b]) => a + b),
      ),
      { minLength: 1, maxLength: 60 },
    )
    .map((d) => d.join(''));
  it('reads back every text it was given in each encoding (property)', () => {
    fc.assert(
      fc.property(woordTekst, (t) => {
        const nietAscii = /[^\x00-\x7f]/.test(t);
        expect(decodeCsvBytes(iconv.encode(t, 'windows-1252'))).toEqual({ ok: true, tekst: t, codering: nietAscii ? 'Windows-1252' : 'UTF-8' });
        expect(decodeCsvBytes(Buffer.from(t, 'utf8'))).toEqual({ ok: true, tekst: t, codering: 'UTF-8' });
        expect(decodeCsvBytes(iconv.encode(t, 'utf-16le', { addBOM: true }))).toEqual({ ok: true, tekst: t, codering: 'UTF-16 LE met BOM' });
      }),
    );
  });
});

describe('readCsv: separators', () => {
  it.each([
    [';', 'kenmerk;naam\nA;"x, y"\n'],
    [',', 'kenmerk,naam\nA,"x; y"\n'],
    ['\t', 'kenmerk\tnaam\nA\t"x; y, z"\n'],
    // Separators inside a quoted header name do not count.
    [';', '"kenmerk, met komma";"naam, ook"\nA;B\n'],
  ])('detects %j', (scheidingsteken, tekst) => {
    expect(readCsv(tekst, [])).toMatchObject({ ok: true, scheidingsteken });
  });
});

describe('the fixtures of one list of tariefbeschikkingen, however written, read as the same table', async () => {
  const referentie = await leesTb('tariefbeschikkingen-utf8.csv');
  if (!referentie.ok) throw new Error(referentie.melding);
  const verwacht = referentie.tabel.rijen.map((r) => ({
    regel: r.regel,
    waarden: Object.fromEntries(Object.entries(r.waarden).map(([k, v]) => [k, alsIso(v)])),
  }));

  it.each([
    ['tariefbeschikkingen-utf8.csv', 'CSV, tekenset UTF-8, scheidingsteken puntkomma'],
    ['tariefbeschikkingen-utf8-bom-komma.csv', 'CSV, tekenset UTF-8 met BOM, scheidingsteken komma'],
    ['tariefbeschikkingen-utf16le-tab.csv', 'CSV, tekenset UTF-16 LE met BOM, scheidingsteken tab'],
    ['tariefbeschikkingen-utf16be.csv', 'CSV, tekenset UTF-16 BE met BOM, scheidingsteken puntkomma'],
    ['tariefbeschikkingen-libreoffice-windows1252.csv', 'CSV, tekenset Windows-1252, scheidingsteken puntkomma'],
    ['tariefbeschikkingen-exceljs.xlsx', 'Excel-werkmap, werkblad "Tariefbeschikkingen"'],
    ['tariefbeschikkingen-libreoffice.xlsx', 'Excel-werkmap, werkblad "tariefbeschikkingen"'],
  ])('%s', async (naam, bron) => {
    const r = await leesTb(naam);
    if (!r.ok) throw new Error(r.melding);
    expect(formatTabelBron(r.bron)).toBe(bron);
    expect(
      r.tabel.rijen.map((rij) => ({ regel: rij.regel, waarden: Object.fromEntries(Object.entries(rij.waarden).map(([k, v]) => [k, alsIso(v)])) })),
    ).toEqual(verwacht);
  });

  it('reads Excel date cells, a serial number in a date column and a formula by its cached value', async () => {
    const r = await leesTb('tariefbeschikkingen-exceljs.xlsx');
    if (!r.ok) throw new Error(r.melding);
    // Row 3 holds bekendgemaakt as the bare serial 46335; jaar is =YEAR(G…)+1 with its cached 2027.
    expect(r.tabel.rijen[1]!.waarden).toMatchObject({ kvk: '90000003', jaar: '2027', besluitdatum: '2026-11-06', bekendgemaakt: '2026-11-09' });
  });

  it('reads the first worksheet, or the one picked, and names them all', async () => {
    const eerste = await leesTb('tariefbeschikkingen-meerdere-bladen.xlsx');
    expect(eerste).toMatchObject({
      ok: false,
      melding: expect.stringContaining('ontbreekt in de kopregel'),
      bladen: ['Toelichting', 'Tariefbeschikkingen 2027', 'Oud'],
    });
    const gekozen = await leesTb('tariefbeschikkingen-meerdere-bladen.xlsx', 'Tariefbeschikkingen 2027');
    expect(gekozen.ok && formatTabelBron(gekozen.bron)).toBe('Excel-werkmap, werkblad "Tariefbeschikkingen 2027" (2 van 3)');
    expect(gekozen.ok && gekozen.tabel.rijen.length).toBe(4);
    expect(await leesTb('tariefbeschikkingen-meerdere-bladen.xlsx', 'Blad9')).toMatchObject({
      ok: false,
      melding: expect.stringContaining('geen werkblad "Blad9"'),
    });
  });
});

describe('amounts from a workbook', () => {
  it.each(['contracteerruimte-exceljs.xlsx', 'contracteerruimte-libreoffice.xlsx'])('%s: number cells (and a formula) in Dutch notation', async (naam) => {
    const r = await readSpreadsheet(fixture(naam), {
      verplichteKolommen: CONTRACTEERRUIMTE_KOLOMMEN,
      kolomSoorten: CONTRACTEERRUIMTE_KOLOM_SOORTEN,
      maxBytes: 10 * MB,
    });
    if (!r.ok) throw new Error(r.melding);
    expect(r.tabel.rijen.map((rij) => [rij.waarden.besluitdatum, rij.waarden.bedrag])).toEqual([
      ['2026-11-17', '€ 1.912.345.678,90'],
      ['2026-11-17', '€ 2.104.500.000,00'],
      ['2026-11-17', '€ 1.876.000.250,50'],
    ]);
  });
});

describe('formatCel', () => {
  it.each([
    [{ formula: 'A1*2', result: 42 }, 'tekst', '42'],
    [{ formula: 'NOW()' }, 'datum', ''],
    [{ sharedFormula: 'B2', result: new Date(Date.UTC(2026, 10, 18)) }, 'datum', '2026-11-18'],
    [46344, 'datum', '2026-11-18'],
    [46344, 'tekst', '46344'],
    [46344.5, 'datum', '46344.5'],
    [1234.5, 'bedrag', '€ 1.234,50'],
    [{ richText: [{ text: 'Zorg' }, { text: 'groep' }] }, 'tekst', 'Zorggroep'],
    [{ text: 'NZa/TB/1', hyperlink: 'https://nza.example' }, 'tekst', 'NZa/TB/1'],
    [{ error: '#N/A' }, 'tekst', '#N/A'],
    [true, 'tekst', 'WAAR'],
    [null, 'tekst', ''],
  ] as const)('%j as %s → %j', (waarde, soort, tekst) => {
    expect(formatCel(waarde as never, soort)).toBe(tekst);
  });
});

describe('hostile files: a clear Dutch message, nothing read', () => {
  it.each([
    ['zipbom.xlsx', 'uitgepakt groter dan 10 MB'],
    ['zipbom-liegt.xlsx', 'uitgepakt groter dan 10 MB'],
    ['beveiligd.xlsx', 'met een wachtwoord beveiligd'],
    ['oud.xls', 'oud Excel- of Office-bestand (.xls)'],
    ['geen-spreadsheet.xlsx', 'geen spreadsheet'],
  ])('%s', async (naam, melding) => {
    expect(await leesTb(naam)).toMatchObject({ ok: false, melding: expect.stringContaining(melding) });
  });

  it('checks the declared sizes before inflating, and caps the inflating when the directory lies', () => {
    // The honest bomb is refused on its directory; the lying one only by the cap (its directory says 1 kB).
    expect(checkZipUitgepakt(fixture('zipbom.xlsx'), 10 * MB)).toEqual({ ok: false, reden: 'te-groot' });
    expect(checkZipUitgepakt(fixture('zipbom-liegt.xlsx'), 10 * MB)).toEqual({ ok: false, reden: 'te-groot' });
    expect(checkZipUitgepakt(fixture('zipbom-liegt.xlsx'), 100 * MB)).toEqual({ ok: false, reden: 'onleesbaar' });
    expect(checkZipUitgepakt(fixture('zipbom.xlsx'), 100 * MB)).toEqual({ ok: true, uitgepakt: 64 * MB + 8 });
  });

  it('applies the upload limit to what a real workbook unpacks to', async () => {
    const zip = checkZipUitgepakt(fixture('tariefbeschikkingen-exceljs.xlsx'), 10 * MB);
    if (!zip.ok) throw new Error(zip.reden);
    expect(zip.uitgepakt).toBeGreaterThan(fixture('tariefbeschikkingen-exceljs.xlsx').length);
    expect(await leesTb('tariefbeschikkingen-exceljs.xlsx', undefined, zip.uitgepakt - 1)).toMatchObject({
      ok: false,
      melding: expect.stringContaining('uitgepakt groter'),
    });
    expect((await leesTb('tariefbeschikkingen-exceljs.xlsx', undefined, zip.uitgepakt)).ok).toBe(true);
  });

  it('refuses a truncated workbook as unreadable', async () => {
    const bytes = fixture('tariefbeschikkingen-exceljs.xlsx');
    expect(await readSpreadsheet(bytes.subarray(0, bytes.length - 30), { verplichteKolommen: [], kolomSoorten: {}, maxBytes: 10 * MB })).toMatchObject({
      ok: false,
      melding: expect.stringContaining('beschadigd'),
    });
  });
});
