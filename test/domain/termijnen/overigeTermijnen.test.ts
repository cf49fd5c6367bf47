import { describe, expect, it } from 'vitest';
import { createAtwKalender } from '../../../src/domain/kalender/atwKalender';
import {
  computeBeslistermijnOpBezwaar,
  computeGriffierechtTermijn,
  computeHersteltermijn,
  computeTerugrekentermijn,
} from '../../../src/domain/termijnen/overigeTermijnen';

const kalender = createAtwKalender();

describe('par. 9: the other terms of the matter', () => {
  it('art. 7:10 lid 1 Awb: beslistermijn 6 weeks after the bezwaartermijn ended', () => {
    // Bezwaartermijn ended Tuesday 21 April 2026 → from 22 April, 6 weeks → Tuesday 2 June 2026.
    expect(computeBeslistermijnOpBezwaar('2026-04-21', { adviescommissie: false, verdaagd: false }, kalender)).toMatchObject({
      aanvang: '2026-04-22',
      einde: '2026-06-02',
      grondslag: ['art. 7:10 lid 1 Awb'],
    });
  });

  it('art. 7:10 Awb: 12 weeks with an adviescommissie, plus 6 when verdaagd (lid 3)', () => {
    // 22 April + 18 weeks − 1 day = Tuesday 25 August 2026.
    expect(computeBeslistermijnOpBezwaar('2026-04-21', { adviescommissie: true, verdaagd: true }, kalender)).toMatchObject({
      einde: '2026-08-25',
      grondslag: ['art. 7:10 lid 1 Awb', 'art. 7:10 lid 3 Awb'],
    });
  });

  it('art. 8:41 lid 5 Awb: griffierecht credited within four weeks, moved by the Atw', () => {
    // Sent Saturday 28 November 2026 → 26 December 2026 (tweede Kerstdag, Saturday) → Monday 28 December 2026.
    expect(computeGriffierechtTermijn('2026-11-28', kalender)).toMatchObject({
      aanvang: '2026-11-29',
      einde: '2026-12-28',
      grondslag: ['art. 8:41 lid 5 Awb', 'art. 1 Atw'],
    });
    expect(computeGriffierechtTermijn('2026-11-28', kalender).toelichting).toContain('bijgeschreven');
  });

  it('art. 1 lid 2 Atw: a term counted backwards (ten days before a zitting) never moves later', () => {
    // Zitting Tuesday 5 January 2027 → ten days before is Saturday 26 December 2026 (tweede Kerstdag): it stays.
    expect(computeTerugrekentermijn('2027-01-05', 10, 'art. 8:58 lid 1 Awb')).toMatchObject({
      einde: '2026-12-26',
      grondslag: ['art. 8:58 lid 1 Awb', 'art. 1 lid 2 Atw'],
    });
  });

  it('afleiding: every other term carries its steps from trigger to last day', () => {
    const stappen = computeGriffierechtTermijn('2026-11-28', kalender).afleiding.map((s) => s.grondslag);
    expect(stappen).toEqual(['art. 8:41 lid 5 Awb', 'art. 8:41 lid 5 Awb', 'art. 8:41 lid 5 Awb', 'art. 3 lid 1 Atw', 'art. 1 lid 1 Atw', 'art. 1 lid 1 Atw']);
  });

  it('art. 6:6 Awb: a term set by the griffier is not moved by the Atw', () => {
    expect(computeHersteltermijn({ einde: '2026-12-26' }).einde).toBe('2026-12-26');
    expect(computeHersteltermijn({ gesteldOp: '2026-11-10', weken: 4 })).toMatchObject({ einde: '2026-12-08', grondslag: ['art. 6:6 Awb'] });
  });
});
