import { z } from 'zod';
import { isGeldigeIsoDatum } from '../domain/kalender/kalenderdatum';
import { findZorgkantoorregio } from '../domain/regios/zorgkantoorregios';

/** Zod field builders with the Dutch messages users see; shared by the CLI, the API and the forms. */

export const MIN_JAAR = 1900;
export const MAX_JAAR = 2200;

export function formatWaarde(waarde: unknown): string {
  if (waarde === undefined) return 'niets';
  const tekst = JSON.stringify(waarde) ?? String(waarde);
  return tekst.length > 60 ? `${tekst.slice(0, 57)}…` : tekst;
}

function ontbreektOf(verwacht: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined ? 'ontbreekt' : `verwacht ${verwacht}, niet ${formatWaarde(iss.input)}`);
}

export function tekstVeld(max = 200) {
  return z
    .string({ error: ontbreektOf('tekst') })
    .trim()
    .min(1, { error: 'mag niet leeg zijn' })
    .max(max, { error: `is te lang (meer dan ${max} tekens)` });
}

/** Whether a valid ISO date lies in the years every date field accepts (MIN_JAAR–MAX_JAAR). */
export function isBinnenJaren(datum: string): boolean {
  return Number(datum.slice(0, 4)) >= MIN_JAAR && Number(datum.slice(0, 4)) <= MAX_JAAR;
}

export function isoDatumVeld() {
  return z.string({ error: ontbreektOf('een datum als "JJJJ-MM-DD"') }).superRefine((datum, ctx) => {
    if (!isGeldigeIsoDatum(datum)) {
      ctx.addIssue({ code: 'custom', message: `${formatWaarde(datum)} is geen geldige datum` });
    } else if (!isBinnenJaren(datum)) {
      ctx.addIssue({ code: 'custom', message: `${formatWaarde(datum)} valt buiten ${MIN_JAAR}–${MAX_JAAR}` });
    }
  });
}

export function jaarVeld() {
  return z
    .number({ error: ontbreektOf('een jaartal als geheel getal') })
    .int({ error: (iss) => `verwacht een jaartal als geheel getal, niet ${formatWaarde(iss.input)}` })
    .min(MIN_JAAR, { error: (iss) => `${formatWaarde(iss.input)} valt buiten ${MIN_JAAR}–${MAX_JAAR}` })
    .max(MAX_JAAR, { error: (iss) => `${formatWaarde(iss.input)} valt buiten ${MIN_JAAR}–${MAX_JAAR}` });
}

export function keuzeVeld<const T extends readonly [string, ...string[]]>(waarden: T, wat: string) {
  return z.enum(waarden, {
    error: (iss) => (iss.input === undefined ? 'ontbreekt' : `${formatWaarde(iss.input)} is geen geldige ${wat} (toegestaan: ${waarden.join(', ')})`),
  });
}

/** A zorgkantoorregio name in any case; yields the official spelling. */
export function regioVeld() {
  return z
    .string({ error: ontbreektOf('de naam van een zorgkantoorregio') })
    .refine((naam) => findZorgkantoorregio(naam) !== undefined, {
      error: (iss) => `${formatWaarde(iss.input)} is geen zorgkantoorregio`,
    })
    .transform((naam) => findZorgkantoorregio(naam)!.naam);
}

/**
 * A region as typed in the app: the shipped spelling when the shipped division knows it, otherwise as typed. The
 * service resolves it against the live division (an NZa beheerder may have renamed or merged regions since).
 */
export function regioInvoerVeld() {
  return z
    .string({ error: ontbreektOf('de naam van een zorgkantoorregio') })
    .trim()
    .min(1, { error: 'ontbreekt' })
    .max(100, { error: 'te lang voor de naam van een zorgkantoorregio' })
    .transform((naam) => findZorgkantoorregio(naam)?.naam ?? naam);
}

/** `besluiten[1].bekendgemaakt` */
export function formatPad(pad: readonly PropertyKey[]): string {
  return pad.reduce<string>((acc, deel) => {
    if (typeof deel === 'number') return `${acc}[${deel}]`;
    return acc ? `${acc}.${String(deel)}` : String(deel);
  }, '');
}

export interface VeldFout {
  veld: string;
  melding: string;
}

export function toVeldFouten(error: z.ZodError): VeldFout[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((sleutel) => ({ veld: formatPad([...issue.path, sleutel]), melding: 'onbekend veld' }));
    }
    return [{ veld: formatPad(issue.path) || 'invoer', melding: issue.message }];
  });
}

export function formatVeldFout(fout: VeldFout): string {
  return `${fout.veld}: ${fout.melding}`;
}

/**
 * Never part of a person's name (issue 28.7, review): control characters (Cc: C0 and C1, CR and LF included), format
 * characters (Cf: bidirectional controls, zero-width characters, the soft hyphen, tag characters, …), private-use (Co)
 * and unassigned (Cn) code points, the line and paragraph separators (Zl, Zp), and the Hangul fillers that show as
 * nothing (U+115F, U+1160, U+3164, U+FFA0). A tab or line break becomes a space. The result is in NFC.
 */
const REGELEINDE_OF_TAB = /[\t\n\r\v\f\u0085\u2028\u2029]+/g;
const ONZICHTBAAR_OF_STUREND = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * A name as stored: without those characters, single spaces, trimmed, NFC-normalised; `gewijzigd` when that changed
 * more than the trim and the normalisation (which change nothing one can see).
 */
export function cleanNaam(invoer: string): { naam: string; gewijzigd: boolean } {
  const naam = invoer.replace(REGELEINDE_OF_TAB, ' ').replace(ONZICHTBAAR_OF_STUREND, '').replace(/ {2,}/g, ' ').trim().normalize('NFC');
  return { naam, gewijzigd: naam !== invoer.trim().normalize('NFC') };
}

/** The Dutch note shown when cleaning changed a typed name. */
export const NAAM_OPGESCHOOND = 'De naam bevatte onzichtbare tekens, stuurtekens of regeleinden; die zijn verwijderd. Controleer hoe de naam nu is opgeslagen.';

/** A date as a Dutch user types it — dd-mm-jjjj, d-m-jjjj, with - / or . — in ISO; anything else as given (issue 30.5). */
export function normaliseerDatumTekst(tekst: string): string {
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(tekst.trim());
  return nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : tekst.trim();
}
