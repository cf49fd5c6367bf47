// One measurement of the engine in a process of its own (see `runEngineBench`): scale, runs and warm-up runs as
// arguments; the figures as JSON on stdout.
import { measureEngine } from './engineBench';

const [schaal, runs, opwarmen] = process.argv.slice(2).map(Number);
process.stdout.write(JSON.stringify(measureEngine(schaal!, runs, opwarmen)));
