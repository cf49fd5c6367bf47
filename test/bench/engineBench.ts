import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { combineCellen, computeStatussen, computeTermijnen, splitInvoer } from '../../src/domain/termijnen/computeTermijnen';
import { computeCel, createRekencontext, describeCellenVoorWaarschuwingen } from '../../src/domain/termijnen/celTermijnen';
import { listWaarschuwingen } from '../../src/domain/termijnen/waarschuwingen';
import type { Besluit, TermijnInvoer } from '../../src/domain/besluiten/besluit';
import { buildLandelijkScenario } from '../support/landelijkScenario';
import { createGewoneEinddatum } from './gewoneEinddatum';

export interface EngineMeting {
  schaal: number;
  tariefbeschikkingen: number;
  termijnen: number;
  /** Measured runs after `opwarmen` warm-up runs (the same for the plain rule). */
  runs: number;
  opwarmen: number;
  engineMediaanMs: number;
  engineEersteMs: number;
  gewoonMediaanMs: number;
  verhouding: number;
  heapMb: number;
  /** Of the engine's time: the statuses and warnings at one peildatum, derived from the cells' terms (median). */
  peildatumMediaanMs: number;
  /** When measured in several processes (`combineProcessen`): each process's engine and plain medians, in order. */
  processen?: { engineMs: number; gewoonMs: number }[];
}

/**
 * The scenario kept in a long-lived object, as the term service keeps its rows and results between requests, not only
 * in this function's locals. V8's incremental marker starts from the heap's roots and reads the stack only in its final
 * pause: input reachable from the stack alone is marked in that pause, at 20× (some 150 MB of besluiten) 120–880 ms in
 * most runs, a cost of where the caller keeps its input more than of the engine. Kept here, that pause is mostly
 * 9–16 ms. (A full load in the term service holds its fresh rows in locals while it computes.)
 */
const gehouden: { invoer?: TermijnInvoer } = {};

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The engine at `schaal` × national scale (40,000 tariefbeschikkingen × schaal, 31 regions × 6 years) against the
 * plain day-number rule over the same bekendmakingen, equal end dates asserted, in one process on one core.
 */
export function measureEngine(schaal: number, runs = 7, opwarmen = 3): EngineMeting {
  const invoer = buildLandelijkScenario({ tariefbeschikkingen: 40_000 * schaal, eersteJaar: 2026, jaren: 6, zorgaanbieders: 2_000 * schaal });
  gehouden.invoer = invoer;
  const tijden: number[] = [];
  let uitkomst: ReturnType<typeof computeTermijnen> | undefined;
  // The first runs warm the JIT (the first is reported on its own); the median is over the `runs` after them.
  for (let run = 0; run < opwarmen + runs; run++) {
    // A fresh calendar each run: no memoised dates carried over, every run pays the full cost.
    const config = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
    uitkomst = undefined;
    const start = performance.now();
    uitkomst = computeTermijnen(invoer, config);
    tijden.push(performance.now() - start);
  }
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  // What a new peildatum costs: the statuses and warnings derived from terms computed once (issue 15, point 3).
  const peildatumTijden: number[] = [];
  {
    const config = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
    const context = createRekencontext(config);
    const { cellen: celInvoer, gelezen } = splitInvoer(invoer);
    const cellen = celInvoer.map((cel) => computeCel(cel, context));
    const { termijnen } = combineCellen(cellen);
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      for (const c of computeStatussen(cellen, invoer.peildatum, config).partijStatus) void c.toelichting;
      listWaarschuwingen(invoer, describeCellenVoorWaarschuwingen(cellen), config, gelezen);
      peildatumTijden.push(performance.now() - start);
    }
  }
  const perId = new Map<string, Besluit>(invoer.besluiten.map((b) => [b.id, b]));

  // The same end dates by the plain rule: one per term (the engine's terms tell which start applies).
  let [vanJaar, totJaar] = [Infinity, -Infinity];
  for (const b of invoer.besluiten) {
    const jaar = Number(b.bekendgemaakt.slice(0, 4));
    vanJaar = Math.min(vanJaar, jaar);
    totJaar = Math.max(totJaar, jaar);
  }
  const gewoon = createGewoneEinddatum(vanJaar, totJaar + 1);
  // The plain rule gets each term's trigger as plain data: the bekendmaking, or 1 March for a lid-3 window.
  const invoerPerTerm = uitkomst!.termijnen.map((t) =>
    t.regel === 'art-105-lid-3' ? { lid3: true, datum: t.aanvang } : { lid3: false, datum: perId.get(t.besluit)!.bekendgemaakt },
  );
  const gewoneTijden: number[] = [];
  let eindes: string[] = [];
  for (let run = 0; run < opwarmen + runs; run++) {
    const start = performance.now();
    eindes = invoerPerTerm.map((x) => (x.lid3 ? gewoon.zesWekenVanaf(x.datum) : gewoon.zesWekenNaBekendmaking(x.datum)));
    gewoneTijden.push(performance.now() - start);
  }
  const verschil = uitkomst!.termijnen.findIndex((t, i) => t.einde !== eindes[i]);
  if (verschil >= 0) throw new Error(`engine and plain rule differ on term ${verschil}: ${uitkomst!.termijnen[verschil]!.einde} vs ${eindes[verschil]}`);
  const engineMediaanMs = mediaan(tijden.slice(opwarmen));
  const gewoonMediaanMs = mediaan(gewoneTijden.slice(opwarmen));
  return {
    schaal,
    tariefbeschikkingen: 40_000 * schaal,
    termijnen: uitkomst!.termijnen.length,
    runs,
    opwarmen,
    engineMediaanMs,
    engineEersteMs: tijden[0]!,
    gewoonMediaanMs,
    verhouding: engineMediaanMs / gewoonMediaanMs,
    heapMb,
    peildatumMediaanMs: mediaan(peildatumTijden),
  };
}

