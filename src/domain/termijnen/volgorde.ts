import type { Rechtsmiddel } from './termijn';

/** What orders terms and exclusions within a (regio, jaar). */
interface InCel {
  readonly bekendgemaakt: string;
  readonly besluit: string;
  readonly rechtsmiddel: Rechtsmiddel;
  readonly partij?: string | undefined;
}

// Ties list bezwaar before beroep, as in the example of spec/cli-termijnen.md.
const RECHTSMIDDEL_VOLGORDE = { bezwaar: 0, beroep: 1 } as const;

export function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Within a (regio, jaar): by bekendmaking, besluit, bezwaar before beroep, party. */
export function compareInCel(a: InCel, b: InCel): number {
  return (
    compare(a.bekendgemaakt, b.bekendgemaakt) ||
    compare(a.besluit, b.besluit) ||
    RECHTSMIDDEL_VOLGORDE[a.rechtsmiddel] - RECHTSMIDDEL_VOLGORDE[b.rechtsmiddel] ||
    compare(a.partij ?? '', b.partij ?? '')
  );
}
