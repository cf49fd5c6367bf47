import { createHash } from 'node:crypto';

/**
 * Sign-in attempts, limited per account and per address with a growing back-off: the first 5 failures cost nothing,
 * then each failure doubles the wait (2 s, 4 s, … up to 15 minutes). A success clears the account's count. In memory:
 * one server process guards its own door; a restart forgets (and the argon2 cost still bounds guessing).
 */
export interface AanmeldBeperking {
  /** Milliseconds to wait before another attempt for this account or address; 0 = go ahead. */
  wachttijd(sleutels: readonly string[], nuMs: number): number;
  recordMislukt(sleutels: readonly string[], nuMs: number): number;
  recordGelukt(sleutel: string): void;
}

const VRIJ = 5;
const MAX_WACHT_MS = 15 * 60_000;

export function createAanmeldBeperking(): AanmeldBeperking {
  const pogingen = new Map<string, { mislukt: number; totMs: number }>();
  return {
    wachttijd(sleutels, nuMs) {
      return Math.max(0, ...sleutels.map((s) => (pogingen.get(s)?.totMs ?? 0) - nuMs));
    },
    recordMislukt(sleutels, nuMs) {
      let wacht = 0;
      for (const s of sleutels) {
        const p = pogingen.get(s) ?? { mislukt: 0, totMs: 0 };
        p.mislukt += 1;
        if (p.mislukt > VRIJ) p.totMs = nuMs + Math.min(MAX_WACHT_MS, 1000 * 2 ** (p.mislukt - VRIJ));
        pogingen.set(s, p);
        wacht = Math.max(wacht, p.totMs - nuMs);
      }
      if (pogingen.size > 100_000) for (const [s, p] of pogingen) if (p.totMs < nuMs) pogingen.delete(s);
      return wacht;
    },
    recordGelukt(sleutel) {
      pogingen.delete(sleutel);
    },
  };
}

/** Keys for the limiter and the log: never the e-mail address or IP address itself. */
export const accountSleutel = (email: string) => 'a:' + createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
export const adresSleutel = (adres: string) => 'i:' + createHash('sha256').update(adres).digest('hex').slice(0, 16);
