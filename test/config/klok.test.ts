import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { vandaagInNederland } from '../../src/config/klok';

const opDeKlok = (iso: string) => {
  vi.setSystemTime(new Date(iso));
  return vandaagInNederland();
};

describe('today in the Netherlands (kept per day)', () => {
  afterEach(() => vi.useRealTimers());

  it('turns at midnight in Europe/Amsterdam, also on the nights summer time starts and ends', () => {
    vi.useFakeTimers();
    expect(opDeKlok('2026-03-28T22:59:59.999Z')).toBe('2026-03-28'); // 23:59:59.999 CET
    expect(opDeKlok('2026-03-28T23:00:00.000Z')).toBe('2026-03-29'); // 00:00 CET, the day of 23 hours
    expect(opDeKlok('2026-03-29T21:59:59.999Z')).toBe('2026-03-29'); // 23:59:59.999 CEST
    expect(opDeKlok('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
    expect(opDeKlok('2026-10-24T21:59:59.999Z')).toBe('2026-10-24');
    expect(opDeKlok('2026-10-24T22:00:00.000Z')).toBe('2026-10-25'); // 00:00 CEST, the day of 25 hours
    expect(opDeKlok('2026-10-25T22:59:59.999Z')).toBe('2026-10-25'); // 23:59:59.999 CET
    expect(opDeKlok('2026-10-25T23:00:00.000Z')).toBe('2026-10-26');
  });

  it('follows a clock set back', () => {
    vi.useFakeTimers();
    expect(opDeKlok('2026-11-30T12:00:00Z')).toBe('2026-11-30');
    expect(opDeKlok('2026-11-29T22:59:59Z')).toBe('2026-11-29');
    expect(opDeKlok('2026-11-30T00:00:00Z')).toBe('2026-11-30');
  });

  it('equals the zone conversion of the instant, for any sequence of instants', () => {
    vi.useFakeTimers();
    const moment = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) });
    // Runs of nearby instants (the cache's case) and jumps (a new day, a clock set back).
    const stappen = fc.array(fc.tuple(moment, fc.array(fc.integer({ min: -3 * 3600_000, max: 3 * 3600_000 }), { maxLength: 20 })), { maxLength: 30 });
    fc.assert(
      fc.property(stappen, (reeks) => {
        for (const [begin, sprongen] of reeks) {
          let nuMs = begin;
          for (const sprong of [0, ...sprongen]) {
            nuMs += sprong;
            vi.setSystemTime(nuMs);
            expect(vandaagInNederland()).toBe(DateTime.fromMillis(nuMs, { zone: 'Europe/Amsterdam' }).toISODate());
          }
        }
      }),
    );
  });
});
