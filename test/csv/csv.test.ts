import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsv } from '../../src/csv/csvLezen';
import { formatCsv, formatCsvRegel } from '../../src/csv/csvSchrijven';

describe('readCsv', () => {
  it('reads ; with quotes, escaped quotes, CRLF, a BOM and line numbers', () => {
    const r = readCsv('\uFEFFKenmerk;Naam\r\nA;"Zorg ""De Linde""; Utrecht"\r\n\r\nB;"twee\nregels"\nC;x\n', ['kenmerk', 'naam']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tabel.rijen).toEqual([
      { regel: 2, waarden: { kenmerk: 'A', naam: 'Zorg "De Linde"; Utrecht' } },
      { regel: 4, waarden: { kenmerk: 'B', naam: 'twee\nregels' } },
      { regel: 6, waarden: { kenmerk: 'C', naam: 'x' } },
    ]);
  });

  it('detects a comma separator', () => {
    const r = readCsv('kenmerk,naam\nA,B\n', ['kenmerk']);
    expect(r.ok && r.scheidingsteken).toBe(',');
  });

  it('names missing columns and unterminated quotes', () => {
    expect(readCsv('kenmerk;jaar\n', ['kenmerk', 'regio', 'bedrag'])).toMatchObject({
      ok: false,
      melding: expect.stringContaining('kolommen regio, bedrag ontbreekt'),
    });
    expect(readCsv('kenmerk\n"open', ['kenmerk'])).toMatchObject({ ok: false, regel: 2 });
    expect(readCsv('', ['kenmerk'])).toMatchObject({ ok: false, melding: 'het bestand is leeg' });
  });
});

describe('formatCsv', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(formatCsvRegel(['a;b', 'zei "ja"', 'twee\nregels', 3, null])).toBe('"a;b";"zei ""ja""";"twee\nregels";3;');
  });

  it('neutralises text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(formatCsvRegel(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', -3])).toBe('"\'=HYPERLINK(""http://x"")";\'+1;\'-2;\'@SUM(A1);-3');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(formatCsv(['a'], [['b']])).toBe('\uFEFFa\r\nb\r\n');
  });
});

describe('readCsv reads what formatCsv writes (property)', () => {
  // Values as users type them: no surrounding spaces (the reader trims) and not starting like a formula (the writer
  // neutralises those with an apostrophe); quotes, separators and line breaks inside are fair game.
  const waarde = fc.string({ unit: fc.constantFrom(...'aZé0 ;,"\n\t\r’€-=+@'), maxLength: 12 }).filter((w) => w === w.trim() && !/^[=+\-@\t\r]/.test(w));
  it('for any table of such values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(waarde, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (n, rijen) => {
        const kop = Array.from({ length: n }, (_, i) => `kolom${i}`);
        const data = rijen.map((r) => r.slice(0, n)).filter((r) => r.some((w) => w !== ''));
        const r = readCsv(formatCsv(kop, data), kop);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.tabel.rijen.map((rij) => kop.map((k) => rij.waarden[k]))).toEqual(data);
      }),
    );
  });
});
