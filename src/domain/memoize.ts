/** A value made on the first call and the same value on every later one (a lazily made part of a result). */
export function memoize<T>(maak: () => T): () => T {
  let waarde: T | undefined;
  let gemaakt = false;
  return () => {
    if (!gemaakt) {
      waarde = maak();
      gemaakt = true;
    }
    return waarde as T;
  };
}

/** A function memoised per object, for as long as the object lives (a cell's result and what is derived from it). */
export function memoizePerObject<A extends object, R>(compute: (object: A) => R): (object: A) => R {
  const cache = new WeakMap<A, R>();
  return (object) => {
    let waarde = cache.get(object);
    if (waarde === undefined) cache.set(object, (waarde = compute(object)));
    return waarde;
  };
}

/**
 * A function memoised per argument, for the small finite domains of dates and days: computed once per key, the cache
 * emptied past 100,000 keys so that a long-lived owner stays bounded.
 */
export function memoizePerSleutel<A extends string | number, R>(compute: (sleutel: A) => R): (sleutel: A) => R {
  const cache = new Map<A, R>();
  return (sleutel) => {
    let waarde = cache.get(sleutel);
    if (waarde === undefined) {
      if (cache.size > 100_000) cache.clear();
      waarde = compute(sleutel);
      cache.set(sleutel, waarde);
    }
    return waarde;
  };
}

/**
 * A function of a day number memoised in an array from the first day asked for (a few thousand days in a run): an index
 * instead of a hash lookup, for the engine's per-besluit dates. Past `MAX_DAGEN` days apart it starts afresh.
 */
export function memoizePerDag<R>(compute: (dag: number) => R): (dag: number) => R {
  const tabel: DagTabel<R> = { basis: 0, waarden: [] };
  // The look-up alone, small enough for the compiler to inline into each caller; a day outside the array is rare.
  return (dag) => {
    let i = dag - tabel.basis;
    if (i < 0 || i >= tabel.waarden.length) i = growDagTabel(tabel, dag);
    let waarde = tabel.waarden[i];
    if (waarde === undefined) {
      waarde = compute(dag);
      tabel.waarden[i] = waarde;
    }
    return waarde;
  };
}

/** The array of `memoizePerDag`, from day `basis` on. */
interface DagTabel<R> {
  basis: number;
  waarden: (R | undefined)[];
}

/** Grows `tabel` to hold `dag` (or starts afresh past `MAX_DAGEN` days apart); `dag`'s index in it. */
function growDagTabel<R>(tabel: DagTabel<R>, dag: number): number {
  const { basis, waarden } = tabel;
  const van = waarden.length === 0 ? dag - MARGE_DAGEN : Math.min(basis, dag - MARGE_DAGEN);
  const tot = waarden.length === 0 ? dag + MARGE_DAGEN : Math.max(basis + waarden.length, dag + MARGE_DAGEN);
  if (tot - van > MAX_DAGEN) {
    tabel.basis = dag - MARGE_DAGEN;
    tabel.waarden = new Array<R | undefined>(2 * MARGE_DAGEN).fill(undefined);
  } else {
    const groter = new Array<R | undefined>(tot - van).fill(undefined);
    for (let k = 0; k < waarden.length; k++) groter[basis - van + k] = waarden[k];
    tabel.waarden = groter;
    tabel.basis = van;
  }
  return dag - tabel.basis;
}

const MARGE_DAGEN = 2 * 366;
const MAX_DAGEN = 100_000;
