import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatTijdstip } from '../../src/opmaak/opmaak';

const vers = (iso: string) => {
  const t = DateTime.fromISO(iso.replace(' ', 'T'), { zone: 'utc' });
  return t.isValid ? t.setZone('Europe/Amsterdam').setLocale('nl').toFormat("d LLLL yyyy 'om' HH:mm") : iso;
};

describe('an instant as a Dutch reader reads it (kept per text)', () => {
  it('reads Europe/Amsterdam, summer and winter time, and both stored forms', () => {
    expect(formatTijdstip('2026-11-30T13:05:00.000Z')).toBe('30 november 2026 om 14:05');
    expect(formatTijdstip('2026-07-01 22:30:00')).toBe('2 juli 2026 om 00:30');
    expect(formatTijdstip('geen tijdstip')).toBe('geen tijdstip');
  });

  it('equals a fresh formatting, asked once or many times, beyond the number it keeps', () => {
    const moment = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }).map((ms) => {
      const iso = new Date(ms).toISOString();
      return ms % 2 ? iso : iso.slice(0, 19).replace('T', ' ');
    });
    fc.assert(
      fc.property(fc.array(moment, { minLength: 1, maxLength: 400 }), (momenten) => {
        for (const iso of [...momenten, ...momenten]) expect(formatTijdstip(iso)).toBe(vers(iso));
      }),
      { numRuns: 60 },
    );
  });
});
