import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/verbinding';
import { apiIdempotentie } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';

/** How long a key's first answer is kept (and a retry answered with it). */
export const IDEMPOTENTIE_UREN = 24;

export type IdempotentieClaim =
  /** First use of the key: run the request, then record its answer (or release the claim). */
  | { soort: 'nieuw'; id: number }
  /** The same request again: its first answer. */
  | { soort: 'herhaling'; status: number; antwoord: string; contentType: string | null }
  /** The key was used for another request. */
  | { soort: 'anders' }
  /** The first request is under way, or died after it may have written: its outcome is unknown here. */
  | { soort: 'bezig' };

/**
 * Claims an Idempotency-Key of a token for a request (its method, path and body hashed): one transaction, so two
 * requests with the same key never both run. Keys older than IDEMPOTENTIE_UREN are forgotten first. Bookkeeping, not
 * audited: the request it guards is audited by its own write.
 */
export function claimIdempotentie(db: Db, tokenId: number, sleutel: string, verzoekHash: string, nuMs: number): IdempotentieClaim {
  const grens = new Date(nuMs - IDEMPOTENTIE_UREN * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return writeTransaction(db, (tx) => {
    tx.delete(apiIdempotentie).where(lt(apiIdempotentie.aangemaaktOp, grens)).run();
    const bestaand = tx
      .select()
      .from(apiIdempotentie)
      .where(and(eq(apiIdempotentie.tokenId, tokenId), eq(apiIdempotentie.sleutel, sleutel)))
      .get();
    if (bestaand) {
      if (bestaand.verzoekHash !== verzoekHash) return { soort: 'anders' } as const;
      if (bestaand.status === null || bestaand.antwoord === null) return { soort: 'bezig' } as const;
      return { soort: 'herhaling', status: bestaand.status, antwoord: bestaand.antwoord, contentType: bestaand.contentType } as const;
    }
    const id = tx
      .insert(apiIdempotentie)
      .values({ tokenId, sleutel, verzoekHash, aangemaaktOp: new Date(nuMs).toISOString().replace(/\.\d{3}Z$/, 'Z') })
      .returning({ id: apiIdempotentie.id })
      .get().id;
    return { soort: 'nieuw', id } as const;
  });
}

/** Records the first answer of a claimed key. */
export function recordIdempotentieAntwoord(db: Db, id: number, antwoord: { status: number; tekst: string; contentType: string | null }): void {
  writeTransaction(db, (tx) =>
    tx
      .update(apiIdempotentie)
      .set({ status: antwoord.status, antwoord: antwoord.tekst, contentType: antwoord.contentType })
      .where(eq(apiIdempotentie.id, id))
      .run(),
  );
}

/** Lets a claimed key go when its request wrote nothing (a server error, a rate limit): a retry runs afresh. */
export function releaseIdempotentie(db: Db, id: number): void {
  writeTransaction(db, (tx) => tx.delete(apiIdempotentie).where(eq(apiIdempotentie.id, id)).run());
}
