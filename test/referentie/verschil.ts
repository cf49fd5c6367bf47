/** The first place where two answers differ: its path (`termijnen[3].einde`) and both values. */
export interface Verschil {
  pad: string;
  engine: unknown;
  referentie: unknown;
  /** Which record the path lies in (a term, an exclusion, a status): its identifying fields, engine's and reference's. */
  inEngine?: unknown;
  inReferentie?: unknown;
}

const KENMERKEN = ['besluit', 'regel', 'reden', 'rechtsmiddel', 'regio', 'jaar', 'partij', 'code', 'status'];

/** A record's identifying fields, to say where a difference lies. */
export function describeKenmerken(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const kenmerken: Record<string, unknown> = {};
  for (const k of KENMERKEN) if ((record as Record<string, unknown>)[k] !== undefined) kenmerken[k] = (record as Record<string, unknown>)[k];
  return kenmerken;
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
      if (!verschil) continue;
      // One list has a record the other lacks: say so, rather than comparing each later record with its neighbour.
      if (referentie.length > engine.length && !findEersteVerschil(engine[i], referentie[i + 1])) {
        return { pad: `${pad}[${i}]`, engine: undefined, referentie: referentie[i], inReferentie: describeKenmerken(referentie[i]) };
      }
      if (engine.length > referentie.length && !findEersteVerschil(engine[i + 1], referentie[i])) {
        return { pad: `${pad}[${i}]`, engine: engine[i], referentie: undefined, inEngine: describeKenmerken(engine[i]) };
      }
      return verschil;
    }
    // One list is longer: its first record the other lacks.
    if (engine.length > n) return { pad: `${pad}[${n}]`, engine: engine[n], referentie: undefined, inEngine: describeKenmerken(engine[n]) };
    if (referentie.length > n) return { pad: `${pad}[${n}]`, engine: undefined, referentie: referentie[n], inReferentie: describeKenmerken(referentie[n]) };
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
  const regels = [`first difference at ${v.pad || '(top)'}:`, `  engine:     ${toon(v.engine)}`, `  referentie: ${toon(v.referentie)}`];
  if (v.inEngine !== undefined) regels.push(`  in the engine's record:    ${JSON.stringify(v.inEngine)}`);
  if (v.inReferentie !== undefined) regels.push(`  in the reference's record: ${JSON.stringify(v.inReferentie)}`);
  return regels.join('\n');
}
