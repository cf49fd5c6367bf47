import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { buildLandelijkScenario } from '../support/landelijkScenario';
import { ZORGKANTOORREGIOS } from '../../src/domain/regios/zorgkantoorregios';
import { scenario, type Scenario } from './scenarios';
import { findVerschilMetEngine } from './vergelijking';
import { describeVerschil } from './verschil';

// Fixed, so every run checks the same scenarios; printed, so a failure can be replayed (fc.assert's `seed`).
const SEED = 105_2026;
// 3,000 runs: some 13 s alone, 17 s in the full suite at load 8–10 on the 2-core machine (4,000 took 22 s there).
const NUM_RUNS = 3000;
// Above the suite's 30 s per test: the random scenarios and the national scenario are CPU-bound, and slow under load.
const TIJDSLIMIET = 90_000;

function verschilVan(s: Scenario) {
  return findVerschilMetEngine(s.invoer, { inwerkingtreding: s.inwerkingtreding, kalender: createAtwKalender() });
}

describe('the engine computes what the reference engine (the rules of termijnregels.md, written plainly) computes', () => {
  it(
    `agrees on random scenarios (fast-check, seed ${SEED}, ${NUM_RUNS} runs)`,
    () => {
      console.log(`referentieGelijk: fast-check seed ${SEED}, ${NUM_RUNS} runs`);
      fc.assert(
        fc.property(scenario, (s) => {
          const verschil = verschilVan(s);
          if (verschil) {
            throw new Error(
              `engine and reference differ.\ninwerkingtreding: ${JSON.stringify(s.inwerkingtreding)}\ninvoer: ${JSON.stringify(s.invoer)}\n${describeVerschil(verschil)}`,
            );
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    },
    TIJDSLIMIET,
  );

  // 31 regions × 6 years, 40,000 tariefbeschikkingen (the benchmark's scenario) at three peildata: before, inside and
  // after its terms. Terms, exclusions and afleidingen depend on the decisions alone: compared in full at the first.
  // With the zorgkantoren of five regions asked for: their terms through every tariefbeschikking of the region (§4).
  const landelijk = {
    ...buildLandelijkScenario({ tariefbeschikkingen: 40_000, eersteJaar: 2026, jaren: 6, zorgaanbieders: 2_000 }),
    partijen: ZORGKANTOORREGIOS.slice(0, 5).map((r) => ({ partij: r.zorgkantoor, soort: 'zorgkantoor' as const, regio: r.naam })),
  };
  const peildata = ['2028-11-22', '2026-02-01', '2034-01-01'] as const;
  for (const peildatum of peildata) {
    const delen = peildatum === peildata[0] ? 'alles' : 'peildatum';
    it(
      `agrees on the national scenario at peildatum ${peildatum} (${delen === 'alles' ? 'every term, exclusion, afleiding, status and warning' : 'statuses and warnings'})`,
      () => {
        const verschil = findVerschilMetEngine({ ...landelijk, peildatum }, { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() }, delen);
        expect(verschil && describeVerschil(verschil)).toBeUndefined();
      },
      TIJDSLIMIET,
    );
  }
});
