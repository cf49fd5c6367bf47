import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import {
  computeHerinneringsmomenten,
  parseSchema,
  selectTeVersturen,
  STANDAARD_SCHEMA,
  werkdagenNa,
  werkdagenVoor,
} from '../../../src/domain/herinneringen/herinneringsmomenten';

const kalender = createAtwKalender();

describe('reminder moments in working days before the last day', () => {
  it('Tuesday 22 December 2026: 14, 7, 3, 1 working days before and the day itself', () => {
    // Hand-checked: working days back from 22 Dec 2026 (no feestdag between 1 and 21 December).
    expect(computeHerinneringsmomenten('2026-12-22', STANDAARD_SCHEMA, kalender)).toEqual([
      { werkdagenVooraf: 14, datum: '2026-12-02' },
      { werkdagenVooraf: 7, datum: '2026-12-11' },
      { werkdagenVooraf: 3, datum: '2026-12-17' },
      { werkdagenVooraf: 1, datum: '2026-12-21' },
      { werkdagenVooraf: 0, datum: '2026-12-22' },
    ]);
  });

  it('skips weekends and Atw feestdagen: 1 working day before Tuesday 7 April 2026 is Thursday 2 April (Goede Vrijdag is equated, art. 3 lid 2 Atw)', () => {
    expect(werkdagenVoor('2026-04-07', 1, kalender)).toBe('2026-04-02');
    expect(werkdagenVoor('2026-12-28', 1, kalender)).toBe('2026-12-24');
  });

  it('property: every moment before the last day is a working day, strictly ordered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const einde = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const momenten = computeHerinneringsmomenten(einde, STANDAARD_SCHEMA, kalender);
        return momenten.every((m, i) => (m.werkdagenVooraf === 0 || !kalender.nietWerkdagReden(m.datum)) && (i === 0 || momenten[i - 1]!.datum < m.datum));
      }),
      { numRuns: 300 },
    );
  });

  it('counts working days forward too (termijn.verloopt, issue 32.3): weekends and Atw feestdagen skipped', () => {
    const rijen: [string, number, string][] = [
      ['2026-11-22', 0, '2026-11-22'], // Sunday: 0 is the day itself
      ['2026-11-22', 5, '2026-11-27'], // Sunday → Monday 23 … Friday 27
      ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
      ['2026-04-02', 1, '2026-04-07'], // Thursday → Tuesday: Goede Vrijdag (art. 3 lid 2 Atw) and Tweede Paasdag skipped
      ['2026-12-24', 1, '2026-12-28'], // Thursday → Monday: Kerstmis on Friday, then the weekend
    ];
    for (const [dag, n, verwacht] of rijen) expect(werkdagenNa(dag, n, kalender), `${dag} + ${n}`).toBe(verwacht);
  });

  it('property: n working days forward and back again lands on the start, from a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 30 }), (dagen, n) => {
        const start = new Date(Date.UTC(2024, 0, 1) + dagen * 86_400_000).toISOString().slice(0, 10);
        if (kalender.nietWerkdagReden(start)) return;
        expect(werkdagenVoor(werkdagenNa(start, n, kalender), n, kalender)).toBe(start);
      }),
    );
  });

  it('parses a per-user or per-case schedule', () => {
    expect(parseSchema('10, 5,1 0')).toEqual([10, 5, 1, 0]);
    expect(parseSchema('veertien')).toBeNull();
    expect(parseSchema('')).toBeNull();
    expect(parseSchema('100')).toBeNull();
  });
});

describe('catch-up: one e-mail per term, not a flood', () => {
  it('sends only the latest due reminder and skips the older ones', () => {
    const due = [
      { werkdagenVooraf: 14, datum: '2026-12-02' },
      { werkdagenVooraf: 7, datum: '2026-12-11' },
      { werkdagenVooraf: 3, datum: '2026-12-17' },
    ];
    const keuze = selectTeVersturen(due)!;
    expect(keuze.versturen.werkdagenVooraf).toBe(3);
    expect(keuze.overslaan.map((m) => m.werkdagenVooraf).sort()).toEqual([14, 7]);
    expect(keuze.inhaal).toBe(true);
    expect(selectTeVersturen([due[0]!])!.inhaal).toBe(false);
    expect(selectTeVersturen([])).toBeUndefined();
  });
});
