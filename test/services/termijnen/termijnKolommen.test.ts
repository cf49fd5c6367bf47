import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCelLijsten, type CelLijst, type TermijnLijst } from '../../../src/services/termijnen/termijnKolommen';

// A cell's list as the engine leaves it: last days (day numbers) in order; a term's place and columns follow from them.
const celLijst = (celId: number, eindes: number[], soorten: number[]): CelLijst => {
  const einde = Int32Array.from([...eindes].sort((a, b) => a - b));
  return {
    celId,
    lengte: einde.length,
    einde,
    rechtsmiddel: Uint8Array.from(einde, (_, i) => soorten[i % Math.max(1, soorten.length)] ?? 0),
    lid3: Uint8Array.from(einde, (_, i) => (i % 3 === 0 ? 1 : 0)),
  };
};

const kolommen = (l: TermijnLijst) => ({
  einde: [...l.einde.subarray(0, l.lengte)],
  cel: [...l.cel.subarray(0, l.lengte)],
  plaats: [...l.plaats.subarray(0, l.lengte)],
  rechtsmiddel: [...l.rechtsmiddel.subarray(0, l.lengte)],
  lid3: [...l.lid3.subarray(0, l.lengte)],
});

describe('the term columns merged after a write', () => {
  it('dropping some cells and merging their new lists in gives the list made whole from every cell', () => {
    const cel = fc.record({ eindes: fc.array(fc.integer({ min: 20_000, max: 20_040 }), { maxLength: 25 }), soorten: fc.array(fc.nat(1), { maxLength: 5 }) });
    fc.assert(
      fc.property(
        // Up to 14 cells, any of them replaced: past 8 removed cells the positions are found in one pass, not per cell.
        fc.array(cel, { minLength: 1, maxLength: 14, size: 'max' }),
        fc.array(fc.record({ cel: fc.nat(13), nieuw: cel }), { maxLength: 14, size: 'max' }),
        (cellen, vervangingen) => {
          // Cell numbers 1..n; their (regio, jaar) order reversed from their numbers, so that order is not the number.
          const rang = Int32Array.from({ length: cellen.length + 1 }, (_, id) => cellen.length - id);
          const voor = cellen.map((c, i) => celLijst(i + 1, c.eindes, c.soorten));
          const basis = mergeCelLijsten(rang, voor);
          const na = [...voor];
          const weg = new Uint8Array(rang.length);
          const erbij: CelLijst[] = [];
          for (const v of vervangingen) {
            const id = (v.cel % cellen.length) + 1;
            if (weg[id] === 1) continue;
            weg[id] = 1;
            const nieuw = celLijst(id, v.nieuw.eindes, v.nieuw.soorten);
            na[id - 1] = nieuw;
            erbij.push(nieuw);
          }
          expect(kolommen(mergeCelLijsten(rang, erbij, { lijst: basis, weg }))).toEqual(kolommen(mergeCelLijsten(rang, na)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
