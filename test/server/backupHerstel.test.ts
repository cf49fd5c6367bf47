import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, tariefbeschikkingJson } from '../support/testApp';
import { runCli, startServer, type ServerProces } from '../support/serverProces';
import { queryEen, readAlleRijen } from '../support/databaseInhoud';

/**
 * Issue 12 point 1: `backup` takes a consistent copy while a real server process keeps writing; `herstel` refuses while
 * a server holds the database, keeps the replaced file aside, and puts the backup back with every table's rows equal.
 */
const t = createTestApp();
const bearer = t.aanmelding(DEMO.advocaat).bearer;
const databasePad = t.db.$client.name;
const map = dirname(databasePad);
t.db.$client.close(); // from here on only the processes under test touch the file
const env = { DATABASE_PATH: databasePad, BACKUP_MAP: join(map, 'backups') };
let server: ServerProces | undefined;
afterAll(() => {
  server?.kind.kill('SIGKILL');
  rmSync(map, { recursive: true, force: true });
});

const tbLast = (pad: string) =>
  queryEen<{ n: number; audit: number }>(
    pad,
    `SELECT (SELECT count(*) FROM tariefbeschikkingen WHERE kenmerk LIKE 'LAST/%') AS n,
            (SELECT count(*) FROM audit_log a JOIN tariefbeschikkingen t ON a.onderwerp = 'tariefbeschikking' AND a.onderwerp_id = t.id
              WHERE t.kenmerk LIKE 'LAST/%') AS audit`,
  );

async function stopServer() {
  server!.kind.kill('SIGTERM');
  expect(await server!.einde).toBe(0);
  server = undefined;
}

describe('backup and restore', () => {
  let onderLast = '';
  let schrijvingen = 0;

  it('backs up while a server process keeps writing: a verified copy of one moment, under its final name only when complete', async () => {
    server = await startServer(databasePad);
    let doorgaan = true;
    const schrijver = (async () => {
      while (doorgaan) {
        const r = await fetch(`${server!.url}/api/v1/besluiten`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
          body: tariefbeschikkingJson(`LAST/${schrijvingen}`),
        });
        expect(r.status).toBe(201);
        schrijvingen++;
      }
    })();
    while (schrijvingen < 15) await new Promise((r) => setTimeout(r, 20));
    const voor = schrijvingen;
    onderLast = join(map, 'onder-last.sqlite');
    const b = await runCli(['backup', onderLast], env);
    const na = schrijvingen;
    doorgaan = false;
    await schrijver;

    expect(b.stderr).toContain('Backup gemaakt en gecontroleerd (integrity_check ok');
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe(onderLast);
    expect(readdirSync(map).filter((n) => n.includes('.deel-'))).toEqual([]);
    // One moment: every tariefbeschikking in the copy has its audit entry (written in the same transaction).
    const inKopie = tbLast(onderLast);
    expect(inKopie.n).toBeGreaterThanOrEqual(voor);
    expect(inKopie.n).toBeLessThanOrEqual(na);
    expect(inKopie.audit).toBe(inKopie.n);
    expect(queryEen<{ integrity_check: string }>(onderLast, 'PRAGMA integrity_check').integrity_check).toBe('ok');
    // A self-contained file: no -wal belongs to it.
    expect(existsSync(`${onderLast}-wal`)).toBe(false);
  }, 60_000);

  it('refuses to restore while a server holds the database, and changes nothing', async () => {
    const r = await runCli(['herstel', onderLast], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('De backup is niet teruggezet; er is niets gewijzigd');
    expect(r.stderr).toMatch(/a server \(process \d+\) holds/);
    expect(readdirSync(map).filter((n) => n.includes('voor-herstel') || n.includes('.herstel'))).toEqual([]);
    expect(tbLast(databasePad).n).toBe(schrijvingen);
  }, 30_000);

  it('restores a backup after the server stopped: every table equal, the replaced file kept aside and still readable', async () => {
    await stopServer();
    const voorHerstel = readAlleRijen(databasePad);
    // The default name: BACKUP_MAP/termijnbewaking-JJJJMMDD-UUMMSS.sqlite.
    const b = await runCli(['backup'], env);
    expect(b.code).toBe(0);
    const standaard = b.stdout.trim();
    expect(standaard).toMatch(new RegExp(`^${join(map, 'backups')}/termijnbewaking-\\d{8}-\\d{6}\\.sqlite$`));
    expect(readAlleRijen(standaard)).toEqual(voorHerstel);

    // Restore the copy made under load: the database becomes exactly that copy.
    const inKopie = readAlleRijen(onderLast);
    const h = await runCli(['herstel', onderLast], env);
    expect(h.stderr).toContain('teruggezet');
    expect(h.code).toBe(0);
    expect(readAlleRijen(databasePad)).toEqual(inKopie);
    const opzij = readdirSync(map).filter((n) => /\.voor-herstel-\d{8}-\d{6}$/.test(n));
    expect(opzij).toHaveLength(1);
    expect(h.stderr).toContain(opzij[0]);
    expect(readAlleRijen(join(map, opzij[0]!))).toEqual(voorHerstel);

    // And back again to the later state: every table's rows equal the state before.
    const terug = await runCli(['herstel', standaard], env);
    expect(terug.code).toBe(0);
    expect(readAlleRijen(databasePad)).toEqual(voorHerstel);

    // The restored database serves.
    server = await startServer(databasePad);
    const lijst = (await (await fetch(`${server.url}/api/v1/besluiten?limit=1000`, { headers: { Authorization: `Bearer ${bearer}` } })).json()) as {
      tariefbeschikkingen: { kenmerk: string }[];
    };
    expect(lijst.tariefbeschikkingen.filter((b) => b.kenmerk.startsWith('LAST/'))).toHaveLength(schrijvingen);
    await stopServer();
  }, 60_000);

  it('refuses a file that is no backup without touching the database', async () => {
    const voor = readFileSync(databasePad);
    const kapot = join(map, 'geen-backup.sqlite');
    writeFileSync(kapot, 'dit is geen database\n'.repeat(100));
    const r = await runCli(['herstel', kapot], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is geen SQLite-database');
    expect(r.stderr).toContain('is not an SQLite database');
    expect(readFileSync(databasePad).equals(voor)).toBe(true);
  }, 30_000);
});
