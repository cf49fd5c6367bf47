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
