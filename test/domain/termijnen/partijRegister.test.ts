import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartijRegister } from '../../../src/domain/termijnen/celTermijnen';

describe('PartijRegister: party names numbered once per input, in the order first seen', () => {
  it('numbers every name as a plain map would, and finds only names it numbered', () => {
    // Short names over a small alphabet (many near-equal names, equal hashes modulo the table) and any Unicode.
    const naam = fc.oneof(fc.string({ unit: fc.constantFrom('A', 'B', 'é', '😀'), maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(naam, { maxLength: 3_000 }), fc.array(naam, { maxLength: 50 }), (namen, anderen) => {
        const register = new PartijRegister();
        const verwacht = new Map<string, number>();
        for (const n of namen) {
          if (!verwacht.has(n)) verwacht.set(n, verwacht.size);
          expect(register.numberPartij(n)).toBe(verwacht.get(n));
        }
        expect(register.namen).toEqual([...verwacht.keys()]);
        for (const n of [...namen, ...anderen]) expect(register.findNummer(n)).toBe(verwacht.get(n));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its numbers while it grows past 100,000 names', () => {
    const register = new PartijRegister();
    const namen = Array.from({ length: 120_000 }, (_, i) => `AGB-${String(i).padStart(6, '0')}`);
    const nummers = namen.map((_, i) => i);
    expect(namen.map((n) => register.numberPartij(n))).toEqual(nummers);
    expect(namen.map((n) => register.findNummer(n))).toEqual(nummers);
    expect(register.findNummer('AGB-120000')).toBeUndefined();
    expect(register.findNummer('AGB-00000')).toBeUndefined();
  });
});
