// MACHINERY: numbering values (six-week terms, parties, lid-4 texts) in the cell being computed.

/**
 * The number in the cell being computed of values numbered outside it: one scratch array from the outside number to the
 * cell's, reset after each cell. `release` after each cell (computeCel does so in a finally); a cell never starts while
 * another is being computed.
 */
export class CelScratchNummering<T> {
  private inCel = new Int32Array(1024).fill(-1);
  /** The outside numbers given a number in the current cell (the first `aantalGegeven`). */
  private gegeven = new Int32Array(1024);
  private aantalGegeven = 0;

  /** The number in `tabel` (the cell's table) of `waarde`, whose number outside the cell is `n` (added when new). */
  numberNummerIn(n: number, waarde: T, tabel: { readonly length: number; push(waarde: T): unknown }): number {
    if (n >= this.inCel.length) this.grow(n + 1);
    let lokaal = this.inCel[n]!;
    if (lokaal < 0) {
      lokaal = tabel.length;
      tabel.push(waarde);
      this.inCel[n] = lokaal;
      this.gegeven[this.aantalGegeven++] = n;
    }
    return lokaal;
  }

  /** Ready for the next cell. */
  release(): void {
    for (let k = 0; k < this.aantalGegeven; k++) this.inCel[this.gegeven[k]!] = -1;
    this.aantalGegeven = 0;
  }

  protected reset(): void {
    this.inCel = new Int32Array(1024).fill(-1);
    this.gegeven = new Int32Array(1024);
  }

  private grow(minimum: number): void {
    const lengte = Math.max(minimum, 2 * this.inCel.length);
    const groter = new Int32Array(lengte).fill(-1);
    groter.set(this.inCel);
    this.inCel = groter;
    const meer = new Int32Array(lengte);
    meer.set(this.gegeven);
    this.gegeven = meer;
  }
}

/**
 * Numbers values of one cell at a time (its six-week terms, its lid-4 dates and doubts): a dictionary shared by every
 * cell of a run (one lookup per value) and the scratch from a value's number to its number in the cell being computed.
 */
const MAX_WOORDENBOEK = 200_000;

export class CelNummering<T> extends CelScratchNummering<T> {
  private readonly nummers = new Map<T, number>();

  numberIn(waarde: T, tabel: { readonly length: number; push(waarde: T): unknown }): number {
    let n = this.nummers.get(waarde);
    if (n === undefined) {
      n = this.nummers.size;
      this.nummers.set(waarde, n);
    }
    return this.numberNummerIn(n, waarde, tabel);
  }

  /** Before a cell. A long-lived context (the term service's) keeps meeting new values; past `MAX_WOORDENBOEK` the dictionary starts afresh, which only renumbers. */
  startCel(): void {
    if (this.nummers.size > MAX_WOORDENBOEK) {
      this.nummers.clear();
      this.reset();
    }
  }
}
