import type { VeldFout } from '../../validation/velden';

/** Thrown inside a transaction to roll it back with field errors for the user. */
export class InvoerFout extends Error {
  constructor(readonly fouten: VeldFout[]) {
    super(fouten.map((f) => `${f.veld}: ${f.melding}`).join('; '));
  }
}
