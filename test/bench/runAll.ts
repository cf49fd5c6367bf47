import { runEngineBench } from './engineBench';
import { runServerBench } from './serverBench';
import { runFilingBench } from './filingBench';
import { runHerinneringBench } from './herinneringBench';

// `npm run bench`: benchmarks print figures; they are not timed tests and never fail the suite.
runEngineBench();
await runFilingBench();
await runHerinneringBench();
await runServerBench();
