import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTermijnenCommand } from '../../src/cli/termijnenCommand';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';

// The public worked examples (../shared/spec/voorbeelden.json), checked the way ../shared/spec/check-voorbeelden
// checks them, through the same command. The file lies beside the project in every checkout and in CI.
interface Verwachting {
  in: string;
  waar: Record<string, unknown>;
  heeft?: Record<string, unknown>;
  geen?: boolean;
}
interface Voorbeeld {
  naam: string;
  regel: string;
  scenario: unknown;
  verwacht: Verwachting[];
}

// Every public file: voorbeelden.json and the later rule versions' voorbeelden-v3.json …, as check-voorbeelden runs them.
const SPEC = resolve(import.meta.dirname, '../../../shared/spec');
const bestanden = readdirSync(SPEC)
  .filter((f) => /^voorbeelden.*\.json$/.test(f))
  .sort();
const voorbeelden: Voorbeeld[] = bestanden.flatMap((f) => JSON.parse(readFileSync(resolve(SPEC, f), 'utf8')) as Voorbeeld[]);
// As the CLI runs without configuration: the entry into force unknown.
const CONFIG = { inwerkingtreding: undefined, kalender: createAtwKalender() };

const past = (entry: Record<string, unknown>, waar: Record<string, unknown>) => Object.entries(waar).every(([k, v]) => entry[k] === v);

describe('public worked examples (voorbeelden*.json)', () => {
  it('has examples to run, from every public file (voorbeelden.json and voorbeelden-v3.json)', () => {
    expect(bestanden).toEqual(expect.arrayContaining(['voorbeelden.json', 'voorbeelden-v3.json']));
    expect(voorbeelden.length).toBeGreaterThanOrEqual(13);
  });

  it.each(voorbeelden.map((v) => [`${v.naam} (${v.regel})`, v] as const))('%s', async (_naam, voorbeeld) => {
    const { exitCode, stdout, stderr } = await runTermijnenCommand([], async () => JSON.stringify(voorbeeld.scenario), '2026-11-29', CONFIG);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const uitvoer = JSON.parse(stdout) as Record<string, Record<string, unknown>[]>;
    for (const e of voorbeeld.verwacht) {
      const gevonden = (uitvoer[e.in] ?? []).filter((x) => past(x, e.waar));
      if (e.geen) {
        expect(gevonden, `${e.in} ${JSON.stringify(e.waar)}`).toEqual([]);
        continue;
      }
      expect(gevonden.length, `${e.in} ${JSON.stringify(e.waar)}`).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(e.heeft ?? {})) {
        expect(
          gevonden.map((x) => x[k]),
          `${e.in} ${JSON.stringify(e.waar)}.${k}`,
        ).toContainEqual(v);
      }
    }
  });
});
