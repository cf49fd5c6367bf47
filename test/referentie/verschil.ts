/** The first place where two answers differ: its path (`termijnen[3].einde`) and both values. */
export interface Verschil {
  pad: string;
  engine: unknown;
  referentie: unknown;
}

/** The first difference between `engine` and `referentie`, depth first in the order of the engine's keys; undefined when equal. */
export function findEersteVerschil(engine: unknown, referentie: unknown, pad = ''): Verschil | undefined {
  if (Object.is(engine, referentie)) return undefined;
  if (typeof engine !== 'object' || typeof referentie !== 'object' || engine === null || referentie === null) return { pad, engine, referentie };
  if (Array.isArray(engine) !== Array.isArray(referentie)) return { pad, engine, referentie };
  if (Array.isArray(engine) && Array.isArray(referentie)) {
    const n = Math.min(engine.length, referentie.length);
    for (let i = 0; i < n; i++) {
      const verschil = findEersteVerschil(engine[i], referentie[i], `${pad}[${i}]`);
      if (verschil) return verschil;
    }
    if (engine.length !== referentie.length) {
      return {
        pad: `${pad}.length`,
        engine: `${engine.length} (first extra: ${JSON.stringify(engine[n])})`,
        referentie: `${referentie.length} (first extra: ${JSON.stringify(referentie[n])})`,
      };
    }
    return undefined;
  }
  // A key set to undefined and a missing key mean the same: the engine's keys first, then those only the reference has.
  const a = engine as Record<string, unknown>;
  const b = referentie as Record<string, unknown>;
  for (const k in a) {
    const verschil = findEersteVerschil(a[k], b[k], pad === '' ? k : `${pad}.${k}`);
    if (verschil) return verschil;
  }
  for (const k in b) {
    if (k in a) continue;
    const verschil = findEersteVerschil(undefined, b[k], pad === '' ? k : `${pad}.${k}`);
    if (verschil) return verschil;
  }
  return undefined;
}

/** A difference in readable form: the path, then both values (texts in full, so a changed word can be found). */
export function describeVerschil(v: Verschil): string {
  const toon = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : x === undefined ? '(absent)' : JSON.stringify(x, null, 2));
  return [`first difference at ${v.pad || '(top)'}:`, `  engine:     ${toon(v.engine)}`, `  referentie: ${toon(v.referentie)}`].join('\n');
}
