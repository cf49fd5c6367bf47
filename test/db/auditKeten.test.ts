import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/verbinding';
import { writeTransaction } from '../../src/db/transactie';
import { createHash } from 'node:crypto';
import { checkAuditKeten as checkMetSleutel, computeAuditHash, deriveAuditSleutel } from '../../src/db/auditKeten';
import { OPERATOR, recordAudit } from '../../src/services/gedeeld/auditService';
import { runCli, spawnServer, startServer } from '../support/serverProces';
import { createOudeDatabase } from '../support/oudeDatabase';

/**
 * Issue 28.6: the audit log refuses REPLACE, UPDATE and DELETE — also from a connection that does not turn recursive
 * triggers on (the sqlite3 shell) — and is a hash chain: a forged or back-dated entry is found by `cli -- audit
 * controleer` (exit 1, naming the first broken entry) and by the server's start check; entries written before the
 * chain existed are chained by the connection set-up.
 */
const GEHEIM = 'test-geheim-van-minstens-16';
const SLEUTEL = deriveAuditSleutel(GEHEIM);
const checkAuditKeten = (s: Database.Database) => checkMetSleutel(s, SLEUTEL);
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-auditketen-'));
afterAll(() => rmSync(map, { recursive: true, force: true }));

function nieuweDb(naam: string, regels = 3): { db: Db; pad: string } {
  const pad = join(map, `${naam}.sqlite`);
  const db = openDatabase(pad, GEHEIM);
  for (let i = 0; i < regels; i++)
    writeTransaction(db, (tx) => recordAudit(tx, OPERATOR, { actie: 'test', onderwerp: 'organisatie', onderwerpId: i, wijzigingen: { i: [null, i] } }));
  return { db, pad };
}

/** A connection as the sqlite3 shell makes one: no recursive triggers, none of our set-up. */
const shell = (pad: string) => new Database(pad);

const laatste = (s: Database.Database) =>
  s.prepare('SELECT id, op, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; op: string; hash: string };

describe('the audit log refuses every rewrite', () => {
  const { db, pad } = nieuweDb('herschrijven');
  const s = shell(pad);
  afterAll(() => (s.close(), db.$client.close()));
  const voor = () => JSON.stringify(s.prepare('SELECT * FROM audit_log ORDER BY id').all());

  it.each([
    ['REPLACE INTO', "REPLACE INTO audit_log (id, gebruiker_naam, actie, onderwerp, wijzigingen) VALUES (1, 'x', 'vervalst', 'zaak', '{}')"],
    ['INSERT OR REPLACE', "INSERT OR REPLACE INTO audit_log (id, gebruiker_naam, actie, onderwerp, wijzigingen) VALUES (2, 'x', 'vervalst', 'zaak', '{}')"],
    ['UPDATE', "UPDATE audit_log SET actie = 'vervalst' WHERE id = 1"],
    ['UPDATE of the hash', "UPDATE audit_log SET hash = 'x' WHERE id = 1"],
    ['DELETE', 'DELETE FROM audit_log WHERE id = 3'],
    ['an insert without hash', "INSERT INTO audit_log (gebruiker_naam, actie, onderwerp) VALUES ('x', 'vervalst', 'zaak')"],
  ])('%s is refused from a shell, and nothing changes', (_soort, sql) => {
    const inhoud = voor();
    expect(() => s.exec(sql)).toThrow(/auditlog kan/);
    expect(voor()).toBe(inhoud);
  });

  it('REPLACE is refused on the app connection too (recursive triggers on)', () => {
    expect(db.$client.pragma('recursive_triggers', { simple: true })).toBe(1);
    expect(() => db.$client.exec("REPLACE INTO audit_log (id, gebruiker_naam, actie, onderwerp) VALUES (1, 'x', 'vervalst', 'zaak')")).toThrow(/auditlog kan/);
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 3 });
  });
});

const inhoudVan = (r: unknown[]) => ({
  op: r[0] as string,
  gebruikerId: null,
  gebruikerNaam: r[2] as string,
  organisatieId: null,
  actie: r[4] as string,
  onderwerp: r[5] as string,
  onderwerpId: null,
  wijzigingen: r[7] as string,
});

