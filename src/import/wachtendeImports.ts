import { randomBytes } from 'node:crypto';

export type ImportSoort = 'contracteerruimte' | 'tariefbeschikkingen';

interface WachtendeImport {
  soort: ImportSoort;
  /** The upload as sent (CSV in any encoding, or .xlsx): read again before writing. */
  bytes: Uint8Array;
  /** The worksheet the user picked in an .xlsx with several. */
  blad?: string | undefined;
  bestandsnaam: string;
  gebruikerId: number;
  verlooptOp: number;
}

const BEWAARTIJD_MS = 30 * 60_000;
const MAXIMUM = 50;

/**
 * Checked uploads waiting for the user's "Importeren" (or for another worksheet to be checked): held briefly in memory,
 * tied to the user who uploaded them.
 */
export function createWachtendeImports(nu: () => number = Date.now) {
  const wachtend = new Map<string, WachtendeImport>();
  const ruimOp = () => {
    for (const [token, w] of wachtend) if (w.verlooptOp < nu()) wachtend.delete(token);
    while (wachtend.size >= MAXIMUM) wachtend.delete(wachtend.keys().next().value!);
  };
  return {
    save(imp: Omit<WachtendeImport, 'verlooptOp'>): string {
      ruimOp();
      const token = randomBytes(18).toString('base64url');
      wachtend.set(token, { ...imp, verlooptOp: nu() + BEWAARTIJD_MS });
      return token;
    },
    /** Takes the upload out: a token works once. */
    take(token: string, gebruikerId: number): WachtendeImport | undefined {
      const w = wachtend.get(token);
      if (!w || w.gebruikerId !== gebruikerId || w.verlooptOp < nu()) return undefined;
      wachtend.delete(token);
      return w;
    },
  };
}
export type WachtendeImports = ReturnType<typeof createWachtendeImports>;
