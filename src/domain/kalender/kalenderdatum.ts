import { DateTime } from 'luxon';

/** A calendar date as ISO `YYYY-MM-DD`: the only date representation the domain passes around. */
export type IsoDatum = string;

// Every legal term is counted in Dutch calendar days.
export const NL_ZONE = 'Europe/Amsterdam';

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO date; returns null for impossible dates such as 2026-02-30. */
export function parseIsoDatum(tekst: string): DateTime | null {
  if (!ISO_DATUM.test(tekst)) return null;
  const datum = DateTime.fromISO(tekst, { zone: NL_ZONE });
  return datum.isValid ? datum.startOf('day') : null;
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

/** Calendar arithmetic on dates, never on instants: safe across the summer-time switches. */
export function addDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return toIsoDatum(toDateTime(datum).plus({ days: dagen }));
}

export function addWeken(datum: IsoDatum, weken: number): IsoDatum {
  return toIsoDatum(toDateTime(datum).plus({ weeks: weken }));
}

/** Whole calendar days from `van` to `tot` (negative when `tot` lies before `van`). */
export function dagenTussen(van: IsoDatum, tot: IsoDatum): number {
  return Math.round(toDateTime(tot).diff(toDateTime(van), 'days').days);
}

export function jaarVan(datum: IsoDatum): number {
  return Number(datum.slice(0, 4));
}

/** ISO weekday: 1 = maandag … 7 = zondag. */
export function weekdagVan(datum: IsoDatum): number {
  return toDateTime(datum).weekday;
}

const DUTCH = { locale: 'nl' } as const;

/** "11 april 2026" */
export function formatDatumKort(datum: IsoDatum): string {
  return toDateTime(datum).setLocale(DUTCH.locale).toFormat('d LLLL yyyy');
}

/** "zaterdag 11 april 2026" */
export function formatDatumLang(datum: IsoDatum): string {
  return toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc d LLLL yyyy');
}

/** "zaterdag" */
export function formatWeekdag(datum: IsoDatum): string {
  return toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc');
}

/** Earliest of a non-empty list of ISO dates (ISO strings sort chronologically). */
export function vroegsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b < a ? b : a));
}

export function laatsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b > a ? b : a));
}