describe('the hash chain', () => {
  it('each entry carries the hash of its predecessor', () => {
    const { db } = nieuweDb('keten');
    const rijen = db.$client.prepare('SELECT vorige_hash AS v, hash AS h FROM audit_log ORDER BY id').all() as { v: string | null; h: string }[];
    expect(rijen).toHaveLength(3);
    expect(rijen[0]!.v).toBeNull();
    expect(rijen[1]!.v).toBe(rijen[0]!.h);
    expect(rijen[2]!.v).toBe(rijen[1]!.h);
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 3 });
    db.$client.close();
  });

  it('cli -- audit controleer: exit 0 when intact, exit 1 naming a forged entry', async () => {
    const { db, pad } = nieuweDb('cli');
    db.$client.close();
    const goed = await runCli(['audit', 'controleer'], { DATABASE_PATH: pad });
    expect(goed).toMatchObject({ code: 0, stdout: 'Auditlog intact: 3 regels.\n' });
    // Forged from a shell: linked to the newest entry (the trigger lets that through) but not hashed as the app does.
    const s = shell(pad);
    const kop = laatste(s);
    s.prepare("INSERT INTO audit_log (gebruiker_naam, actie, onderwerp, vorige_hash, hash) VALUES ('x', 'vervalst', 'zaak', ?, ?)").run(
      kop.hash,
      'f'.repeat(64),
    );
    s.close();
    const fout = await runCli(['audit', 'controleer'], { DATABASE_PATH: pad });
    expect(fout.code).toBe(1);
    expect(fout.stderr).toContain('Auditlog verbroken bij regel id 4');
    expect(fout.stderr).toContain('de inhoud past niet bij de hash');
  }, 60_000);

  it('entries cut off at the end are found too (the chain alone cannot show that)', () => {
    const { db, pad } = nieuweDb('afgeknipt');
    const s = shell(pad);
    s.exec('DROP TRIGGER audit_log_geen_verwijdering; DELETE FROM audit_log WHERE id = 3');
    s.close();
    const uitkomst = checkAuditKeten(db.$client);
    expect(uitkomst).toMatchObject({ intact: false, id: 3 });
    expect(uitkomst.intact || uitkomst.reden).toContain('ontbreken: verwijderd');
    db.$client.close();
  });

  it('a back-dated entry is found even with a well-formed hash', () => {
    const { db, pad } = nieuweDb('teruggedateerd');
    const s = shell(pad);
    const kop = laatste(s);
    const inhoud = {
      op: '2020-01-01T00:00:00.000Z',
      gebruikerId: null,
      gebruikerNaam: 'x',
      organisatieId: null,
      actie: 'vervalst',
      onderwerp: 'zaak',
      onderwerpId: null,
      wijzigingen: '{}',
    };
    s.prepare('INSERT INTO audit_log (op, gebruiker_naam, actie, onderwerp, vorige_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
      inhoud.op,
      inhoud.gebruikerNaam,
      inhoud.actie,
      inhoud.onderwerp,
      kop.hash,
      computeAuditHash(SLEUTEL, kop.hash, inhoud),
    );
    s.close();
    const uitkomst = checkAuditKeten(db.$client);
    expect(uitkomst).toMatchObject({ intact: false, id: 4 });
    expect(uitkomst.intact || uitkomst.reden).toContain('teruggedateerd');
    db.$client.close();
  });

  it.each([
    [
      'plain SHA-256 (no key)',
      (vorige: string | null, inhoud: unknown[]) =>
        createHash('sha256')
          .update(JSON.stringify([vorige, ...inhoud]))
          .digest('hex'),
    ],
    [
      'HMAC with another SESSION_SECRET',
      (vorige: string | null, inhoud: unknown[]) => computeAuditHash(deriveAuditSleutel('een-ander-geheim-van-16+'), vorige, inhoudVan(inhoud)),
    ],
  ])('a forged entry whose hash is computed as %s is found (the chain is keyed)', (_soort, hashVan) => {
    const { db, pad } = nieuweDb(`vervalst-${_soort.length}`);
    const s = shell(pad);
    const kop = laatste(s);
    // Linked to the newest entry, dated after it, hashed exactly as the unkeyed chain of the previous version did.
    const inhoud = [new Date(Date.parse(kop.op) + 1000).toISOString(), null, 'x', null, 'vervalst', 'zaak', null, '{}'];
    s.prepare(
      'INSERT INTO audit_log (op, gebruiker_id, gebruiker_naam, organisatie_id, actie, onderwerp, onderwerp_id, wijzigingen, vorige_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(...inhoud, kop.hash, hashVan(kop.hash, inhoud));
    s.close();
    const uitkomst = checkAuditKeten(db.$client);
    expect(uitkomst).toMatchObject({ intact: false, id: 4 });
    expect(uitkomst.intact || uitkomst.reden).toContain('de inhoud past niet bij de hash');
    db.$client.close();
  });

  it('audit controleer with another SESSION_SECRET does not find the chain intact', async () => {
    const { db, pad } = nieuweDb('ander-geheim');
    db.$client.close();
    const fout = await runCli(['audit', 'controleer'], { DATABASE_PATH: pad, SESSION_SECRET: 'een-ander-geheim-van-16+' });
    expect(fout.code).toBe(1);
    expect(fout.stderr).toContain('Auditlog verbroken bij regel id 1');
  }, 60_000);

  it('the server refuses to start on a broken chain, the file unchanged', async () => {
    const { db, pad } = nieuweDb('start');
    db.$client.close();
    const kapot = join(map, 'start-kapot.sqlite');
    copyFileSync(pad, kapot);
    const s = shell(kapot);
    // Someone with the file drops the guard and rewrites an entry: the start check finds it.
    s.exec('DROP TRIGGER audit_log_geen_wijziging; UPDATE audit_log SET wijzigingen = \'{"i":99}\' WHERE id = 2');
    s.close();
    const voor = readFileSync(kapot);
    const p = await spawnServer(kapot);
    const stop = setTimeout(() => p.kind.kill(), 30_000); // a server that does start is stopped, not left running
    expect(await p.einde).toBe(65);
    clearTimeout(stop);
    expect(p.uitvoer()).toContain('Het auditlog van');
    expect(p.uitvoer()).toContain('niet intact vanaf regel 2');
    expect(readFileSync(kapot).equals(voor)).toBe(true);
  }, 60_000);
});

