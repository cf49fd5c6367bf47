import type { Db } from '../../db/verbinding';
import { writeTransaction } from '../../db/transactie';
import type { VeldFout } from '../../validation/velden';

/** Thrown inside a transaction to roll it back with field errors for the user. */
export class InvoerFout extends Error {
  constructor(readonly fouten: VeldFout[]) {
    super(fouten.map((f) => `${f.veld}: ${f.melding}`).join('; '));
  }
}

export type Registratie = { ok: true; id: number } | { ok: false; fouten: VeldFout[] };

/** Runs a write through the one write path; field errors roll everything back and come back to the user. */
export function writeRegistratie(db: Db, schrijf: (tx: Db) => number): Registratie {
  try {
    return { ok: true, id: writeTransaction(db, schrijf) };
  } catch (e) {
    if (e instanceof InvoerFout) return { ok: false, fouten: e.fouten };
    throw e; // Geweigerd included: the web answers 403/404
  }
}
