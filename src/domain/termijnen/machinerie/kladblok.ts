import type { IsoDatum } from '../../kalender/kalenderdatum';
import type { PartijSoort } from '../termijn';

// MACHINERY: the run's scratch, which every cell writes into while it is computed and copies out of when done.

/** Per term in `CelTermijnKolommen`: besluit, six weeks, kenmerken (rule, party kind, version), party, doubt. */
export const TERMIJN_VELDEN = 5;
/** Per lid-4 exclusion: the tariefbeschikking's place, the party's number, and `sinds`, `eindeAlsToch` and the extra doubt as numbers in the cell's tables (−1: none). */
export const LID4_VELDEN = 5;

/**
 * Scratch columns for the cell being computed, shared by every cell of a run (one cell at a time, as `CelNummering`):
 * a cell writes its terms, beroep positions and exclusions here and copies out exactly what it holds when done. Typed
 * arrays live outside the heap, and every megabyte of them counts towards a full garbage collection; sized per cell
 * (with room to spare, then cut to size) they made one full collection per run at 20× national scale.
 */
export class CelKladblok {
  termijnen: Int32Array<ArrayBuffer> = new Int32Array(1024 * TERMIJN_VELDEN);
  beroepPosities: Int32Array<ArrayBuffer> = new Int32Array(1024);
  uitsluitingen: Int32Array<ArrayBuffer> = new Int32Array(4 * 1024);
  lid4: Int32Array<ArrayBuffer> = new Int32Array(LID4_VELDEN * 256);
  /** The parties of the cell by their number in the register, in the order they became parties of the cell. */
  partijNummers: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** The walk's parties in the order they became parties, by their number in the cell; with each its kind and the latest last day of its own statutory terms against the current version. */
  private partijScratch = createPartijScratch(1024);
  /** The six-week terms of the cell being computed (`WaardenLijst`). */
  berekend: unknown[] = [];
  /** Set by `computeCel` while a cell writes here. */
  inGebruik = false;

  /** The walk's party scratch for `aantal` parties, every kind and last day unset. */
  reservePartijen(aantal: number): ReturnType<typeof createPartijScratch> {
    const scratch = this.partijScratch;
    if (scratch.partijen.length < aantal) {
      this.partijScratch = createPartijScratch(Math.max(aantal, 2 * scratch.partijen.length));
    }
    this.partijScratch.soortVan.fill(undefined, 0, aantal);
    this.partijScratch.laatsteEindeVan.fill(undefined, 0, aantal);
    return this.partijScratch;
  }
}

/**
 * A list of values in a run's scratch array (which grows with the largest cell and keeps it), and once sealed a copy of
 * exactly what it holds: one allocation per cell instead of a list grown push by push.
 */
export class WaardenLijst<T> {
  length = 0;
  constructor(private readonly data: unknown[]) {}
  push(waarde: T): void {
    this.data[this.length++] = waarde;
  }
  seal(): T[] {
    return this.data.slice(0, this.length) as T[];
  }
}

function createPartijScratch(lengte: number) {
  return {
    partijen: new Int32Array(lengte),
    soortVan: new Array<PartijSoort | undefined>(lengte).fill(undefined),
    laatsteEindeVan: new Array<IsoDatum | undefined>(lengte).fill(undefined),
  };
}

/**
 * A list of whole numbers in a run's scratch array (grown through `vervang`, so the scratch keeps the larger one), and
 * once sealed a copy of exactly what it holds.
 */
export class Int32Lijst {
  length = 0;
  constructor(
    private data: Int32Array<ArrayBuffer>,
    private readonly vervang?: (groter: Int32Array<ArrayBuffer>) => void,
  ) {}
  push(waarde: number): void {
    if (this.length === this.data.length) {
      this.data = growTo(this.data, 2 * this.data.length + 16);
      this.vervang?.(this.data);
    }
    this.data[this.length++] = waarde;
  }
  get(i: number): number {
    if (i < 0 || i >= this.length) throw new RangeError(`Int32Lijst: no element ${i}`);
    return this.data[i]!;
  }
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  /** A copy of exactly what it holds, out of the scratch. */
  copy(): Int32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
  /** Out of the scratch: a list of its own, no longer growing into the scratch. */
  seal(): Int32Lijst {
    const eigen = new Int32Lijst(this.copy());
    eigen.length = this.length;
    return eigen;
  }
}

/** A copy of `a`, `lengte` long. */
export function growTo<A extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: A, lengte: number): A {
  const groter = new (a.constructor as new (n: number) => A)(lengte);
  groter.set(a);
  return groter;
}
