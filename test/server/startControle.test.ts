import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp';
import { spawnServer, startServer } from '../support/serverProces';

/**
 * Issue 12 point 2: the server checks its database file read-only before anything writes to it. A corrupt file, a
 * file that is no SQLite database, and a file from a newer version (a migration this version does not ship) each stop
 * the start with a Dutch and an English message naming the file and what to do; exit non-zero; the file byte-equal.
 */
const t = createTestApp();
const goed = t.db.$client.name;
t.db.$client.close(); // checkpointed: the file alone is the database
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-startcontrole-'));
afterAll(() => {
  rmSync(map, { recursive: true, force: true });
  t.sluit();
});

async function startOp(pad: string) {
  const voor = readFileSync(pad);
  const p = await spawnServer(pad);
  const code = await p.einde;
  return { code, uitvoer: p.uitvoer(), ongewijzigd: readFileSync(pad).equals(voor) };
}

function kopie(naam: string) {
  const pad = join(map, naam, 'app.sqlite');
  mkdirSync(join(map, naam));
  copyFileSync(goed, pad);
  return pad;
}

describe('the database file is checked at start', () => {
  it('refuses a corrupt file', async () => {
    const pad = kopie('beschadigd');
    const pagina = 4096;
    const aantal = statSync(pad).size / pagina;
    expect(aantal).toBeGreaterThan(20);
    // Garbage over pages in the middle of the file (table and index b-tree pages); page 1 (the schema) stays.
    const fd = openSync(pad, 'r+');
    writeSync(fd, Buffer.alloc(pagina * 6, 0x5a), 0, pagina * 6, pagina * Math.floor(aantal / 2));
    closeSync(fd);
    const r = await startOp(pad);
    expect(r.code).toBe(65);
    expect(r.uitvoer).toContain(`De database ${pad} is beschadigd`);
    expect(r.uitvoer).toContain(`The database ${pad} is corrupt`);
    expect(r.uitvoer).toContain('npm run -s cli -- herstel BESTAND');
    expect(r.uitvoer).toContain('Restore a good backup');
    expect(r.uitvoer).not.toContain('serving');
    expect(r.ongewijzigd).toBe(true);
  }, 30_000);

  it('refuses a file that is no SQLite database', async () => {
    const pad = join(map, 'geen.sqlite');
    writeFileSync(pad, 'kenmerk;soort;besluitdatum\n'.repeat(500));
    const r = await startOp(pad);
    expect(r.code).toBe(65);
    expect(r.uitvoer).toContain(`${pad} is geen SQLite-database`);
    expect(r.uitvoer).toContain(`${pad} is not an SQLite database`);
    expect(r.ongewijzigd).toBe(true);
  }, 30_000);

  it('refuses a file from a newer version (a migration this version does not know)', async () => {
    const pad = kopie('nieuwer');
    const db = new Database(pad);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('een-latere-migratie', 4102444800000);
    db.close();
    const r = await startOp(pad);
    expect(r.code).toBe(65);
    expect(r.uitvoer).toContain(`De database ${pad} komt van een nieuwere versie van Termijnbewaking (1 migratie(s) die deze versie niet kent)`);
    expect(r.uitvoer).toContain(`The database ${pad} comes from a newer version`);
    expect(r.ongewijzigd).toBe(true);
    // No server mark left behind.
    expect(readdirSync(join(map, 'nieuwer')).filter((n) => n.includes('.server-'))).toEqual([]);
  }, 30_000);
});

describe('the server start seals what older versions stored in plain text (issue 28.6)', () => {
  it('encrypts a plain TOTP secret before it serves', async () => {
    const pad = kopie('totp-oud');
    const db = new Database(pad);
    // As an older version stored it: the base32 secret itself.
    db.prepare("UPDATE inloggegevens SET totp_geheim = 'JBSWY3DPEHPK3PXPJBSWY3DP' WHERE gebruiker_id = (SELECT id FROM gebruikers WHERE email = ?)").run(
      'j.kuipers@vandamkuipers.example',
    );
    db.close();
    const server = await startServer(pad);
    server.kind.kill('SIGTERM');
    expect(await server.einde).toBe(0);
    expect(server.uitvoer()).toContain('Encrypted TOTP secrets stored in plain text by an older version');
    const na = new Database(pad, { readonly: true });
    const rijen = na.prepare('SELECT totp_geheim AS g FROM inloggegevens WHERE totp_geheim IS NOT NULL').all() as { g: string }[];
    na.close();
    expect(rijen).toHaveLength(1);
    expect(rijen[0]!.g).toMatch(/^v1\./);
    expect(rijen[0]!.g).not.toContain('JBSWY3DP');
  }, 60_000);
});
