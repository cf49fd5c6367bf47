import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import { addDagen } from '../../../src/domain/kalender/kalenderdatum';
import { computeTermijnen, splitInCellen } from '../../../src/domain/termijnen/computeTermijnen';
import { computeCel, createRekencontext } from '../../../src/domain/termijnen/celTermijnen';
import { compare, compareInCel, orderByGetalSleutel, SorteerKladblok } from '../../../src/domain/termijnen/volgorde';
import type { Besluit, Beroep } from '../../../src/domain/besluiten/besluit';

// Decisions on few days, with few ids (an id may come twice) and few parties: ties everywhere.
const besluit: fc.Arbitrary<Besluit> = fc.oneof(
  fc.record({
    id: fc.constantFrom('CR-1', 'CR-2', 'X'),
    type: fc.constant('contracteerruimte' as const),
    soort: fc.constantFrom('vaststelling' as const, 'wijziging' as const),
    regio: fc.constant('Utrecht'),
    bekendgemaakt: fc.integer({ min: 0, max: 40 }).map((d) => addDagen('2025-11-01', d * 7)),
    jaren: fc.constantFrom([2026], [2026, 2027]).map((j) => [...j]),
  }),
  fc.record({
    id: fc.constantFrom('TB-1', 'TB-2', 'TB-3', 'X'),
    type: fc.constant('tariefbeschikking' as const),
    soort: fc.constantFrom('vaststelling' as const, 'wijziging' as const, 'sluittarief' as const),
    regio: fc.constant('Utrecht'),
    jaar: fc.constantFrom(2026, 2027),
    bekendgemaakt: fc.integer({ min: 0, max: 40 }).map((d) => addDagen('2025-11-01', d * 7)),
    aanbieder: fc.constantFrom('A', 'B', 'C'),
  }),
);

describe('the order of a cell’s terms (cli-termijnen.md: by last day, then within the cell)', () => {
  it('the numeric ordering of the columns equals a stable sort of the records by last day and compareInCel', () => {
    const config = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
    fc.assert(
      fc.property(fc.array(besluit, { minLength: 1, maxLength: 14 }), fc.boolean(), (besluiten, zorgkantoor) => {
        const beroepen: Beroep[] = [];
        const partijen = zorgkantoor ? [{ partij: 'ZK', soort: 'zorgkantoor' as const, regio: 'Utrecht' }] : [];
        const context = createRekencontext(config);
        for (const invoer of splitInCellen({ besluiten, beroepen, partijen })) {
          const cel = computeCel(invoer, context);
          const inWandelvolgorde = Array.from({ length: cel.kolommen.lengte }, (_, i) => cel.kolommen.recordVan(i, invoer));
          const verwacht = [...inWandelvolgorde].sort((a, b) => compare(a.einde, b.einde) || compareInCel(a, b));
          expect(cel.termijnen).toEqual(verwacht);
          cel.termijnen.forEach((t, i) => expect(t).toBe(verwacht[i]));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('orderByGetalSleutel is a stable sort by the key, also past the range it packs into one number', () => {
    // Narrow ranges (counted), wide ones (packed into one number), far past 2^53 (compared), narrow far from zero.
    const sleutelsArb = fc.oneof(
      fc.array(fc.nat(50), { maxLength: 60 }),
      fc.array(fc.oneof(fc.nat(50), fc.constant(2 ** 50)), { maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 60 }),
      fc.array(fc.integer({ min: 1e9, max: 1e9 + 40 }), { maxLength: 60 }),
      // Past the scratch's first 1,024 places and counts (a cell's besluiten by day at 20× national scale): it grows.
      fc.array(fc.nat(40_000), { minLength: 1_025, maxLength: 2_500 }),
    );
    // One scratch for every case, as the split uses one for all cells of a run: sizes and ranges change from call to call.
    const kladblok = new SorteerKladblok();
    fc.assert(
      fc.property(sleutelsArb, (sleutels) => {
        const verwacht = sleutels.map((_, i) => i).sort((a, b) => sleutels[a]! - sleutels[b]! || a - b);
        expect([...orderByGetalSleutel(sleutels.length, (i) => sleutels[i]!)]).toEqual(verwacht);
        expect([...orderByGetalSleutel(sleutels.length, (i) => sleutels[i]!, kladblok)]).toEqual(verwacht);
      }),
    );
    expect(() => orderByGetalSleutel(2, (i) => i - 1)).toThrow(RangeError);
    expect(() => orderByGetalSleutel(2, (i) => i - 1, kladblok)).toThrow(RangeError);
    // A refused sort leaves the scratch usable; a key that sorts with the same scratch gets arrays of its own.
    const binnen: number[][] = [];
    const buiten = orderByGetalSleutel(
      3,
      (i) => {
        binnen.push([...orderByGetalSleutel(3, (j) => (j * 2) % 3, kladblok)]);
        return 2 - i;
      },
      kladblok,
    );
    expect([...buiten]).toEqual([2, 1, 0]);
    expect(binnen).toEqual([
      [0, 2, 1],
      [0, 2, 1],
      [0, 2, 1],
    ]);
  });
});

describe('termijnregels §7: an exclusion that may be wrong never drops its date', () => {
  // The overview lists such exclusions as possible terms by their eindeAlsToch, without writing the doubt's text.
  it('an exclusion has a date "if it did open" exactly when it carries a doubt', () => {
    fc.assert(
      fc.property(fc.array(besluit, { minLength: 1, maxLength: 14 }), fc.constantFrom('2025-01-01', undefined), (besluiten, inwerkingtreding) => {
        const config = { inwerkingtreding, kalender: createAtwKalender() };
        const u = computeTermijnen(
          { peildatum: '2026-06-01', besluiten, beroepen: [], partijen: [{ partij: 'ZK', soort: 'zorgkantoor', regio: 'Utrecht' }] },
          config,
        );
        for (const x of u.uitsluitingen) expect(x.eindeAlsToch !== undefined, `${x.besluit} ${x.reden}`).toBe(Boolean(x.twijfel));
      }),
      { numRuns: 300 },
    );
  });
});
