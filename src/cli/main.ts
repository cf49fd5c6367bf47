import { loadTermijnConfig } from '../config/termijnConfig';
import { vandaagInNederland } from '../config/klok';
import { runTermijnenCommand } from './termijnenCommand';
import { runAccountCommand } from './accountCommands';
import { loadConfigOrExit } from '../config/config';
import { loadSessieGeheim } from '../config/sessieGeheim';
import { openDatabase } from '../db/verbinding';
import { runBackupCommand } from './backupCommands';
import { runAuditCommand } from './auditCommand';
import { runBronnenCommand } from './bronnenCommand';

// Files this command creates (backups, a restored database) are the operator's alone: 0600, directories 0700.
process.umask(0o077);

async function readStdin(): Promise<string> {
  const delen: Buffer[] = [];
  for await (const deel of process.stdin) delen.push(deel as Buffer);
  return Buffer.concat(delen).toString('utf8');
}

const [commando, ...args] = process.argv.slice(2);
if (commando === 'organisatie' || commando === 'gebruiker' || commando === 'token') {
  // The operator's account commands: the same configuration (DATABASE_PATH, SESSION_SECRET, BASIS_URL) as the server.
  const config = loadConfigOrExit(process.env, 2);
  // `organisatie sso` reads the client secret from standard input (e.g. `printf %s "$GEHEIM" | npm run -s cli -- …`).
  const stdin = commando === 'organisatie' && args[0] === 'sso' && !process.stdin.isTTY ? await readStdin() : undefined;
  const uitkomst = runAccountCommand(
    () => openDatabase(config.databasePad, loadSessieGeheim(config)),
    () => loadSessieGeheim(config),
    config.mail.appUrl,
    [commando, ...args],
    { stdin, demo: config.demo },
  );
  process.stdout.write(uitkomst.stdout);
  process.stderr.write(uitkomst.stderr);
  process.exit(uitkomst.exitCode);
}
if (commando === 'backup' || commando === 'herstel') {
  const config = loadConfigOrExit(process.env, 2);
  const uitkomst = runBackupCommand(config, [commando, ...args], new Date());
  process.stdout.write(uitkomst.stdout);
  process.stderr.write(uitkomst.stderr);
  process.exit(uitkomst.exitCode);
}
if (commando === 'audit') {
  const config = loadConfigOrExit(process.env, 2);
  const uitkomst = runAuditCommand(config.databasePad, () => loadSessieGeheim(config), args);
  process.stdout.write(uitkomst.stdout);
  process.stderr.write(uitkomst.stderr);
  process.exit(uitkomst.exitCode);
}
if (commando === 'bronnen') {
  const config = loadConfigOrExit(process.env, 2);
  const uitkomst = runBronnenCommand(() => openDatabase(config.databasePad, loadSessieGeheim(config)), args);
  process.stdout.write(uitkomst.stdout);
  process.stderr.write(uitkomst.stderr);
  process.exit(uitkomst.exitCode);
}
if (commando !== 'termijnen') {
  process.stderr.write(
    `onbekend commando ${JSON.stringify(commando ?? '')}; gebruik: termijnen [BESTAND] | organisatie toevoegen | gebruiker toevoegen | token maak | backup [BESTAND] | herstel BESTAND | audit controleer | bronnen inlezen --bron rechtspraak|staatscourant BESTAND…\n`,
  );
  process.exit(2);
}
const config = loadTermijnConfig();
const resultaat = await runTermijnenCommand(args, readStdin, vandaagInNederland(), config, config.gelijkgesteldeDagen);
process.stdout.write(resultaat.stdout);
process.stderr.write(resultaat.stderr);
process.exitCode = resultaat.exitCode;
