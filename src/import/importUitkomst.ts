import type { z } from 'zod';
import type { CsvTabel } from '../csv/csvLezen';
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

/** Validates each row of a read table with `rijSchema`: the valid rows with their row number, and every row error. */
export function readImportRijen<S extends z.ZodType>(
  tabel: CsvTabel,
  rijSchema: S,
  /** Checks against the database that the schema cannot make (a region of the live division), on every row. */
  controleer: (waarden: Record<string, string>) => { veld: string; melding: string }[] = () => [],
): { rijen: { regel: number; rij: z.output<S> }[]; fouten: RijFout[]; aantalRijen: number } {
  const rijen: { regel: number; rij: z.output<S> }[] = [];
  const fouten: RijFout[] = [];
  for (const { regel, waarden } of tabel.rijen) {
    const r = rijSchema.safeParse(waarden);
    const schemaFouten = r.success ? [] : toVeldFouten(r.error);
    const andere = controleer(waarden).filter((f) => !schemaFouten.some((s) => s.veld === f.veld));
    if (r.success && andere.length === 0) rijen.push({ regel, rij: r.data });
    else fouten.push(...[...schemaFouten, ...andere].map((f) => ({ rij: regel, veld: f.veld, melding: f.melding })));
  }
  return { rijen, fouten, aantalRijen: tabel.rijen.length };
}
