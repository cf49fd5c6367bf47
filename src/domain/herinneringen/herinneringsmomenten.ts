import { addDagen, type IsoDatum } from '../kalender/kalenderdatum';
import type { AtwKalender } from '../kalender/atwKalender';

/** Default: 14, 7, 3 and 1 working days before the last day, and the last day itself. */
export const STANDAARD_SCHEMA: readonly number[] = [14, 7, 3, 1, 0];

export interface Herinneringsmoment {
  /** Working days before the last day (0 = the last day). */
  werkdagenVooraf: number;
  datum: IsoDatum;
}

/** The day `n` working days (no weekend, no Atw feestdag) from `dag` in the direction `stap`; 0 is `dag` itself. */
function schuifWerkdagen(dag: IsoDatum, n: number, stap: 1 | -1, kalender: AtwKalender): IsoDatum {
  let uit = dag;
  for (let over = n; over > 0;) {
    uit = addDagen(uit, stap);
    if (!kalender.nietWerkdagReden(uit)) over--;
  }
  return uit;
}

/** The day `n` working days before `einde`; 0 is `einde` itself. */
export function werkdagenVoor(einde: IsoDatum, n: number, kalender: AtwKalender): IsoDatum {
  return schuifWerkdagen(einde, n, -1, kalender);
}

/** The day `n` working days after `dag`; 0 is `dag` itself. */
export function werkdagenNa(dag: IsoDatum, n: number, kalender: AtwKalender): IsoDatum {
  return schuifWerkdagen(dag, n, 1, kalender);
}

export function computeHerinneringsmomenten(einde: IsoDatum, schema: readonly number[], kalender: AtwKalender): Herinneringsmoment[] {
  return [...new Set(schema)].sort((a, b) => b - a).map((n) => ({ werkdagenVooraf: n, datum: werkdagenVoor(einde, n, kalender) }));
}

/** "14,7,3,1,0" → [14, 7, 3, 1, 0]; null when it is not a list of whole numbers from 0 to 60. */
export function parseSchema(tekst: string): number[] | null {
  const delen = tekst.split(/[\s,;]+/).filter(Boolean);
  if (delen.length === 0 || delen.length > 10 || delen.some((d) => !/^\d{1,2}$/.test(d) || Number(d) > 60)) return null;
  return [...new Set(delen.map(Number))].sort((a, b) => b - a);
}

/**
 * Of the reminders of one term that are due, which to send: the latest one only. Older ones that fell due while
 * nothing ran are skipped, so a restart sends one catch-up e-mail per term instead of a flood.
 */
export function selectTeVersturen<T extends { werkdagenVooraf: number; datum: IsoDatum }>(
  verschuldigd: readonly T[],
): { versturen: T; overslaan: T[]; inhaal: boolean } | undefined {
  if (verschuldigd.length === 0) return undefined;
  const gesorteerd = [...verschuldigd].sort((a, b) => (a.datum < b.datum ? 1 : a.datum > b.datum ? -1 : a.werkdagenVooraf - b.werkdagenVooraf));
  const [versturen, ...overslaan] = gesorteerd;
  return { versturen: versturen!, overslaan, inhaal: overslaan.length > 0 };
}
