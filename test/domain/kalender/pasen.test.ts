import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePaaszondag } from '../../../src/domain/kalender/pasen';

/** An independent computus (Oudin's algorithm), used only to check ours. */
function paaszondagVolgensOudin(jaar: number): string {
  const g = jaar % 19;
  const c = Math.floor(jaar / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(h / 28) * Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (jaar + Math.floor(jaar / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const maand = 3 + Math.floor((l + 40) / 44);
  const dag = l + 28 - 31 * Math.floor(maand / 4);
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

describe('computePaaszondag (art. 3 lid 1 Atw: the movable feestdagen hang on Easter)', () => {
  it.each([
    [1900, '1900-04-15'],
    [1954, '1954-04-18'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2039, '2039-04-10'],
    [2100, '2100-03-28'],
    [2200, '2200-04-06'],
  ])('Easter %i is %s', (jaar, verwacht) => {
    expect(computePaaszondag(jaar)).toBe(verwacht);
  });

  it('matches an independent computus for every year 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (jaar) => computePaaszondag(jaar) === paaszondagVolgensOudin(jaar)),
      { numRuns: 1000 },
    );
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let jaar = 1900; jaar <= 2200; jaar++) {
      const pasen = computePaaszondag(jaar);
      expect(new Date(`${pasen}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(pasen.slice(5) >= '03-22' && pasen.slice(5) <= '04-25').toBe(true);
    }
  });
});
