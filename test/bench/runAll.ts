import { runEngineBench } from './engineBench';

// `npm run bench`: benchmarks print figures; they are not timed tests and never fail the suite.
runEngineBench();
