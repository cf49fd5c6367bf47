import type { z } from 'zod';
import { readCsv } from '../csv/csvLezen';
import { toVeldFouten } from '../validation/velden';

/** A problem in one row of an imported file: row number as in the file (the header is row 1), field and message. */
export interface RijFout {
  rij: number;
  veld: string;
  melding: string;
}

export interface ImportVoorbeeld<T> {
  /** What would be written, grouped per besluit. */
  nieuw: T[];
  /** Besluiten already present with identical content: a re-import skips them. */
  ongewijzigd: string[];
  fouten: RijFout[];
  aantalRijen: number;
  /** Zorgaanbieders (by KvK) the file names for the first time: created only when the user confirms them (issue 14). */
  nieuweZorgaanbieders?: { kvk: string; naam: string }[];
}

/** Reads a CSV and validates each row with `rijSchema`: the valid rows with their row number, and every row error. */
export function readImportRijen<S extends z.ZodType>(
  tekst: string,
  kolommen: readonly string[],
  rijSchema: S,
  /** Checks against the database that the schema cannot make (a region of the live division), on every row. */
  controleer: (waarden: Record<string, string>) => { veld: string; melding: string }[] = () => [],
): { rijen: { regel: number; rij: z.output<S> }[]; fouten: RijFout[]; aantalRijen: number } {
  const csv = readCsv(tekst, kolommen);
  if (!csv.ok) return { rijen: [], fouten: [{ rij: csv.regel ?? 1, veld: 'bestand', melding: csv.melding }], aantalRijen: 0 };
  const rijen: { regel: number; rij: z.output<S> }[] = [];
  const fouten: RijFout[] = [];
  for (const { regel, waarden } of csv.tabel.rijen) {
    const r = rijSchema.safeParse(waarden);
    const schemaFouten = r.success ? [] : toVeldFouten(r.error);
    const andere = controleer(waarden).filter((f) => !schemaFouten.some((s) => s.veld === f.veld));
    if (r.success && andere.length === 0) rijen.push({ regel, rij: r.data });
    else fouten.push(...[...schemaFouten, ...andere].map((f) => ({ rij: regel, veld: f.veld, melding: f.melding })));
  }
  return { rijen, fouten, aantalRijen: csv.tabel.rijen.length };
}
