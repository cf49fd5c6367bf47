/**
 * Presentation of dates, amounts and day counts, in Dutch: one module below both the web pages and the e-mails, so
 * a date reads the same on screen, in a reminder and in a filing.
 */
export { formatDatumKort, formatDatumLang, dagenTussen } from '../domain/kalender/kalenderdatum';
export { formatEuro } from '../domain/bedragen/euro';
import { DateTime } from 'luxon';
import { findZorgkantoorregio } from '../domain/regios/zorgkantoorregios';

// The same instants come back on every page that lists them (a case's audit log, the four-eyes checks), and luxon
// takes some 40 µs to format one: each text is kept, a bounded number of them.
const tijdstippen = new Map<string, string>();
const MAX_TIJDSTIPPEN = 10_000;

/** An instant (UTC ISO, or SQLite's `YYYY-MM-DD HH:MM:SS` in UTC, e.g. `aangemaakt_op`) as a Dutch reader reads it: "30 november 2026 om 14:05", in Europe/Amsterdam. */
export function formatTijdstip(iso: string): string {
  let tekst = tijdstippen.get(iso);
  if (tekst === undefined) {
    const t = DateTime.fromISO(iso.replace(' ', 'T'), { zone: 'utc' });
    tekst = t.isValid ? t.setZone('Europe/Amsterdam').setLocale('nl').toFormat("d LLLL yyyy 'om' HH:mm") : iso;
    if (tijdstippen.size >= MAX_TIJDSTIPPEN) tijdstippen.clear();
    tijdstippen.set(iso, tekst);
  }
  return tekst;
}

export function formatDagenOver(dagen: number): string {
  if (dagen === 0) return 'vandaag laatste dag';
  if (dagen === 1) return 'nog 1 dag';
  if (dagen > 1) return `nog ${dagen} dagen`;
  return dagen === -1 ? '1 dag verlopen' : `${-dagen} dagen verlopen`;
}

/**
 * The page of a (regio, jaar): by the region's CBS code, never by a name that may hold a slash (termijnregels §11). A name
 * the reference data does not know is encoded, so the link still lands on the redirect or a 404, never on another page.
 */
export function formatRegioJaarPad(regio: string, jaar: number): string {
  return `/matrix/${findZorgkantoorregio(regio)?.code ?? encodeURIComponent(regio)}/${jaar}`;
}

/** 10485760 → "10 MB", 1572864 → "1,5 MB": a size limit as the pages and messages state it. */
export function formatMb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
}
