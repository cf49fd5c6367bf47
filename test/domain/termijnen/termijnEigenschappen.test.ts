import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listAtwFeestdagen } from '../../../src/domain/kalender/feestdagen';
import { GELIJKSTELLINGS_KBS } from '../../../src/domain/kalender/gelijkgesteldeDagen';
import { computePaaszondag } from '../../../src/domain/kalender/pasen';
import { computeBezwaarOfBeroepstermijn } from '../../../src/domain/termijnen/awbTermijn';
import { CONFIG, cr, run, tb } from './scenarioBouwer';

// Independent of luxon: plain UTC day numbers.
const DAG_MS = 86_400_000;
const dagnummer = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAG_MS;
const isoVanDagnummer = (n: number) => new Date(n * DAG_MS).toISOString().slice(0, 10);
const weekdag = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
const feestdagenPerJaar = new Map<number, Set<string>>();
const isFeestdag = (iso: string) => {
  const jaar = Number(iso.slice(0, 4));
  if (!feestdagenPerJaar.has(jaar)) {
    // Goede Vrijdag (art. 3 lid 2 Atw) and the KB days (lid 3) added by the test itself, not taken from the engine's list.
    const goedeVrijdag = isoVanDagnummer(dagnummer(computePaaszondag(jaar)) - 2);
    const kbDagen = GELIJKSTELLINGS_KBS.flatMap((kb) => kb.dagen).filter((d) => d.startsWith(`${jaar}-`));
    feestdagenPerJaar.set(jaar, new Set([...listAtwFeestdagen(jaar).map((d) => d.datum), goedeVrijdag, ...kbDagen]));
  }
  return feestdagenPerJaar.get(jaar)!.has(iso);
};

// Bekendmakingen from 1 January 1994 (the Awb) to 1 October 2200: every last day stays inside the supported range.
const bekendmaking = fc.integer({ min: dagnummer('1994-01-01'), max: dagnummer('2200-10-01') }).map(isoVanDagnummer);
const RUNS = { numRuns: 3000 };

describe('properties of the six-week term (art. 6:7, 6:8 Awb; art. 1 and 3 Atw) over 1994–2200', () => {
  it('the last day is never a Saturday, Sunday, Atw feestdag, Goede Vrijdag or KB day (art. 1, art. 3 leden 1–3 Atw)', () => {
    fc.assert(
      fc.property(bekendmaking, (datum) => {
        const { einde } = computeBezwaarOfBeroepstermijn(datum, CONFIG.kalender);
        return weekdag(einde) !== 0 && weekdag(einde) !== 6 && !isFeestdag(einde);
      }),
      RUNS,
    );
  });

  it('the last day lies 42 to 47 days after the bekendmaking (longest chain: Christmas 2024 with the KB day of 27 December), and the start is always the next day', () => {
    fc.assert(
      fc.property(bekendmaking, (datum) => {
        const { aanvang, einde } = computeBezwaarOfBeroepstermijn(datum, CONFIG.kalender);
        const dagen = dagnummer(einde) - dagnummer(datum);
        return dagnummer(aanvang) - dagnummer(datum) === 1 && dagen >= 42 && dagen <= 47;
      }),
      RUNS,
    );
  });

  it('the last day is exactly 42 days later unless that day is a weekend day or feestdag', () => {
    fc.assert(
      fc.property(bekendmaking, (datum) => {
        const { einde } = computeBezwaarOfBeroepstermijn(datum, CONFIG.kalender);
        const zonderAtw = isoVanDagnummer(dagnummer(datum) + 42);
        const werkdag = weekdag(zonderAtw) !== 0 && weekdag(zonderAtw) !== 6 && !isFeestdag(zonderAtw);
        return werkdag ? einde === zonderAtw : einde > zonderAtw;
      }),
      RUNS,
    );
  });

  it('the last day never decreases when the bekendmaking moves later', () => {
    fc.assert(
      fc.property(bekendmaking, fc.integer({ min: 0, max: 400 }), (datum, later) => {
        const laterDatum = isoVanDagnummer(Math.min(dagnummer(datum) + later, dagnummer('2200-10-01')));
        return computeBezwaarOfBeroepstermijn(datum, CONFIG.kalender).einde <= computeBezwaarOfBeroepstermijn(laterDatum, CONFIG.kalender).einde;
      }),
      RUNS,
    );
  });
});

describe('properties of the engine', () => {
  it('art. 105 lid 3: a future year always gets 1 March of the next year to 11–15 April, on a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2195 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 364 }), (jaar, vooruit, dag) => {
        const datum = isoVanDagnummer(dagnummer(`${jaar}-01-01`) + Math.min(dag, 363));
        const uitkomst = run({ besluiten: [cr('CR', datum, [jaar + vooruit])] });
        const [t] = uitkomst.termijnen;
        return (
          uitkomst.termijnen.length === 1 &&
          t!.aanvang === `${jaar + 1}-03-01` &&
          t!.einde >= `${jaar + 1}-04-11` &&
          t!.einde <= `${jaar + 1}-04-15` &&
          weekdag(t!.einde) !== 0 &&
          weekdag(t!.einde) !== 6 &&
          !isFeestdag(t!.einde)
        );
      }),
      { numRuns: 500 },
    );
  });

  it('every tariefbeschikking opens exactly one bezwaar term, and beroep only when it carries productieafspraken', () => {
    const soort = fc.constantFrom('vaststelling', 'wijziging', 'nacalculatie', 'sluittarief', 'vereffening' as const);
    fc.assert(
      fc.property(
        bekendmaking.filter((d) => d >= '2025-01-01'),
        soort,
        (datum, s) => {
          const uitkomst = run({ besluiten: [tb('TB', datum, Number(datum.slice(0, 4)), s)] });
          const bezwaar = uitkomst.termijnen.filter((t) => t.rechtsmiddel === 'bezwaar');
          const beroep = uitkomst.termijnen.filter((t) => t.rechtsmiddel === 'beroep');
          const verwachtBeroep = s === 'vaststelling' || s === 'wijziging' ? 1 : 0;
          return bezwaar.length === 1 && beroep.length === verwachtBeroep && uitkomst.uitsluitingen.length === 1 - verwachtBeroep;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the veilige uiterste datum is never later than any running beroep term of that region and year', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 600 }), (offsets, peil) => {
        const start = dagnummer('2025-06-01');
        const besluiten = [cr('CR', '2025-05-01', [2026]), ...offsets.map((o, i) => tb(`TB-${i}`, isoVanDagnummer(start + o), 2026))];
        const peildatum = isoVanDagnummer(start + peil);
        const uitkomst = run({ besluiten, peildatum });
        const status = uitkomst.status[0]!;
        if (status.status !== 'open') return true;
        const lopend = uitkomst.termijnen.filter((t) => t.rechtsmiddel === 'beroep' && t.aanvang <= peildatum && t.einde >= peildatum);
        return lopend.length > 0 && lopend.every((t) => status.veiligeUitersteDatum! <= t.einde);
      }),
      { numRuns: 300 },
    );
  });
});

it('the property generator spans the whole range (sanity check of the test itself)', () => {
  const gezien = fc.sample(bekendmaking, { numRuns: 2000, seed: 7 });
  expect(gezien.some((d) => d < '2000-01-01')).toBe(true);
  expect(gezien.some((d) => d > '2180-01-01')).toBe(true);
});
