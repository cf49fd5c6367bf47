import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp';
import { runCli, spawnCli } from '../support/serverProces';
import { queryEen } from '../support/databaseInhoud';

/**
 * Issue 12 point 8: kill -9 in the middle of a backup leaves no half backup under a backup's name, the next backup
 * clears the leftover, and the database file is untouched. (The import: kill9Import.test.ts.)
 */
const t = createTestApp();
const databasePad = t.db.$client.name;
const map = dirname(databasePad);
t.db.$client.close();
const env = { DATABASE_PATH: databasePad };
afterAll(() => {
  rmSync(map, { recursive: true, force: true });
});

describe('kill -9 during a backup', () => {
  it('during a backup: no half file under the backup name; the next backup succeeds and clears the leftover', async () => {
    // Some weight, so that the copy takes a moment: 20 MB of outbox messages.
    const db = new Database(databasePad);
    const eml = 'x'.repeat(8_000);
    const zet = db.prepare('INSERT INTO uitgaande_mail (message_id, aan, onderwerp, tekst, eml) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2_500; i++) zet.run(`<vulling-${i}@test>`, 'vulling@test', 'vulling', 'vulling', eml);
    })();
    db.close();

    const voor = readFileSync(databasePad);
    const doel = join(map, 'backups', 'na-kill.sqlite');
    const b = spawnCli(['backup', doel], env);
    const deel = `${doel}.deel-${b.kind.pid}`;
    const begin = Date.now();
    while (!existsSync(deel) && Date.now() - begin < 30_000) await new Promise((r) => setImmediate(r));
    expect(existsSync(deel)).toBe(true);
    b.kind.kill('SIGKILL');
    expect((await b.klaar).code).toBe('SIGKILL');
    expect(existsSync(doel)).toBe(false);
    expect(existsSync(deel)).toBe(true); // the half copy, under its temporary name only

    const opnieuw = await runCli(['backup', doel], env);
    expect(opnieuw.code).toBe(0);
    expect(opnieuw.stdout.trim()).toBe(doel);
    expect(readdirSync(join(map, 'backups'))).toEqual(['na-kill.sqlite']);
    expect(queryEen<{ n: number }>(doel, 'SELECT count(*) AS n FROM uitgaande_mail').n).toBeGreaterThanOrEqual(2_500);

    // The backup only reads: the database file is byte for byte what it was.
    expect(readFileSync(databasePad).equals(voor)).toBe(true);
  }, 60_000);
});
