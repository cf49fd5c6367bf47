import { loadTermijnConfig } from '../config/termijnConfig';
import { vandaagInNederland } from '../config/klok';
import { runTermijnenCommand } from './termijnenCommand';

async function readStdin(): Promise<string> {
  const delen: Buffer[] = [];
  for await (const deel of process.stdin) delen.push(deel as Buffer);
  return Buffer.concat(delen).toString('utf8');
}

const [commando, ...args] = process.argv.slice(2);
if (commando !== 'termijnen') {
  process.stderr.write(`onbekend commando ${JSON.stringify(commando ?? '')}; gebruik: termijnen [BESTAND]\n`);
  process.exit(2);
}
const config = loadTermijnConfig();
const resultaat = await runTermijnenCommand(args, readStdin, vandaagInNederland(), config, config.gelijkgesteldeDagen);
process.stdout.write(resultaat.stdout);
process.stderr.write(resultaat.stderr);
process.exitCode = resultaat.exitCode;
