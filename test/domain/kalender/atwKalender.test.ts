import { describe, expect, it } from 'vitest';
import { createAtwKalender, describeAtwVerschuiving } from '../../../src/domain/kalender/atwKalender';
import { listAtwFeestdagen } from '../../../src/domain/kalender/feestdagen';
import { GELIJKSTELLINGS_KBS } from '../../../src/domain/kalender/gelijkgesteldeDagen';

const kalender = createAtwKalender();

describe('art. 3 Atw: the algemeen erkende feestdagen and the days equated with them', () => {
  it('lists the feestdagen of 2026: lid 1, Goede Vrijdag (lid 2) and the KB days (lid 3)', () => {
    expect(listAtwFeestdagen(2026, GELIJKSTELLINGS_KBS).map((d) => [d.datum, d.naam, d.grondslag])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag', 'art. 3 lid 1 Atw'],
      ['2026-01-02', 'bij KB gelijkgestelde dag', 'art. 3 lid 3 Atw'],
      ['2026-04-03', 'Goede Vrijdag', 'art. 3 lid 2 Atw'],
      ['2026-04-06', 'tweede Paasdag', 'art. 3 lid 1 Atw'],
      ['2026-04-27', 'Koningsdag', 'art. 3 lid 1 Atw'],
      ['2026-05-05', 'Bevrijdingsdag', 'art. 3 lid 1 Atw'],
      ['2026-05-14', 'Hemelvaartsdag', 'art. 3 lid 1 Atw'],
      ['2026-05-15', 'bij KB gelijkgestelde dag', 'art. 3 lid 3 Atw'],
      ['2026-05-25', 'tweede Pinksterdag', 'art. 3 lid 1 Atw'],
      ['2026-12-25', 'eerste Kerstdag', 'art. 3 lid 1 Atw'],
      ['2026-12-26', 'tweede Kerstdag', 'art. 3 lid 1 Atw'],
    ]);
  });

  it('art. 3 lid 1: Koningsdag on 26 April when 27 April is a Sunday (2025)', () => {
    expect(kalender.feestdagNaam('2025-04-26')).toBe('Koningsdag');
    expect(kalender.feestdagNaam('2025-04-27')).toBeUndefined();
  });

  it.each([
    ['2013: Tuesday 30 April', 2013, '2013-04-30'],
    ['2006: 30 April a Sunday → Saturday 29 April', 2006, '2006-04-29'],
    ['1995: 30 April a Sunday → Saturday 29 April', 1995, '1995-04-29'],
  ])('art. 3 lid 1 as in force before 2014: Koninginnedag — %s', (_wat, jaar, datum) => {
    expect(kalender.feestdagNaam(datum)).toBe('Koninginnedag');
    expect(kalender.feestdagNaam(`${jaar}-04-27`)).toBeUndefined();
  });

  it('art. 3 lid 1: 5 mei every year, not only in lustrum years', () => {
    for (const jaar of [2026, 2027, 2029, 2031]) expect(kalender.feestdagNaam(`${jaar}-05-05`)).toBe('Bevrijdingsdag');
  });

  it('art. 3 lid 2: Goede Vrijdag is equated with the feestdagen (3 April 2026, 11 April 2031); Paaszondag is a Sunday', () => {
    expect(kalender.nietWerkdag('2026-04-03')).toMatchObject({ reden: 'Goede Vrijdag', grondslag: 'art. 3 lid 2 Atw' });
    expect(kalender.feestdagNaam('2031-04-11')).toBe('Goede Vrijdag');
    expect(kalender.feestdagNaam('2026-04-05')).toBeUndefined();
    expect(kalender.nietWerkdagReden('2026-04-05')).toBe('een zondag');
  });

  it.each(GELIJKSTELLINGS_KBS.flatMap((kb) => kb.dagen.map((d) => [d, kb.naam] as const)))(
    'art. 3 lid 3: %s is equated by %s, with its source',
    (datum, _kb) => {
      const dag = kalender.nietWerkdag(datum);
      expect(dag).toMatchObject({ grondslag: 'art. 3 lid 3 Atw' });
      expect(dag!.bron).toMatch(/KB gelijkstelling/);
    },
  );

  it('art. 3 lid 3: only the days a KB lists count — no inferred bridge day (Friday after Hemelvaart 2029)', () => {
    expect(kalender.nietWerkdag('2029-05-11')).toBeUndefined();
    expect(kalender.isKbBekend(2029)).toBe(false);
    expect(kalender.isKbBekend(2028)).toBe(true);
  });

  it('art. 3 lid 3: further days from configuration, which then count that year as known', () => {
    const metBesluit = createAtwKalender([{ datum: '2029-05-11', naam: 'gelijkgestelde dag (testbesluit)' }]);
    expect(metBesluit.moveEinde('2029-05-10').einde).toBe('2029-05-14');
    expect(kalender.moveEinde('2029-05-10').einde).toBe('2029-05-11');
    expect(metBesluit.isKbBekend(2029)).toBe(true);
  });
});

