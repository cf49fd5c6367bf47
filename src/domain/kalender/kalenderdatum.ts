import { DateTime } from 'luxon';
import { memoizePerDag, memoizePerSleutel } from '../memoize';

/** A calendar date as ISO `YYYY-MM-DD`: the only date representation the domain passes around. */
export type IsoDatum = string;

// "Today" is the calendar date in the Netherlands.
export const NL_ZONE = 'Europe/Amsterdam';
// A calendar date has no time of day: arithmetic runs on day numbers (below) and parsing and formatting on zone-less
// luxon dates (UTC), so a term that crosses a summer-time switch cannot land on the wrong day.
const DATUM_ZONE = 'utc';

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/**
 * Days since 1970-01-01 of a strict ISO date, by integer calendar arithmetic (proleptic Gregorian, H. Hinnant's
 * days_from_civil): no parsing object, no memo, no allocation. Throws on anything that is not a strict ISO date string.
 */
export function toDagnummer(datum: IsoDatum): number {
  if (typeof datum !== 'string' || datum.length !== 10) throw new Error(`Invalid ISO date: ${datum}`);
  const y = cijfers(datum, 0, 4);
  const m = cijfers(datum, 5, 7);
  const d = cijfers(datum, 8, 10);
  if (datum.charCodeAt(4) !== 45 || datum.charCodeAt(7) !== 45 || y < 0 || m < 1 || m > 12 || d < 1 || d > dagenInMaand(y, m)) {
    throw new Error(`Invalid ISO date: ${datum}`);
  }
  const jaar = m <= 2 ? y - 1 : y;
  const era = Math.floor(jaar / 400);
  const yoe = jaar - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The ISO date `dag` days after 1970-01-01 (H. Hinnant's civil_from_days); years 0–9999. */
export function fromDagnummer(dag: number): IsoDatum {
  if (!Number.isInteger(dag)) throw new RangeError(`Not a whole day: ${dag}`);
  return datumOpDag(dag);
}

/**
 * A calendar date as a spreadsheet holds it: a JavaScript Date at 00:00 UTC of that day (exceljs reads and writes dates
 * so, without a zone). Day numbers, not zone arithmetic: the date is the same wherever it is opened.
 */
export function toUtcMiddernacht(datum: IsoDatum): Date {
  return new Date(toDagnummer(datum) * DAG_MS);
}

/** The calendar date of a spreadsheet's Date (00:00 UTC of its day; a time of day within it is dropped). */
export function fromUtcMiddernacht(moment: Date): IsoDatum {
  return fromDagnummer(Math.floor(moment.getTime() / DAG_MS));
}

const DAG_MS = 86_400_000;

// One string per day, made once: the engine formats the same few thousand days for every term it computes.
const datumOpDag = memoizePerDag(computeDatumOpDag);

function computeDatumOpDag(dag: number): IsoDatum {
  const z = dag + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`Date outside years 0–9999: day ${dag}`);
  // Two pieces from tables.
  return (JAAR_TEKST[y] ??= y < 1000 ? String(y).padStart(4, '0') : String(y)) + MAAND_DAG_TEKST[m * 32 + d]!;
}

const JAAR_TEKST: (string | undefined)[] = [];
/** "-MM-DD" at maand × 32 + dag. */
const MAAND_DAG_TEKST = Array.from({ length: 13 * 32 }, (_, i) => {
  const [m, d] = [Math.floor(i / 32), i % 32];
  return `-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
});

function cijfers(tekst: string, van: number, tot: number): number {
  let n = 0;
  for (let i = van; i < tot; i++) {
    const c = tekst.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0) ? 29 : 28;
  return maand === 4 || maand === 6 || maand === 9 || maand === 11 ? 30 : 31;
}

/** Calendar arithmetic on dates, never on instants: safe across the summer-time switches. */
export function addDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return fromDagnummer(toDagnummer(datum) + dagen);
}

export function addWeken(datum: IsoDatum, weken: number): IsoDatum {
  return fromDagnummer(toDagnummer(datum) + 7 * weken);
}

/** Whole calendar days from `van` to `tot` (negative when `tot` lies before `van`). */
export function dagenTussen(van: IsoDatum, tot: IsoDatum): number {
  return toDagnummer(tot) - toDagnummer(van);
}

/**
 * The calendar day in the Netherlands of a stored instant (UTC ISO, or SQLite's `YYYY-MM-DD HH:MM:SS` in UTC): the day
 * a person there lived it. Pure: the instant is given, the clock is not read.
 */
export function dagVanTijdstip(tijdstip: string): IsoDatum {
  return DateTime.fromISO(tijdstip.replace(' ', 'T'), { zone: 'utc' }).setZone(NL_ZONE).toISODate() as IsoDatum;
}

export function jaarVan(datum: IsoDatum): number {
  // The digits read in place (no substring); anything else as Number reads it.
  const jaar = cijfers(datum, 0, 4);
  return jaar < 0 ? Number(datum.slice(0, 4)) : jaar;
}

/** ISO weekday: 1 = maandag … 7 = zondag. */
export function weekdagVan(datum: IsoDatum): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDagnummer(datum) + 3) % 7) + 7) % 7) + 1;
}

const DUTCH = { locale: 'nl' } as const;

/** "11 april 2026" */
export const formatDatumKort: (datum: IsoDatum) => string = memoizePerSleutel((datum: IsoDatum) =>
  toDateTime(datum).setLocale(DUTCH.locale).toFormat('d LLLL yyyy'),
);

/** "zaterdag 11 april 2026" */
export const formatDatumLang: (datum: IsoDatum) => string = memoizePerSleutel((datum: IsoDatum) =>
  toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc d LLLL yyyy'),
);

/** "zaterdag" */
export const formatWeekdag: (datum: IsoDatum) => string = memoizePerSleutel((datum: IsoDatum) => toDateTime(datum).setLocale(DUTCH.locale).toFormat('cccc'));

/** Earliest of a non-empty list of ISO dates (ISO strings sort chronologically). */
export function vroegsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b < a ? b : a));
}

export function laatsteDatum(datums: readonly IsoDatum[]): IsoDatum {
  return datums.reduce((a, b) => (b > a ? b : a));
}
