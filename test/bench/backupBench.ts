import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBackup, makeBackupVanVerbinding, restoreBackup } from '../../src/db/backup';
import { checkDatabaseBestand } from '../../src/db/databaseControle';
import { fillLandelijkeDatabase } from './serverBench';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Issue 12: backup time and size at 5× national scale (200,000 tariefbeschikkingen) — the operator's `backup`
 * (VACUUM INTO, full integrity_check, rename), the server's daily backup (online backup API from its own connection),
 * `herstel`, and the read-only check every start makes (PRAGMA quick_check and the schema version).
 */
export async function runBackupBench(schaal = 5): Promise<string[]> {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-backupbench-'));
  try {
    const pad = join(map, 'app.sqlite');
    fillLandelijkeDatabase(pad, schaal);
    const grootte = statSync(pad).size;

    let begin = performance.now();
    checkDatabaseBestand(pad);
    const startControle = performance.now() - begin;

    const cli = makeBackup(pad, join(map, 'backups', 'cli.sqlite'));

    const sqlite = new Database(pad);
    sqlite.pragma('journal_mode = WAL');
    const server = await makeBackupVanVerbinding(sqlite, join(map, 'backups', 'server.sqlite'));
    sqlite.close();

    begin = performance.now();
    restoreBackup(cli.pad, pad, new Date());
    const herstel = performance.now() - begin;

    return [
      `backup at ${schaal}× national scale (database ${mb(grootte)}): \`cli backup\` (VACUUM INTO + integrity_check) ${(cli.ms / 1000).toFixed(2)} s, ` +
        `file ${mb(cli.bytes)}; the server's daily backup (online backup API) ${(server.ms / 1000).toFixed(2)} s, file ${mb(server.bytes)}; ` +
        `\`herstel\` ${(herstel / 1000).toFixed(2)} s; start check (quick_check + schema version) ${startControle.toFixed(0)} ms`,
    ];
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

// `npx tsx test/bench/backupBench.ts`: only this part.
if (process.argv[1] === fileURLToPath(import.meta.url)) for (const r of await runBackupBench()) console.log(r);