describe('entries from before the chain', () => {
  it('are chained by the connection set-up, and the chain then holds', () => {
    // A database as the previous version left it: migrations up to 0010, entries without hash.
    const s = createOudeDatabase(map, 'oud.sqlite', '0011');
    const pad = s.name;
    for (let i = 0; i < 4; i++)
      s.prepare("INSERT INTO audit_log (gebruiker_naam, actie, onderwerp, wijzigingen) VALUES ('oud', 'test', 'zaak', ?)").run(`{"i":${i}}`);
    s.close();

    const db = openDatabase(pad, GEHEIM);
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 4 });
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL').get()).toEqual({ n: 0 });
    writeTransaction(db, (tx) => recordAudit(tx, OPERATOR, { actie: 'na', onderwerp: 'organisatie', wijzigingen: {} }));
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 5 });
    // Once chained, no entry can be given another hash.
    expect(() => db.$client.exec("UPDATE audit_log SET hash = 'x' WHERE id = 1")).toThrow(/auditlog kan/);
    db.$client.close();
  });
});

describe('the boundary of the chain (issue 28 review): entries are chained exactly once', () => {
  it('a log rewritten with empty hashes is not given fresh hashes at the next start: it stays a break', () => {
    const { db, pad } = nieuweDb('herketend');
    db.$client.close();
    const s = shell(pad);
    // Someone with the file drops the guard, rewrites the log and empties every hash.
    s.exec('DROP TRIGGER audit_log_geen_wijziging; UPDATE audit_log SET vorige_hash = NULL, hash = NULL, wijzigingen = \'{"i":99}\'');
    s.close();
    const weer = openDatabase(pad, GEHEIM);
    expect(weer.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL').get()).toEqual({ n: 3 });
    const uitkomst = checkAuditKeten(weer.$client);
    expect(uitkomst).toMatchObject({ intact: false, id: 1 });
    expect(uitkomst.intact || uitkomst.reden).toContain('regel zonder hash');
    weer.$client.close();
  });

  it('the boundary is sealed at the first start and cannot be changed or removed', () => {
    const { db } = nieuweDb('grens');
    expect(db.$client.prepare('SELECT tot_id AS totId, hash IS NOT NULL AS verzegeld FROM audit_keten_grens').all()).toEqual([{ totId: 0, verzegeld: 1 }]);
    expect(() => db.$client.exec('UPDATE audit_keten_grens SET tot_id = 3')).toThrow(/grens van het auditlog/);
    expect(() => db.$client.exec('UPDATE audit_keten_grens SET hash = NULL')).toThrow(/grens van het auditlog/);
    expect(() => db.$client.exec('DELETE FROM audit_keten_grens')).toThrow(/grens van het auditlog/);
    db.$client.close();
  });

  it('an old database whose audit times once stepped backwards is chained, checked intact and starts', async () => {
    const s = createOudeDatabase(map, 'oud-terug.sqlite', '0011');
    const pad = s.name;
    for (const op of ['2024-03-01T10:00:00.000Z', '2024-03-01T09:00:00.000Z', '2024-03-02T08:00:00.000Z'])
      s.prepare("INSERT INTO audit_log (op, gebruiker_naam, actie, onderwerp, wijzigingen) VALUES (?, 'oud', 'test', 'zaak', '{}')").run(op);
    s.close();
    const db = openDatabase(pad, GEHEIM);
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 3 });
    expect(db.$client.prepare('SELECT tot_id AS totId FROM audit_keten_grens').get()).toEqual({ totId: 3 });
    writeTransaction(db, (tx) => recordAudit(tx, OPERATOR, { actie: 'na', onderwerp: 'organisatie', wijzigingen: {} }));
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 4 });
    db.$client.close();
    const server = await startServer(pad);
    server.kind.kill();
    await server.einde;
  }, 60_000);

  /** A database as the unkeyed chain of migrations 0011-0012 left it: entries hashed with plain SHA-256. */
  function unkeyedDatabase(naam: string, vervalst = false) {
    const s = createOudeDatabase(map, naam, '0013');
    let vorige: string | null = null;
    for (let i = 0; i < 3; i++) {
      const rij = [`2025-01-0${i + 1}T10:00:00.000Z`, null, 'oud', null, 'test', 'zaak', null, `{"i":${i}}`];
      const hash: string = createHash('sha256')
        .update(JSON.stringify([vorige, ...rij]))
        .digest('hex');
      s.prepare(
        'INSERT INTO audit_log (op, gebruiker_id, gebruiker_naam, organisatie_id, actie, onderwerp, onderwerp_id, wijzigingen, vorige_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...rij, vorige, vervalst && i === 1 ? 'f'.repeat(64) : hash);
      vorige = vervalst && i === 1 ? 'f'.repeat(64) : hash;
    }
    return s;
  }

  it('a log chained by the unkeyed version (0011-0012) is checked as it is, then re-chained with the key once', async () => {
    const s = unkeyedDatabase('ongesleuteld.sqlite');
    const pad = s.name;
    expect(checkAuditKeten(s)).toEqual({ intact: true, aantal: 3 });
    const oudeHashes = s.prepare('SELECT hash FROM audit_log ORDER BY id').pluck().all();
    s.close();
    const db = openDatabase(pad, GEHEIM);
    expect(db.$client.prepare('SELECT tot_id AS totId FROM audit_keten_grens').get()).toEqual({ totId: 3 });
    const nieuweHashes = db.$client.prepare('SELECT hash FROM audit_log ORDER BY id').pluck().all();
    expect(nieuweHashes.some((h, i) => h === oudeHashes[i])).toBe(false);
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 3 });
    writeTransaction(db, (tx) => recordAudit(tx, OPERATOR, { actie: 'na', onderwerp: 'organisatie', wijzigingen: {} }));
    expect(checkAuditKeten(db.$client)).toEqual({ intact: true, aantal: 4 });
    db.$client.close();
    const server = await startServer(pad);
    server.kind.kill();
    await server.einde;
  }, 60_000);

  it('a forged entry in an unkeyed log is found before the upgrade, and is not re-chained', () => {
    const s = unkeyedDatabase('ongesleuteld-vervalst.sqlite', true);
    const pad = s.name;
    expect(checkAuditKeten(s)).toMatchObject({ intact: false, id: 2 });
    s.close();
    expect(() => openDatabase(pad, GEHEIM)).toThrow(/entry 2 before the boundary is broken/);
  });
});
