import type { Termijn } from '../../domain/termijnen/termijn';
import type { CelUitkomst } from '../../domain/termijnen/celTermijnen';
import { toDagnummer } from '../../domain/kalender/kalenderdatum';

/**
 * The whole term list of a scope as typed columns, in the order of the engine's `combineCellen` (last day, the cells'
 * (regio, jaar) order, the cell's own order): per position the last day as a day number, the cell (a stable number per
 * (regio, jaar)), the term's place in its cell's list, the rechtsmiddel and whether it is an art. 105 lid 3 window.
 * Lists, filters and merges read these contiguous columns rather than 400,000 objects spread over the heap, and a
 * write merges its cells without allocating a single JavaScript array of that size: a pass over all terms costs about
 * a millisecond. The term itself is looked up in its cell (`TermijnOpzoeker`).
 */
export interface TermijnLijst {
  lengte: number;
  einde: Int32Array;
  cel: Uint32Array;
  plaats: Uint32Array;
  /** 0 bezwaar, 1 beroep. */
  rechtsmiddel: Uint8Array;
  /** 1 for an art. 105 lid 3 window. */
  lid3: Uint8Array;
}

/** One cell's terms (in the cell's order) as columns. */
export interface CelLijst {
  celId: number;
  lengte: number;
  einde: Int32Array;
  rechtsmiddel: Uint8Array;
  lid3: Uint8Array;
}

/** Each cell's terms by the cell's number, as they were when the list was made: a record is made when looked up. */
export type TermijnOpzoeker = readonly (Pick<CelUitkomst, 'termijnOp'> | undefined)[];

export function findTermijn(opzoeker: TermijnOpzoeker, lijst: TermijnLijst, i: number): Termijn {
  return opzoeker[lijst.cel[i]!]!.termijnOp(lijst.plaats[i]!);
}

/** The list as one array of terms (for the callers that want all of them). */
export function listTermijnen(opzoeker: TermijnOpzoeker, lijst: TermijnLijst): Termijn[] {
  const uit: Termijn[] = [];
  for (let i = 0; i < lijst.lengte; i++) uit.push(findTermijn(opzoeker, lijst, i));
  return uit;
}

/** A cell's terms as columns, in the cell's order, read from the engine's columns without making a record. */
export function buildCelLijst(celId: number, cel: CelUitkomst): CelLijst {
  const posities = cel.geordend;
  const kolommen = cel.kolommen;
  const n = posities.length;
  const lijst: CelLijst = { celId, lengte: n, einde: new Int32Array(n), rechtsmiddel: new Uint8Array(n), lid3: new Uint8Array(n) };
  // Day numbers per distinct six weeks: a cell has a few hundred among thousands of terms.
  const dagen = kolommen.berekendTabel.map((t) => toDagnummer(t.einde));
  for (let i = 0; i < n; i++) {
    const p = posities[i]!;
    lijst.einde[i] = dagen[kolommen.berekendNummerVan(p)]!;
    lijst.rechtsmiddel[i] = kolommen.rechtsmiddelVan(p) === 'beroep' ? 1 : 0;
    lijst.lid3[i] = kolommen.regelVan(p) === 'art-105-lid-3' ? 1 : 0;
  }
  return lijst;
}

/**
 * Cells' lists as one. `rang[celId]` is the cell's place in the (regio, jaar) order. With `basis` (an earlier whole
 * list) its cells flagged in `weg` (by cell number) go out, the rest keeps its order, and the cells of `erbij` are
 * merged in; without it, the whole is made from `erbij`.
 */
export function mergeCelLijsten(rang: Int32Array, erbij: readonly CelLijst[], basis?: { lijst: TermijnLijst; weg: Uint8Array }): TermijnLijst {
  const nieuw = combineCelLijsten([...erbij].sort((a, b) => rang[a.celId]! - rang[b.celId]!));
  if (!basis) return nieuw;
  // This runs once per write, in code the JIT has seldom warmed up: the old list is copied whole, and its terms are
  // moved in runs by `copyWithin`, not term by term (at 5× scale 1.6 instead of 3.3 ms once warm).
  const oud = basis.lijst;
  const weg = basis.weg;
  const oLengte = oud.lengte;
  const wegPosities = listPositiesVan(oud, weg);
  const kept = oLengte - wegPosities.length;
  const lengte = kept + nieuw.lengte;
  const uit = allocate(Math.max(oLengte, lengte));
  uit.lengte = lengte;
  for (const kolom of KOLOMMEN) uit[kolom].set(oud[kolom].subarray(0, oLengte));

  // Where each new term goes among the old ones (an old position): before the first kept old term with a later last
  // day, or the same day and a later cell. Read from the old list, which the moves below leave untouched.
  const oEinde = oud.einde;
  const oCel = oud.cel;
  const invoegen = new Int32Array(nieuw.lengte);
  let laag = 0;
  for (let j = 0; j < nieuw.lengte; j++) {
    const einde = nieuw.einde[j]!;
    const celRang = rang[nieuw.cel[j]!]!;
    let hoog = oLengte;
    while (laag < hoog) {
      const midden = (laag + hoog) >>> 1;
      if (oEinde[midden]! < einde) laag = midden + 1;
      else hoog = midden;
    }
    while (laag < oLengte && oEinde[laag] === einde && (weg[oCel[laag]!] === 1 || rang[oCel[laag]!]! < celRang)) laag++;
    invoegen[j] = laag;
  }

  // The removed terms out: each run of kept terms moves up to close the gaps before it.
  let naar = wegPosities.length > 0 ? wegPosities[0]! : oLengte;
  for (let r = 0; r < wegPosities.length; r++) {
    const van = wegPosities[r]! + 1;
    const tot = r + 1 < wegPosities.length ? wegPosities[r + 1]! : oLengte;
    moveRun(uit, van, tot, naar);
    naar += tot - van;
  }
  // The new terms in, from the last: the kept terms from a new term's place on move down by the new terms up to it.
  // Its place among the kept terms is its old position less the removed terms before that position.
  let w = wegPosities.length;
  let einde = kept;
  for (let j = nieuw.lengte - 1; j >= 0; j--) {
    while (w > 0 && wegPosities[w - 1]! >= invoegen[j]!) w--;
    const plaats = invoegen[j]! - w;
    moveRun(uit, plaats, einde, plaats + j + 1);
    for (const kolom of KOLOMMEN) uit[kolom][plaats + j] = nieuw[kolom][j]!;
    einde = plaats;
  }
  return uit;
}

