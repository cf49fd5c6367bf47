import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEngineModule, combineProcessen, measureInProcess, type EngineMeting } from './engineBench';

// `npm run bench:vergelijk -- REF`: the engine of git revision REF (default: the parent of HEAD) against the engine of
// the work tree, with `npm run bench`'s method: each compiled by esbuild into one module, each measurement in a process
// of its own, in five rounds that alternate old and new (so a slow phase of the machine weighs on both), each figure the
// median of the processes' medians. Prints a line per scale; `BENCH_20X=1` adds 20×, `BENCH_RONDEN=9` nine rounds.

const ref = process.argv[2] ?? 'HEAD~1';
// Five rounds: on this VM one process can run 1.5× slower for a while, and at 1× a measurement lasts under a second.
// On a busy machine (another build or test run beside it) more rounds, so that its slow phases decide fewer medians.
const RONDEN = Number(process.env.BENCH_RONDEN ?? 5);
if (!Number.isInteger(RONDEN) || RONDEN < 1) throw new Error(`BENCH_RONDEN: a whole number of rounds, not ${process.env.BENCH_RONDEN}`);
const werkmap = mkdtempSync(join(tmpdir(), 'engine-vergelijking-'));
const oudeBoom = join(werkmap, 'oud');
const modules = { oud: resolve('dist/bench/engineMeting-oud.mjs'), nieuw: resolve('dist/bench/engineMeting.mjs') };
try {
  execFileSync('git', ['worktree', 'add', '--detach', oudeBoom, ref], { stdio: 'ignore' });
  await buildEngineModule(oudeBoom, modules.oud);
  await buildEngineModule('.', modules.nieuw);
  const meet = (module: string, schaal: number, runs: number, opwarmen: number) => measureInProcess(module, schaal, runs, opwarmen);
  const schalen: [number, number, number][] = [
    [1, 9, 12],
    [5, 5, 3],
  ];
  if (process.env.BENCH_20X === '1') schalen.push([20, 7, 3]);
  for (const [schaal, runs, opwarmen] of schalen) {
    const oud: EngineMeting[] = [];
    const nieuw: EngineMeting[] = [];
    for (let ronde = 0; ronde < RONDEN; ronde++) {
      // Alternating which goes first, so neither always follows the other.
      if (ronde % 2 === 0) {
        oud.push(meet(modules.oud, schaal, runs, opwarmen));
        nieuw.push(meet(modules.nieuw, schaal, runs, opwarmen));
      } else {
        nieuw.push(meet(modules.nieuw, schaal, runs, opwarmen));
        oud.push(meet(modules.oud, schaal, runs, opwarmen));
      }
    }
    const [o, n] = [combineProcessen(oud), combineProcessen(nieuw)];
    const perProces = (ms: EngineMeting[]) => ms.map((m) => m.engineMediaanMs.toFixed(0)).join(' / ');
    console.log(
      `engine ${schaal}×, ${ref} against the work tree: median ${o.engineMediaanMs.toFixed(0)} ms against ${n.engineMediaanMs.toFixed(0)} ms ` +
        `(${((n.engineMediaanMs / o.engineMediaanMs - 1) * 100).toFixed(1)}%; per process ${perProces(oud)} against ${perProces(nieuw)} ms); ` +
        `ratio to the plain rule ${o.verhouding.toFixed(1)}× against ${n.verhouding.toFixed(1)}×; termijnen ${o.termijnen} against ${n.termijnen}`,
    );
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', oudeBoom], { stdio: 'ignore' });
  rmSync(werkmap, { recursive: true, force: true });
  rmSync(modules.oud, { force: true });
}
