import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { readIsoDatum, readVoluitGeschrevenDatums } from '../../../src/domain/bronnen/datumInTekst';

/** Days as the Staatscourant writes them in a KB under the Atw ("vrijdag 11 mei 2029"), read with luxon (nl). */
const WEEKDAGEN = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dag = fc.integer({ min: 0, max: 365 * 120 }).map((n) => DateTime.fromISO('1990-01-01', { zone: 'UTC' }).plus({ days: n }));
/** Written out by hand, independent of the code under test. */
const voluit = (d: DateTime) => `${WEEKDAGEN[d.weekday - 1]} ${d.day} ${MAANDEN[d.month - 1]} ${d.year}`;
const opvulling = fc.stringMatching(/^[a-z ,.()]{0,30}$/).map((s) => ` ${s} `);

describe('reading days written out in Dutch', () => {
  it.each([
    ['Besluit houdende gelijkstelling van vrijdag 11 mei 2029 met een feestdag', ['2029-05-11']],
    ['Vrijdag 11 Mei 2029 en vrijdag 28 december 2029, en nogmaals vrijdag 11 mei 2029', ['2029-05-11', '2029-12-28']],
    ['maandag 11 mei 2029 (de weekdag klopt niet)', []],
    ['vrijdag 31 april 2029 (geen dag)', []],
    ['Besluit van 14 juni 2028 (geen weekdag: geen gelijkgestelde dag)', []],
    ['vrijdag  2 januari 2026', ['2026-01-02']],
  ])('%s', (tekst, verwacht) => {
    expect(readVoluitGeschrevenDatums(tekst)).toEqual(verwacht);
  });

  it('finds every day written out in any text, in order, each once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(opvulling, dag), { minLength: 1, maxLength: 5 }), opvulling, (delen, slot) => {
        const tekst = delen.map(([voor, d]) => `${voor}${voluit(d)}`).join('') + slot;
        const verwacht = [...new Set(delen.map(([, d]) => d.toISODate()))];
        expect(readVoluitGeschrevenDatums(tekst)).toEqual(verwacht);
      }),
    );
  });

  it('never reads a day whose weekday does not fit its date', () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: 1, max: 6 }), (d, verschuiving) => {
        const fout = `${WEEKDAGEN[(d.weekday - 1 + verschuiving) % 7]} ${d.day} ${MAANDEN[d.month - 1]} ${d.year}`;
        expect(readVoluitGeschrevenDatums(fout)).toEqual([]);
      }),
    );
  });

  it.each([
    ['2027-03-02', '2027-03-02'],
    ['2027-03-02T10:15:00+01:00', '2027-03-02'],
    ['  2027-03-02 ', '2027-03-02'],
    ['2027-02-30', undefined],
    ['02-03-2027', undefined],
    [undefined, undefined],
  ])('reads the date of %j as %j', (waarde, verwacht) => {
    expect(readIsoDatum(waarde)).toBe(verwacht);
  });
});
