import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TermijnInvoer } from '../../src/domain/besluiten/besluit';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { computeReferentie } from './referentieEngine';

// The reference answers the public worked examples (../shared/spec/voorbeelden*.json) by itself, not only through its
// agreement with the engine: the spec's own examples anchor it.
interface Voorbeeld {
  naam: string;
  regel: string;
  scenario: Omit<TermijnInvoer, 'beroepen'> & { beroepen?: TermijnInvoer['beroepen']; inwerkingtreding?: string };
  verwacht: { in: string; waar: Record<string, unknown>; heeft?: Record<string, unknown>; geen?: boolean }[];
}

const SPEC = resolve(import.meta.dirname, '../../../shared/spec');
const voorbeelden: Voorbeeld[] = readdirSync(SPEC)
  .filter((f) => /^voorbeelden.*\.json$/.test(f))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(resolve(SPEC, f), 'utf8')) as Voorbeeld[]);

describe('the reference engine on the public worked examples (voorbeelden*.json)', () => {
  it('has them all', () => expect(voorbeelden.length).toBeGreaterThanOrEqual(13));

  it.each(voorbeelden.map((v) => [`${v.naam} (${v.regel})`, v] as const))('%s', (_naam, { scenario, verwacht }) => {
    const { inwerkingtreding, ...invoer } = scenario;
    // As the CLI runs without configuration: the entry into force unknown unless the scenario sets it.
    const uitkomst = computeReferentie({ beroepen: [], ...invoer }, { inwerkingtreding, kalender: createAtwKalender() }) as unknown as Record<
      string,
      Record<string, unknown>[]
    >;
    // What does not hold, in words (as check-voorbeelden says it): none.
    const problemen: string[] = [];
    for (const e of verwacht) {
      const waar = `${e.in} ${JSON.stringify(e.waar)}`;
      const gevonden = (uitkomst[e.in] ?? []).filter((x) => Object.entries(e.waar).every(([k, v]) => x[k] === v));
      if (e.geen && gevonden.length > 0) problemen.push(`${waar}: expected none, got ${gevonden.length}`);
      if (!e.geen && gevonden.length === 0) problemen.push(`${waar}: none found`);
      if (e.geen || gevonden.length === 0) continue;
      for (const [k, v] of Object.entries(e.heeft ?? {})) {
        if (!gevonden.some((x) => JSON.stringify(x[k]) === JSON.stringify(v)))
          problemen.push(`${waar}: ${k} = ${JSON.stringify(gevonden.map((x) => x[k]))}, expected ${JSON.stringify(v)}`);
      }
    }
    expect(problemen).toEqual([]);
  });
});
