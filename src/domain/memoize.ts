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
