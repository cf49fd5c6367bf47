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
}