const KOLOMMEN = ['einde', 'cel', 'plaats', 'rechtsmiddel', 'lid3'] as const;

/** The positions, in order, of the terms of the cells flagged in `cellen` (by cell number). */
function listPositiesVan(lijst: TermijnLijst, cellen: Uint8Array): Int32Array {
  const posities: number[] = [];
  const kolom = lijst.cel.subarray(0, lijst.lengte);
  const gemarkeerd: number[] = [];
  for (let cel = 0; cel < cellen.length; cel++) if (cellen[cel] === 1) gemarkeerd.push(cel);
  if (gemarkeerd.length > MAX_ZOEKTOCHTEN) {
    // Many cells (a contracteerruimtebesluit for every region): one pass over the list.
    for (let p = 0; p < kolom.length; p++) if (cellen[kolom[p]!] === 1) posities.push(p);
    return Int32Array.from(posities);
  }
  // A few cells (an edit of one tariefbeschikking): the typed array's own search per cell.
  for (const cel of gemarkeerd) for (let p = kolom.indexOf(cel); p >= 0; p = kolom.indexOf(cel, p + 1)) posities.push(p);
  return Int32Array.from(posities).sort();
}

// Past this many removed cells one pass over the list is cheaper than a search per cell.
const MAX_ZOEKTOCHTEN = 8;

/** Positions `van` up to `tot` of every column to position `naar` of the same list. */
function moveRun(lijst: TermijnLijst, van: number, tot: number, naar: number): void {
  if (tot <= van || naar === van) return;
  for (const kolom of KOLOMMEN) lijst[kolom].copyWithin(naar, van, tot);
}

/** No terms. */
export const LEGE_LIJST: TermijnLijst = Object.freeze(allocate(0));

/** Cells' lists, given in (regio, jaar) order, as one list by last day (one cell's: its own order). */
export function combineCelLijsten(cellen: readonly CelLijst[]): TermijnLijst {
  // Per day how many terms, then each cell's terms (cells in order) placed at their day's next free place.
  let totaal = 0;
  let eerste = Infinity;
  let laatste = -Infinity;
  for (const c of cellen) {
    totaal += c.lengte;
    for (let i = 0; i < c.einde.length; i++) {
      if (c.einde[i]! < eerste) eerste = c.einde[i]!;
      if (c.einde[i]! > laatste) laatste = c.einde[i]!;
    }
  }
  const uit = allocate(totaal);
  if (totaal === 0) return uit;
  const volgende = new Int32Array(laatste - eerste + 2);
  for (const c of cellen) for (let i = 0; i < c.einde.length; i++) volgende[c.einde[i]! - eerste + 1]! += 1;
  for (let d = 1; d < volgende.length; d++) volgende[d]! += volgende[d - 1]!;
  for (const c of cellen) {
    for (let i = 0; i < c.einde.length; i++) {
      const k = volgende[c.einde[i]! - eerste]!++;
      uit.einde[k] = c.einde[i]!;
      uit.cel[k] = c.celId;
      uit.plaats[k] = i;
      uit.rechtsmiddel[k] = c.rechtsmiddel[i]!;
      uit.lid3[k] = c.lid3[i]!;
    }
  }
  return uit;
}

function allocate(n: number): TermijnLijst {
  return { lengte: n, einde: new Int32Array(n), cel: new Uint32Array(n), plaats: new Uint32Array(n), rechtsmiddel: new Uint8Array(n), lid3: new Uint8Array(n) };
}

/** The first position whose last day is on or after `dag`. */
export function findEersteVanaf(lijst: TermijnLijst, dag: number): number {
  let laag = 0;
  let hoog = lijst.lengte;
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (lijst.einde[midden]! < dag) laag = midden + 1;
    else hoog = midden;
  }
  return laag;
}
