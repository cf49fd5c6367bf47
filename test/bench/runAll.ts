import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { runEngineBench } from './engineBench';
import { describeApiPaginaMeting, describeServerMeting, measureApiPagina, measureServer, measureStart } from './serverBench';
import { runFilingBench } from './filingBench';
import { runHerinneringBench } from './herinneringBench';
import { runBackupBench } from './backupBench';

// `npm run bench`: figures, side by side in one run, written to docs/benchmarks.md (the README links it; no figure
// is typed by hand). Benchmarks are not timed tests and never fail the suite — but a wrong end date fails the run.
const regels: string[] = [];
const log = (r: string) => {
  console.log(r);
  regels.push(r);
};

execSync('node scripts/bouwServer.mjs', { stdio: 'inherit' });
for (const r of await runEngineBench()) regels.push(r);
const start = await measureStart();
log(`start to first page (demo data): compiled ${start.gecompileerdMs.toFixed(0)} ms, tsx ${start.tsxMs.toFixed(0)} ms`);
for (const schaal of [1, 5]) for (const r of describeServerMeting(await measureServer(schaal))) log(r);
log(describeApiPaginaMeting(await measureApiPagina(5)));
for (const r of await runBackupBench(5)) log(r);
// These two print their own lines: kept for the file too.
const print = console.log;
console.log = (...delen: unknown[]) => {
  print(...delen);
  regels.push(delen.join(' '));
};
await runFilingBench();
await runHerinneringBench();
console.log = print;

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average at the end ${execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ')}`;
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine}.\n` +
    `National scale (1×) = 31 regions × 6 years of besluiten and 40,000 tariefbeschikkingen; 5× = 200,000.\n\n` +
    regels.map((r) => `- ${r}`).join('\n') +
    '\n',
);