describe('art. 1 lid 1 Atw: a last day on a weekend or feestdag runs on to the next working day', () => {
  it.each([
    ['Nieuwjaarsdag (Thursday 1 January 2026), then the KB day 2 January and the weekend', '2026-01-01', '2026-01-05'],
    ['tweede Paasdag (6 April 2026)', '2026-04-06', '2026-04-07'],
    ['Koningsdag (Monday 27 April 2026)', '2026-04-27', '2026-04-28'],
    ['5 mei (Tuesday 2026)', '2026-05-05', '2026-05-06'],
    ['Hemelvaartsdag (14 May 2026), then the KB day 15 May (art. 3 lid 3) and the weekend', '2026-05-14', '2026-05-18'],
    ['Hemelvaartsdag (6 May 2027), then the KB day 7 May and the weekend', '2027-05-06', '2027-05-10'],
    ['Hemelvaartsdag (10 May 2029): no KB known for 2029, so Friday 11 May', '2029-05-10', '2029-05-11'],
    ['tweede Pinksterdag (25 May 2026)', '2026-05-25', '2026-05-26'],
    ['eerste Kerstdag on a Thursday (2025), chained over tweede Kerstdag and the weekend', '2025-12-25', '2025-12-29'],
    ['tweede Kerstdag (Thursday 26 December 2024), then the KB day 27 December and the weekend', '2024-12-26', '2024-12-30'],
    ['Koningsdag 2028 (Thursday 27 April), then the KB day 28 April and the weekend', '2028-04-27', '2028-05-01'],
    ['the longest chain: eerste Kerstdag 2024 (Wednesday), tweede Kerstdag, the KB day 27 December and the weekend', '2024-12-25', '2024-12-30'],
    ['a Saturday', '2026-04-11', '2026-04-13'],
    ['a Sunday', '2026-04-12', '2026-04-13'],
    ['Goede Vrijdag (art. 3 lid 2), Easter weekend and tweede Paasdag → Tuesday', '2026-04-03', '2026-04-07'],
    ['eerste Kerstdag on a Friday (2026), chained over the weekend', '2026-12-25', '2026-12-28'],
    ['Nieuwjaarsdag on a Friday (2027), chained over the weekend', '2027-01-01', '2027-01-04'],
    ['Koningsdag on Saturday 26 April 2025 and the Sunday after', '2025-04-26', '2025-04-28'],
  ])('%s: %s → %s', (_wat, einde, verwacht) => {
    expect(kalender.moveEinde(einde).einde).toBe(verwacht);
  });

  it('explains the move in Dutch, naming every skipped day', () => {
    expect(describeAtwVerschuiving(kalender.moveEinde('2026-04-11'))).toBe(
      '11 april 2026 is een zaterdag en 12 april 2026 een zondag; de termijn loopt door tot en met maandag 13 april 2026 (art. 1 Atw).',
    );
    expect(describeAtwVerschuiving(kalender.moveEinde('2026-12-25'))).toBe(
      '25 december 2026 is eerste Kerstdag (vrijdag), 26 december 2026 tweede Kerstdag (zaterdag) en 27 december 2026 een zondag; ' +
        'de termijn loopt door tot en met maandag 28 december 2026 (art. 1 Atw).',
    );
    expect(describeAtwVerschuiving(kalender.moveEinde('2026-04-21'))).toBeUndefined();
  });
});
