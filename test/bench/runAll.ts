import { runEngineBench } from './engineBench';
import { runServerBench } from './serverBench';

// `npm run bench`: benchmarks print figures; they are not timed tests and never fail the suite.
runEngineBench();
await runServerBench();