/**
 * One scale measured in several processes, as one figure: each median is the median of the processes' medians, the
 * ratio the median of their ratios (engine and plain rule always from one process). On this VM a process can fall in a
 * phase of a second or more in which the same code runs up to 1.5× slower; one process then does not decide the figure.
 */
export function combineProcessen(metingen: readonly EngineMeting[]): EngineMeting {
  const eerste = metingen[0]!;
  const van = (veld: (m: EngineMeting) => number) => mediaan(metingen.map(veld));
  return {
    ...eerste,
    engineMediaanMs: van((m) => m.engineMediaanMs),
    engineEersteMs: van((m) => m.engineEersteMs),
    gewoonMediaanMs: van((m) => m.gewoonMediaanMs),
    verhouding: van((m) => m.verhouding),
    heapMb: Math.max(...metingen.map((m) => m.heapMb)),
    peildatumMediaanMs: van((m) => m.peildatumMediaanMs),
    processen: metingen.map((m) => ({ engineMs: m.engineMediaanMs, gewoonMs: m.gewoonMediaanMs })),
  };
}

export function describeEngineMeting(m: EngineMeting): string {
  const processen = m.processen
    ? `, the median of ${m.processen.length} processes (engine / plain rule: ${m.processen.map((p) => `${p.engineMs.toFixed(0)} / ${p.gewoonMs.toFixed(1)} ms`).join(', ')})`
    : '';
  return (
    `engine ${m.schaal}× (compiled, own process; ${m.tariefbeschikkingen.toLocaleString('en')} tariefbeschikkingen → ${m.termijnen.toLocaleString('en')} termijnen): ` +
    `median ${m.engineMediaanMs.toFixed(0)} ms of ${m.runs} runs after ${m.opwarmen} warm-up runs (the very first ${m.engineEersteMs.toFixed(0)} ms), plain day-number rule ${m.gewoonMediaanMs.toFixed(1)} ms, ` +
    `ratio ${m.verhouding.toFixed(1)}×${processen}, heap ${m.heapMb.toFixed(0)} MB; end dates equal; of the engine's time, statuses and warnings at one ` +
    `peildatum from the computed terms ${m.peildatumMediaanMs.toFixed(0)} ms`
  );
}

/** Time at `m` against time at 1×: how the engine scales with its input (target: 20× input ≤ 22× the time). */
export function describeSchaling(een: EngineMeting, m: EngineMeting): string {
  return `engine ${m.schaal}× input: ${(m.engineMediaanMs / een.engineMediaanMs).toFixed(1)}× the time of 1× (${m.termijnen.toLocaleString('en')} against ${een.termijnen.toLocaleString('en')} termijnen)`;
}

/**
 * `npm run bench` part one: 1×, 5× and 20× (20×: some 4 GB of heap; BENCH_20X=0 leaves it out). The engine runs as the
 * server runs it: compiled by esbuild into one module (as `scripts/bouwServer.mjs` compiles the server; tsx adds a name
 * to every function and runs the engine some 1.5× slower at 20×), each scale in a process of its own, so that one
 * scale's heap does not weigh on the next.
 */
export async function runEngineBench(): Promise<string[]> {
  await buildEngineModule('.', ENGINE_MODULE);
  const meet = (schaal: number, runs: number, opwarmen: number): EngineMeting => measureInProcess(ENGINE_MODULE, schaal, runs, opwarmen);
  // At 1× a run takes some 0.1 s: the JIT and the young generation settle over a dozen runs, so twelve warm-up runs
  // (the same for the plain rule); at 5× and 20× a run is long enough to settle within three. At 20× a full collection
  // falls in most runs: the median of seven runs, not three, so that one slow run does not decide the figure. Each
  // scale in three processes, in rounds over the scales, so that a slow phase of the machine weighs on one of three.
  const schalen: [number, number, number][] = [
    [1, 9, 12],
    [5, 5, 3],
  ];
  if (process.env.BENCH_20X !== '0') schalen.push([20, 7, 3]);
  const perSchaal = schalen.map((): EngineMeting[] => []);
  for (let ronde = 0; ronde < PROCESSEN; ronde++) schalen.forEach(([schaal, runs, opwarmen], i) => perSchaal[i]!.push(meet(schaal, runs, opwarmen)));
  const metingen = perSchaal.map(combineProcessen);
  const regels = [...metingen.map(describeEngineMeting), ...metingen.slice(1).map((m) => describeSchaling(metingen[0]!, m))];
  for (const r of regels) console.log(r);
  return regels;
}

const ENGINE_MODULE = 'dist/bench/engineMeting.mjs';

/** The engine's measurement of the tree at `map` (its `test/bench/engineMeting.ts`), compiled as the server is. */
export async function buildEngineModule(map: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [`${map}/test/bench/engineMeting.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** One measurement in a process of its own (`engineMeting.ts`). */
export function measureInProcess(module: string, schaal: number, runs: number, opwarmen: number): EngineMeting {
  return JSON.parse(
    execFileSync(process.execPath, ['--max-old-space-size=8192', module, String(schaal), String(runs), String(opwarmen)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as EngineMeting;
}
const PROCESSEN = 3;
