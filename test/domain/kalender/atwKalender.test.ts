import { describe, expect, it } from 'vitest';
import { createAtwKalender, describeAtwVerschuiving } from '../../../src/domain/kalender/atwKalender';
import { listAtwFeestdagen } from '../../../src/domain/kalender/feestdagen';

const kalender = createAtwKalender();

describe('art. 3 lid 1 Atw: the algemeen erkende feestdagen', () => {
  it('lists the eight feestdagen of 2026', () => {
    expect(listAtwFeestdagen(2026)).toEqual([
      { datum: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2026-04-06', naam: 'tweede Paasdag' },
      { datum: '2026-04-27', naam: 'Koningsdag' },
      { datum: '2026-05-05', naam: 'Bevrijdingsdag (5 mei)' },
      { datum: '2026-05-14', naam: 'Hemelvaartsdag' },
      { datum: '2026-05-25', naam: 'tweede Pinksterdag' },
      { datum: '2026-12-25', naam: 'eerste Kerstdag' },
      { datum: '2026-12-26', naam: 'tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday (2025)', () => {
    expect(kalender.feestdagNaam('2025-04-26')).toBe('Koningsdag');
    expect(kalender.feestdagNaam('2025-04-27')).toBeUndefined();
  });

  it('counts 5 mei every year, not only in lustrum years', () => {
    for (const jaar of [2026, 2027, 2029, 2031]) expect(kalender.feestdagNaam(`${jaar}-05-05`)).toBe('Bevrijdingsdag (5 mei)');
  });

  it('does not count Goede Vrijdag (3 April 2026) or Paaszondag as a feestdag of their own', () => {
    expect(kalender.feestdagNaam('2026-04-03')).toBeUndefined();
    expect(kalender.nietWerkdagReden('2026-04-03')).toBeUndefined();
    expect(kalender.feestdagNaam('2026-04-05')).toBeUndefined();
    expect(kalender.nietWerkdagReden('2026-04-05')).toBe('een zondag');
  });

  it('adds days equated by decree from configuration (art. 3 lid 2 Atw)', () => {
    const metBesluit = createAtwKalender([{ datum: '2026-05-15', naam: 'gelijkgestelde dag (testbesluit)' }]);
    expect(metBesluit.verschuifEinde('2026-05-14').einde).toBe('2026-05-18');
    expect(kalender.verschuifEinde('2026-05-14').einde).toBe('2026-05-15');
  });
});

describe('art. 1 lid 1 Atw: a last day on a weekend or feestdag runs on to the next working day', () => {
  it.each([
    ['Nieuwjaarsdag (Thursday 1 January 2026)', '2026-01-01', '2026-01-02'],
    ['tweede Paasdag (6 April 2026)', '2026-04-06', '2026-04-07'],
    ['Koningsdag (Monday 27 April 2026)', '2026-04-27', '2026-04-28'],
    ['5 mei (Tuesday 2026)', '2026-05-05', '2026-05-06'],
    ['Hemelvaartsdag (14 May 2026)', '2026-05-14', '2026-05-15'],
    ['tweede Pinksterdag (25 May 2026)', '2026-05-25', '2026-05-26'],
    ['eerste Kerstdag on a Thursday (2025), chained over tweede Kerstdag and the weekend', '2025-12-25', '2025-12-29'],
    ['tweede Kerstdag (Thursday 26 December 2024)', '2024-12-26', '2024-12-27'],
    ['a Saturday', '2026-04-11', '2026-04-13'],
    ['a Sunday', '2026-04-12', '2026-04-13'],
    ['Goede Vrijdag stays a working day', '2026-04-03', '2026-04-03'],
    ['eerste Kerstdag on a Friday (2026), chained over the weekend', '2026-12-25', '2026-12-28'],
    ['Nieuwjaarsdag on a Friday (2027), chained over the weekend', '2027-01-01', '2027-01-04'],
    ['Koningsdag on Saturday 26 April 2025 and the Sunday after', '2025-04-26', '2025-04-28'],
  ])('%s: %s → %s', (_wat, einde, verwacht) => {
    expect(kalender.verschuifEinde(einde).einde).toBe(verwacht);
  });

  it('explains the move in Dutch, naming every skipped day', () => {
    expect(describeAtwVerschuiving(kalender.verschuifEinde('2026-04-11'))).toBe(
      '11 april 2026 is een zaterdag en 12 april 2026 een zondag; de termijn loopt door tot en met maandag 13 april 2026 (art. 1 Atw).',
    );
    expect(describeAtwVerschuiving(kalender.verschuifEinde('2026-12-25'))).toBe(
      '25 december 2026 is eerste Kerstdag (vrijdag), 26 december 2026 tweede Kerstdag (zaterdag) en 27 december 2026 een zondag; ' +
        'de termijn loopt door tot en met maandag 28 december 2026 (art. 1 Atw).',
    );
    expect(describeAtwVerschuiving(kalender.verschuifEinde('2026-04-21'))).toBeUndefined();
  });
});
