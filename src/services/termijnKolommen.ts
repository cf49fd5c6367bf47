import type { Termijn } from '../domain/termijnen/termijn';
import type { CelUitkomst } from '../domain/termijnen/celTermijnen';
import { toDagnummer } from '../domain/kalender/kalenderdatum';

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
  const oud = basis.lijst;
  const weg = basis.weg;
  const uit = allocate(oud.lengte + nieuw.lengte);
  const [oEinde, oCel, oPlaats, oRm, oLid3] = [oud.einde, oud.cel, oud.plaats, oud.rechtsmiddel, oud.lid3];
  const [nEinde, nCel, nPlaats, nRm, nLid3] = [nieuw.einde, nieuw.cel, nieuw.plaats, nieuw.rechtsmiddel, nieuw.lid3];
  const [uEinde, uCel, uPlaats, uRm, uLid3] = [uit.einde, uit.cel, uit.plaats, uit.rechtsmiddel, uit.lid3];
  const oLengte = oud.lengte;
  let i = 0;
  let k = 0;
  // The kept old terms before position `tot`: a plain loop over local typed arrays (this runs after every write).
  const copyOud = (tot: number) => {
    for (; i < tot; i++) {
      const cel = oCel[i]!;
      if (weg[cel] === 1) continue;
      uEinde[k] = oEinde[i]!;
      uCel[k] = cel;
      uPlaats[k] = oPlaats[i]!;
      uRm[k] = oRm[i]!;
      uLid3[k] = oLid3[i]!;
      k++;
    }
  };
  for (let j = 0; j < nieuw.lengte; j++) {
    // A new term goes before the first kept old term with a later last day, or the same day and a later cell.
    const einde = nEinde[j]!;
    const celRang = rang[nCel[j]!]!;
    let laag = i;
    let hoog = oLengte;
    while (laag < hoog) {
      const midden = (laag + hoog) >>> 1;
      if (oEinde[midden]! < einde) laag = midden + 1;
      else hoog = midden;
    }
    while (laag < oLengte && oEinde[laag] === einde && (weg[oCel[laag]!] === 1 || rang[oCel[laag]!]! < celRang)) laag++;
    copyOud(laag);
    uEinde[k] = einde;
    uCel[k] = nCel[j]!;
    uPlaats[k] = nPlaats[j]!;
    uRm[k] = nRm[j]!;
    uLid3[k] = nLid3[j]!;
    k++;
  }
  copyOud(oLengte);
  uit.lengte = k;
  return uit;
}

function combineCelLijsten(cellen: readonly CelLijst[]): TermijnLijst {
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
