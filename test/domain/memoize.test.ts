import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoizePerDag, memoizePerObject } from '../../src/domain/memoize';

describe('memoizePerDag: a function of a day number, computed once per day', () => {
  it('gives what the function gives, for days in any order and far apart, computing each day once while its table holds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 60 }), (dagen) => {
        const berekend = new Map<number, number>();
        const perDag = memoizePerDag((dag) => {
          berekend.set(dag, (berekend.get(dag) ?? 0) + 1);
          return { dag };
        });
        const eerste = new Map<number, { dag: number }>();
        let opnieuw = false;
        for (const dag of dagen) {
          const waarde = perDag(dag);
          expect(waarde.dag).toBe(dag);
          // The same object on a second call, unless days more than 100,000 apart made the table start afresh.
          if (eerste.has(dag) && eerste.get(dag) !== waarde) opnieuw = true;
          if (!eerste.has(dag)) eerste.set(dag, waarde);
        }
        const spreiding = dagen.length === 0 ? 0 : Math.max(...dagen) - Math.min(...dagen);
        if (spreiding < 100_000 - 2 * 2 * 366) {
          expect(opnieuw).toBe(false);
          for (const keer of berekend.values()) expect(keer).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows downwards and upwards from the first day and keeps what it computed', () => {
    let keer = 0;
    const perDag = memoizePerDag((dag) => {
      keer += 1;
      return `dag ${dag}`;
    });
    for (const dag of [20_000, 18_000, 25_000, 20_000, 18_000, 25_000, 10_000, 20_000]) expect(perDag(dag)).toBe(`dag ${dag}`);
    expect(keer).toBe(4);
  });
});

describe('memoizePerObject: a function of an object, computed once per object', () => {
  it('gives each object its own value, computed on its first call only', () => {
    let berekend = 0;
    const lengte = memoizePerObject((lijst: number[]) => {
      berekend += 1;
      return { n: lijst.length };
    });
    const [a, b] = [
      [1, 2],
      [1, 2],
    ];
    expect(lengte(a)).toBe(lengte(a));
    expect(lengte(b)).not.toBe(lengte(a));
    expect(lengte(b)).toEqual({ n: 2 });
    expect(berekend).toBe(2);
  });
});
