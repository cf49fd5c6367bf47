import { growTo } from './kladblok';

// MACHINERY: party names as numbers, in a hash table of its own.

/**
 * Party names numbered once for every cell split from one input (`splitInCellen`), or for one cell read on its own
 * (`readBesluitVelden`): the walk numbers a tariefbeschikking's addressee by the number the split gave it, and looks up
 * by name only a party asked for or an appellant. At 20× national scale a name lookup per tariefbeschikking missed the
 * cache every time. The register only grows: a walk adds the parties asked for and the appellants of its cell, and a
 * name keeps its number, so a cell's result does not depend on the cells walked before it.
 */
export class PartijRegister {
  readonly namen: string[] = [];
  // An open-addressing table of its own over the names' UTF-16 code units, kept together in `tekens`: a lookup reads
  // the probed name and these arrays only. A Map compares with the key strings themselves, which at 20× national scale
  // lie scattered over the input (the first tariefbeschikking of each party): some 500 ns a lookup, half the split.
  // Small at first: the term service makes a register per cell it computes.
  private plaatsen = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(32);
  private begin = new Int32Array(33);
  private tekens = new Uint16Array(512);

  /** The party's number (added when new). */
  numberPartij(naam: string): number {
    const hash = hashNaam(naam);
    const plaats = this.findPlaats(naam, hash);
    const gevonden = this.plaatsen[plaats]!;
    if (gevonden >= 0) return gevonden;
    return this.add(naam, hash, plaats);
  }

  findNummer(naam: string): number | undefined {
    const n = this.plaatsen[this.findPlaats(naam, hashNaam(naam))]!;
    return n < 0 ? undefined : n;
  }

  /** The slot holding `naam`, or the empty slot where it would go. */
  private findPlaats(naam: string, hash: number): number {
    const masker = this.plaatsen.length - 1;
    for (let plaats = hash & masker; ; plaats = (plaats + 1) & masker) {
      const n = this.plaatsen[plaats]!;
      if (n < 0 || (this.hashes[n] === hash && this.isNaam(n, naam))) return plaats;
    }
  }

  private isNaam(n: number, naam: string): boolean {
    const van = this.begin[n]!;
    if (this.begin[n + 1]! - van !== naam.length) return false;
    for (let k = 0; k < naam.length; k++) if (this.tekens[van + k] !== naam.charCodeAt(k)) return false;
    return true;
  }

  private add(naam: string, hash: number, plaats: number): number {
    const n = this.namen.length;
    this.namen.push(naam);
    if (n + 1 >= this.hashes.length) {
      this.hashes = growTo(this.hashes, 2 * this.hashes.length);
      this.begin = growTo(this.begin, this.hashes.length + 1);
    }
    this.hashes[n] = hash;
    const van = this.begin[n]!;
    if (van + naam.length > this.tekens.length) this.tekens = growTo(this.tekens, Math.max(2 * this.tekens.length, van + naam.length));
    for (let k = 0; k < naam.length; k++) this.tekens[van + k] = naam.charCodeAt(k);
    this.begin[n + 1] = van + naam.length;
    this.plaatsen[plaats] = n;
    // At most half full: a probe stops after a slot or two.
    if (2 * (n + 1) > this.plaatsen.length) this.rehash();
    return n;
  }

  private rehash(): void {
    this.plaatsen = new Int32Array(2 * this.plaatsen.length).fill(-1);
    const masker = this.plaatsen.length - 1;
    for (let n = 0; n < this.namen.length; n++) {
      let plaats = this.hashes[n]! & masker;
      while (this.plaatsen[plaats]! >= 0) plaats = (plaats + 1) & masker;
      this.plaatsen[plaats] = n;
    }
  }
}

/** FNV-1a over a name's UTF-16 code units. */
function hashNaam(naam: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < naam.length; k++) hash = Math.imul(hash ^ naam.charCodeAt(k), 0x01000193);
  return hash >>> 1;
}
