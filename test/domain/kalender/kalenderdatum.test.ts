import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDagen,
  addWeken,
  dagenTussen,
  fromDagnummer,
  fromUtcMiddernacht,
  toDagnummer,
  toUtcMiddernacht,
  weekdagVan,
} from '../../../src/domain/kalender/kalenderdatum';

// The calendar arithmetic is integer arithmetic (days_from_civil / civil_from_days); luxon is the independent oracle.
const luxon = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('termijnregels §2–§3: calendar days counted as day numbers (art. 6:7, 6:8 Awb; art. 1 Atw weekdays)', () => {
  it('agree with luxon on every day from 1900 through 2300: the date, the day number and the ISO weekday', () => {
    let dag = luxon('1900-01-01');
    let n = toDagnummer('1900-01-01');
    expect(n).toBe(Math.round(dag.toMillis() / 86_400_000));
    const eind = luxon('2300-12-31');
    while (dag <= eind) {
      const iso = dag.toISODate()!;
      if (fromDagnummer(n) !== iso || toDagnummer(iso) !== n || weekdagVan(iso) !== dag.weekday) {
        throw new Error(`${iso}: ${fromDagnummer(n)} ${toDagnummer(iso)} (${n}) ${weekdagVan(iso)} (${dag.weekday})`);
      }
      dag = dag.plus({ days: 1 });
      n += 1;
    }
  });

  it('add days and weeks as luxon does, across leap days and summer-time switches', () => {
    const datum = fc.integer({ min: toDagnummer('1994-01-01'), max: toDagnummer('2200-12-31') }).map(fromDagnummer);
    fc.assert(
      fc.property(datum, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -60, max: 60 }), (d, dagen, weken) => {
        expect(addDagen(d, dagen)).toBe(luxon(d).plus({ days: dagen }).toISODate());
        expect(addWeken(d, weken)).toBe(luxon(d).plus({ weeks: weken }).toISODate());
        expect(dagenTussen(d, addDagen(d, dagen))).toBe(dagen);
      }),
      { numRuns: 2000 },
    );
    expect(addDagen('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDagen('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDagen('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDagen('2026-03-28', 1)).toBe('2026-03-29');
  });

  it('refuses what is not a strict ISO date', () => {
    for (const fout of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026/01/01', '2026-01-1x', '']) {
      expect(() => addDagen(fout, 1), fout).toThrow(/Invalid ISO date/);
    }
    expect(() => addDagen(undefined as unknown as string, 1)).toThrow(/Invalid ISO date/);
    // A term is counted in whole days.
    expect(() => addDagen('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDagen('2026-01-01', 0.5)).toThrow(RangeError);
    // Past year 9999, every time (the day strings are memoised; a refusal is not), and the days before it still right.
    const laatste = toDagnummer('9999-12-31');
    for (let keer = 0; keer < 2; keer++) expect(() => fromDagnummer(laatste + 1)).toThrow(/outside years 0–9999/);
    expect(fromDagnummer(laatste)).toBe('9999-12-31');
    expect(fromDagnummer(toDagnummer('2026-03-01'))).toBe('2026-03-01');
  });
});

describe('a spreadsheet date (a Date at 00:00 UTC, as exceljs reads and writes it)', () => {
  it('is the same calendar date both ways, and a time of day within it keeps the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDagnummer('1900-03-01'), max: toDagnummer('2200-12-31') }), fc.integer({ min: 0, max: 86_399_999 }), (dag, ms) => {
        const datum = fromDagnummer(dag);
        const moment = toUtcMiddernacht(datum);
        expect(moment.toISOString()).toBe(`${datum}T00:00:00.000Z`);
        expect(fromUtcMiddernacht(new Date(moment.getTime() + ms))).toBe(datum);
      }),
      { seed: 31, numRuns: 500 },
    );
  });
});
