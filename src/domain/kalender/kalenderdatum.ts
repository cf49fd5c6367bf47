import { DateTime } from 'luxon';

/** A calendar date as ISO `YYYY-MM-DD`: the only date representation the domain passes around. */
export type IsoDatum = string;

// "Today" is the calendar date in the Netherlands.
export const NL_ZONE = 'Europe/Amsterdam';
// A calendar date has no time of day: arithmetic runs on zone-less dates (luxon in UTC), so a term that crosses a
// summer-time switch cannot land on the wrong day, and no Intl offset lookup is paid per date.
const DATUM_ZONE = 'utc';

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Luxon computes the Amsterdam offset through Intl for every DateTime, which dominates at national scale. Dates are a
 * small finite domain, so results are memoised per input; the arithmetic itself stays luxon's calendar arithmetic.
 */
function memoize<A extends string | number, R>(compute: (sleutel: A) => R): (sleutel: A) => R {
  const cache = new Map<A, R>();
  return (sleutel) => {
    let waarde = cache.get(sleutel);
    if (waarde === undefined) {
      if (cache.size > 100_000) cache.clear();
      waarde = compute(sleutel);
      cache.set(sleutel, waarde);
    }
    return waarde;
  };
}

/** Parses a strict ISO date; returns null for impossible dates such as 2026-02-30. */
export function parseIsoDatum(tekst: string): DateTime | null {
  const delen = ISO_DATUM.exec(tekst);
  if (!delen) return null;
  const datum = DateTime.fromObject({ year: Number(delen[1]), month: Number(delen[2]), day: Number(delen[3]) }, { zone: DATUM_ZONE });
  return datum.isValid ? datum : null;
}

export function isGeldigeIsoDatum(tekst: string): boolean {
  return parseIsoDatum(tekst) !== null;
}

export function toDateTime(datum: IsoDatum): DateTime {
  const parsed = parseIsoDatum(datum);
  if (!parsed) throw new Error(`Invalid ISO date: ${datum}`);
  return parsed;
}

export function toIsoDatum(datum: DateTime): IsoDatum {
  return datum.toISODate() as IsoDatum;
}

const plusDagen = memoize((sleutel: string) => {
  const [datum, dagen] = sleutel.split('|') as [string, string];
  return toIsoDatum(toDateTime(datum).plus({ days: Number(dagen) }));
});
const plusWeken = memoize((sleutel: string) => {
  const [datum, weken] = sleutel.split('|') as [string, string];
  return toIsoDatum(toDateTime(datum).plus({ weeks: Number(weken) }));
});

/** Calendar arithmetic on dates, never on instants: safe across the summer-time switches. */
export function addDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return plusDagen(`${datum}|${dagen}`);
}

export function addWeken(datum: IsoDatum, weken: number): IsoDatum {
  return plusWeken(`${datum}|${weken}`);
}

const dagnummer = memoize((datum: IsoDatum) => Math.round(toDateTime(datum).toMillis() / 86_400_000));

/** Whole calendar days from `van` to `tot` (negative when `tot` lies before `van`). */
export function dagenTussen(van: IsoDatum, tot: IsoDatum): number {
  return dagnummer(tot) - dagnummer(van);
}

export function jaarVan(datum: IsoDatum): number {
  return Number(datum.slice(0, 4));
}

/** ISO weekday: 1 = maandag … 7 = zondag. */
export const weekdagVan: (datum: IsoDatum) => number = memoize((datum: IsoDatum) => toDateTime(datum).weekday);

const DUTCH = { locale: 'nl' } as const;

/** "11 april 2026" */
export const formatDatumKort: (datum: IsoDatum) => string = memoize((datum: IsoDatum) => toDateTime(datum).setLocale(DUTCH.locale).toFormat('d LLLL yyyy'));

/** "zaterdag 11 april 2026" */
export const formatDatumLang: (datum: IsoDatum) => string = memoize((datum: IsoDatum) =>
  toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc d LLLL yyyy'),
);

/** "zaterdag" */
export const formatWeekdag: (datum: IsoDatum) => string = memoize((datum: IsoDatum) => toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc'));

/** Earliest of a non-empty list of ISO dates (ISO strings sort chronologically). */
export function vroegsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b < a ? b : a));
}

export function laatsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b > a ? b : a));
}
