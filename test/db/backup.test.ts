import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { backupBestandsnaam, findLevendeServers, claimDatabase, makeBackupVanVerbinding, removeOudeBackups } from '../../src/db/backup';
import { checkDatabaseBestand } from '../../src/db/databaseControle';
import { startDagelijkseBackup } from '../../src/server/dagelijkseBackup';
import { createLogger } from '../../src/log/logger';
import { readAlleRijen } from '../support/databaseInhoud';

let map: string;
let db: Db;
beforeEach(() => {
  map = mkdtempSync(join(tmpdir(), 'termijnbewaking-backup-'));
  db = openDatabase(join(map, 'app.sqlite'), 'test-geheim-van-minstens-16');
  seedZorgkantoorregios(db);
  seedDemoData(db);
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  rmSync(map, { recursive: true, force: true });
});

const DAG = 86_400_000;

describe('the server’s daily backup', () => {
  it('copies from its own connection while that connection keeps writing: the copy is complete and verified', async () => {
    const zet = db.$client.prepare("INSERT INTO uitgaande_mail (message_id, aan, onderwerp, tekst, eml) VALUES (?, 'x', 'x', 'x', ?)");
    let i = 0;
    let doorgaan = true;
    const schrijver = (async () => {
      while (doorgaan) {
        zet.run(`<${i++}@t>`, 'y'.repeat(4000));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const doel = join(map, 'backups', backupBestandsnaam(new Date('2026-11-30T01:02:03Z')));
    expect(doel).toMatch(/termijnbewaking-20261130-010203\.sqlite$/);
    const u = await makeBackupVanVerbinding(db.$client, doel);
    doorgaan = false;
    await schrijver;
    expect(u.pad).toBe(doel);
    expect(u.bytes).toBe(statSync(doel).size);
    expect(checkDatabaseBestand(doel, { volledig: true })).toMatchObject({ onbekend: 0, nogToeTePassen: 0 });
    expect(readdirSync(join(map, 'backups'))).toEqual([doel.split('/').at(-1)]);
    expect((statSync(doel).mode & 0o777).toString(8)).toBe('600');
    // Once the writes stop, a second copy equals the database table for table.
    const tweede = join(map, 'backups', 'tweede.sqlite');
    await makeBackupVanVerbinding(db.$client, tweede);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(readAlleRijen(tweede)).toEqual(readAlleRijen(join(map, 'app.sqlite')));
  });

  it('keeps backups BACKUP_BEWAAR_DAGEN days, always the newest, and clears half copies of dead processes', () => {
    const b = join(map, 'backups');
    mkdirSync(b);
    const nu = Date.parse('2026-11-30T03:00:00Z');
    const namen = [40, 20, 13, 1].map((dagen) => {
      const naam = backupBestandsnaam(new Date(nu - dagen * DAG));
      writeFileSync(join(b, naam), 'x');
      utimesSync(join(b, naam), (nu - dagen * DAG) / 1000, (nu - dagen * DAG) / 1000);
      return naam;
    });
    writeFileSync(join(b, 'eigen-bestand.txt'), 'blijft');
    writeFileSync(join(b, `${namen[3]}.deel-999999999`), 'half');
    writeFileSync(join(b, `${namen[3]}.deel-${process.pid}`), 'bezig');
    removeOudeBackups(b, 14, nu);
    expect(readdirSync(b).sort()).toEqual([namen[2], namen[3], 'eigen-bestand.txt', `${namen[3]}.deel-${process.pid}`].sort());
    // The newest stays whatever its age.
    removeOudeBackups(b, 0, nu + 100 * DAG);
    expect(readdirSync(b).filter((n) => n.startsWith('termijnbewaking-'))).toEqual([namen[3], `${namen[3]}.deel-${process.pid}`]);
  });

  it('makes a backup when the newest is a day old, not before', async () => {
    let nu = Date.now();
    const regels: string[] = [];
    const log = createLogger('info', { write: (r: string) => void regels.push(r) });
    const b = join(map, 'backups');
    const taak = startDagelijkseBackup(db.$client, { map: b, bewaarDagen: 7 }, log, { eersteNaMs: 60_000, elkeMs: 60_000, nuMs: () => nu });
    try {
      await taak.ronde();
      expect(readdirSync(b)).toHaveLength(1);
      nu += DAG / 2;
      await taak.ronde();
      expect(readdirSync(b)).toHaveLength(1);
      nu += DAG;
      await taak.ronde();
      expect(readdirSync(b)).toHaveLength(2);
      expect(regels.filter((r) => r.includes('Daily backup made and verified'))).toHaveLength(2);
    } finally {
      await taak.stop();
    }
  });
});

describe('the server’s hold on the database file', () => {
  it('marks the file while it runs; a mark of a dead process is stale', () => {
    const pad = join(map, 'app.sqlite');
    const los = claimDatabase(pad);
    expect(existsSync(`${pad}.server-${process.pid}.pid`)).toBe(true);
    los();
    expect(existsSync(`${pad}.server-${process.pid}.pid`)).toBe(false);
    writeFileSync(`${pad}.server-999999999.pid`, '999999999');
    writeFileSync(`${pad}.server-1.pid`, '1'); // pid 1 lives (init)
    expect(findLevendeServers(pad)).toEqual([1]);
    expect(existsSync(`${pad}.server-999999999.pid`)).toBe(false);
  });
});
