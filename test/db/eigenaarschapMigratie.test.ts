import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import demo from '../../seed/demo.json';
import { openDatabase } from '../../src/db/verbinding';
import { ALLE_ZORGKANTOORREGIOS } from '../../src/domain/regios/zorgkantoorregios';
import { createOudeDatabase } from '../support/oudeDatabase';

/**
 * Issue 28.1, migration 0014: the shared client records and tariefbeschikkingen of a database as the previous version
 * left it — the demo data seeded the old way, plus the shapes real data has (a firm's registration for a client two
 * organisations act for, a case against another organisation's registration, the operator's rows, an orphan record) —
 * become per-organisation copies. Every organisation keeps every tariefbeschikking it read (so every date), every case
 * keeps its decision and client, now its own organisation's copies; the NZa keeps what it or the operator registered.
 */
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-eigenaarschap-'));
afterAll(() => rmSync(map, { recursive: true, force: true }));

type Rij = Record<string, unknown>;

/** The previous version's seed of seed/demo.json (src/db/seedDatabase.ts before issue 28), in plain SQL. */
function seedOudeDemo(s: Database.Database): void {
  const regio = s.prepare('INSERT INTO zorgkantoorregios (code, naam, zorgkantoor, zorgkantoor_geverifieerd, geldig_vanaf) VALUES (?, ?, ?, ?, ?)');
  for (const r of ALLE_ZORGKANTOORREGIOS.filter((r) => !r.geldigTot))
    regio.run(r.code, r.naam, r.zorgkantoor, r.zorgkantoorGeverifieerd ? 1 : 0, r.geldigVanaf);
  const regioId = (naam: string) => (s.prepare('SELECT id FROM zorgkantoorregios WHERE naam = ?').get(naam) as { id: number }).id;
  for (const o of demo.organisaties) s.prepare('INSERT INTO organisaties (naam, soort) VALUES (?, ?)').run(o.naam, o.soort);
  const orgId = (naam: string) => (s.prepare('SELECT id FROM organisaties WHERE naam = ?').get(naam) as { id: number }).id;
  const nza = orgId('Nederlandse Zorgautoriteit');
  for (const z of demo.zorgaanbieders) {
    const id = s
      .prepare('INSERT INTO zorgaanbieders (naam, kvk_nummer, adres, postcode, plaats) VALUES (?, ?, ?, ?, ?)')
      .run(z.naam, z.kvkNummer, z.adres, z.postcode, z.plaats).lastInsertRowid;
    for (const o of z.vertegenwoordigd) s.prepare('INSERT INTO vertegenwoordigingen (organisatie_id, zorgaanbieder_id) VALUES (?, ?)').run(orgId(o), id);
  }
  const zaId = (kvk: string) => (s.prepare('SELECT id FROM zorgaanbieders WHERE kvk_nummer = ?').get(kvk) as { id: number }).id;
  for (const b of demo.contracteerruimtebesluiten) {
    const id = s
      .prepare('INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt, geregistreerd_door) VALUES (?, ?, ?, ?, ?)')
      .run(b.kenmerk, b.soort, b.besluitdatum, b.bekendgemaakt, nza).lastInsertRowid;
    for (const a of b.bedragen)
      s.prepare('INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (?, ?, ?, ?)').run(
        id,
        regioId(a.regio),
        a.jaar,
        a.bedragCenten,
      );
  }
  const registrant = new Map(demo.zorgaanbieders.map((z) => [z.kvkNummer, z.vertegenwoordigd[0] ? orgId(z.vertegenwoordigd[0]) : nza]));
  const tb = s.prepare(
    'INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt, geregistreerd_door) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of demo.tariefbeschikkingen)
    tb.run(t.kenmerk, zaId(t.zorgaanbieder), regioId(t.regio), t.jaar, t.soort, t.besluitdatum, t.bekendgemaakt, registrant.get(t.zorgaanbieder));
  // What real data also holds: the operator's row (no registrant), an orphan record nobody acts for.
  tb.run('OPERATOR/TB-1', zaId('90000002'), regioId('Utrecht'), 2027, 'vaststelling', '2026-10-01', '2026-10-02', null);
  s.prepare("INSERT INTO zorgaanbieders (naam, kvk_nummer) VALUES ('Wees B.V.', '99999999')").run();
  const tbId = (kenmerk: string) => (s.prepare('SELECT id FROM tariefbeschikkingen WHERE kenmerk = ?').get(kenmerk) as { id: number }).id;
  const crId = (kenmerk: string) => (s.prepare('SELECT id FROM contracteerruimtebesluiten WHERE kenmerk = ?').get(kenmerk) as { id: number }).id;
  const zaak = s.prepare(
    'INSERT INTO zaken (soort, organisatie_id, zorgaanbieder_id, tariefbeschikking_id, contracteerruimtebesluit_id, regio_id, jaar, status, ingesteld, afgerond, cbb_zaaknummer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const z of demo.zaken as Rij[]) {
    zaak.run(
      z.soort,
      orgId(z.organisatie as string),
      zaId(z.zorgaanbieder as string),
      z.tariefbeschikking ? tbId(z.tariefbeschikking as string) : null,
      z.contracteerruimtebesluit ? crId(z.contracteerruimtebesluit as string) : null,
      z.regio ? regioId(z.regio as string) : null,
      z.jaar ?? null,
      z.status,
      z.ingesteld ?? null,
      z.afgerond ?? null,
      z.cbbZaaknummer ?? null,
    );
  }
  // The firm's case against a tariefbeschikking the in-house department registered (client of both).
  zaak.run('bezwaar', orgId('Van Dam & Kuipers Advocaten'), zaId('90000002'), tbId('NZa/TB/2026-1855'), null, null, null, 'concept', null, null, null);
}

/** What an organisation read before issue 28: the tariefbeschikkingen of the clients it acted for (the NZa: all). */
function leesOudZicht(s: Database.Database): Map<number, string[]> {
  const zicht = new Map<number, string[]>();
  for (const { id, soort } of s.prepare('SELECT id, soort FROM organisaties').all() as { id: number; soort: string }[]) {
    const rijen = s
      .prepare(
        `SELECT t.kenmerk || '|' || t.soort || '|' || t.regio_id || '|' || t.jaar || '|' || t.besluitdatum || '|' || t.bekendgemaakt || '|' || z.naam || '|' || z.kvk_nummer AS r,
           coalesce(t.geregistreerd_door, (SELECT min(id) FROM organisaties WHERE soort = 'nza')) AS registrant
         FROM tariefbeschikkingen t JOIN zorgaanbieders z ON z.id = t.zorgaanbieder_id
         WHERE ? = 'nza' OR t.zorgaanbieder_id IN (SELECT zorgaanbieder_id FROM vertegenwoordigingen WHERE organisatie_id = ?)`,
      )
      .all(soort, id) as { r: string; registrant: number }[];
    // The NZa keeps what it (or the operator) registered: a firm's registration reached it only through the sharing.
    zicht.set(
      id,
      rijen
        .filter((x) => soort !== 'nza' || x.registrant === id)
        .map((x) => x.r)
        .sort(),
    );
  }
  return zicht;
}

const leesZaken = (s: Database.Database) =>
  s
    .prepare(
      `SELECT k.id, k.organisatie_id AS org, z.kvk_nummer AS kvk, t.kenmerk AS tb, k.contracteerruimtebesluit_id AS cr, k.ingesteld, k.afgerond
       FROM zaken k LEFT JOIN zorgaanbieders z ON z.id = k.zorgaanbieder_id LEFT JOIN tariefbeschikkingen t ON t.id = k.tariefbeschikking_id ORDER BY k.id`,
    )
    .all();

describe('migration 0014: every fact gets an owner (issue 28.1)', () => {
  const pad = join(map, 'oud.sqlite');
  const oud = createOudeDatabase(map, 'oud.sqlite', '0014');
  seedOudeDemo(oud);
  const zichtVoor = leesOudZicht(oud);
  const zakenVoor = leesZaken(oud);
  oud.close();
  const db = openDatabase(pad, 'test-geheim-van-minstens-16');
  const s = db.$client;
  afterAll(() => s.close());

  it('gives every organisation exactly the tariefbeschikkingen it read, as its own rows with its own client records', () => {
    // NZa: 0355, 1702, 1871 and the operator's; the firm: all of its three clients'; the in-house department: its own.
    expect([...zichtVoor.values()].map((v) => v.length)).toEqual([4, 8, 4]);
    for (const [org, voor] of zichtVoor) {
      const na = (
        s
          .prepare(
            `SELECT t.kenmerk || '|' || t.soort || '|' || t.regio_id || '|' || t.jaar || '|' || t.besluitdatum || '|' || t.bekendgemaakt || '|' || z.naam || '|' || z.kvk_nummer AS r
             FROM tariefbeschikkingen t JOIN zorgaanbieders z ON z.id = t.zorgaanbieder_id AND z.organisatie_id = t.organisatie_id
             WHERE t.organisatie_id = ?`,
          )
          .pluck()
          .all(org) as string[]
      ).sort();
      expect(na).toEqual(voor);
    }
  });

  it('keeps every case, its dates, decision and client — now its own organisation’s copies', () => {
    expect(leesZaken(s)).toEqual(zakenVoor);
    const vreemd = s
      .prepare(
        `SELECT k.id FROM zaken k LEFT JOIN zorgaanbieders z ON z.id = k.zorgaanbieder_id LEFT JOIN tariefbeschikkingen t ON t.id = k.tariefbeschikking_id
         WHERE (z.id IS NOT NULL AND z.organisatie_id <> k.organisatie_id) OR (t.id IS NOT NULL AND t.organisatie_id <> k.organisatie_id)`,
      )
      .all();
    expect(vreemd).toEqual([]);
  });

  it('leaves no row without an owner, drops the orphan record and vertegenwoordigingen, and guards ownership from now on', () => {
    expect(s.prepare('SELECT count(*) FROM zorgaanbieders WHERE organisatie_id IS NULL').pluck().get()).toBe(0);
    expect(s.prepare('SELECT count(*) FROM tariefbeschikkingen WHERE organisatie_id IS NULL').pluck().get()).toBe(0);
    expect(s.prepare("SELECT count(*) FROM zorgaanbieders WHERE kvk_nummer = '99999999'").pluck().get()).toBe(0);
    expect(s.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'vertegenwoordigingen'").pluck().get()).toBe(0);
    expect(s.pragma('foreign_key_check')).toEqual([]);
    // The operator's row is the NZa's.
    expect(
      s.prepare("SELECT o.soort FROM tariefbeschikkingen t JOIN organisaties o ON o.id = t.organisatie_id WHERE t.kenmerk = 'OPERATOR/TB-1'").pluck().all(),
    ).toContain('nza');
    // A case may not name another organisation's client or tariefbeschikking; a record keeps its owner.
    const ander = s
      .prepare("SELECT id FROM tariefbeschikkingen WHERE organisatie_id = (SELECT id FROM organisaties WHERE soort = 'nza') LIMIT 1")
      .pluck()
      .get();
    const kantoor = s.prepare("SELECT id FROM organisaties WHERE naam = 'Van Dam & Kuipers Advocaten'").pluck().get();
    expect(() => s.prepare("INSERT INTO zaken (soort, organisatie_id, tariefbeschikking_id) VALUES ('bezwaar', ?, ?)").run(kantoor, ander)).toThrow(
      /eigen organisatie/,
    );
    expect(() => s.prepare('UPDATE zorgaanbieders SET organisatie_id = ? WHERE id = (SELECT min(id) FROM zorgaanbieders)').run(kantoor)).toThrow(
      /blijft van zijn organisatie|eigen/,
    );
  });
});

describe('no row of an owned table is replaced (issue 28 review)', () => {
  it('refuses INSERT OR REPLACE on an existing id of a tariefbeschikking, client record, case or received beroep', () => {
    const db = openDatabase(join(map, 'vervangen.sqlite'), 'test-geheim-van-minstens-16');
    const s = db.$client;
    s.exec(`INSERT INTO organisaties (naam, soort) VALUES ('A', 'advocatenkantoor'), ('B', 'advocatenkantoor');
      INSERT INTO zorgkantoorregios (code, naam, zorgkantoor, zorgkantoor_geverifieerd, geldig_vanaf) VALUES ('ZK01', 'Regio', 'ZK', 1, '2000-01-01');
      INSERT INTO zorgaanbieders (naam, kvk_nummer, organisatie_id) VALUES ('Client A', '11111111', 1), ('Client B', '22222222', 2);
      INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES ('TB-A', 1, 1, 1, 2026, 'vaststelling', '2026-01-01', '2026-01-02');
      INSERT INTO zaken (soort, organisatie_id, zorgaanbieder_id, tariefbeschikking_id) VALUES ('bezwaar', 1, 1, 1);`);
    expect(() =>
      s.exec(
        "INSERT OR REPLACE INTO tariefbeschikkingen (id, kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES (1, 'TB-B', 2, 2, 1, 2026, 'vaststelling', '2026-01-01', '2026-01-02')",
      ),
    ).toThrow(/niet vervangen/);
    expect(() => s.exec("REPLACE INTO zaken (id, soort, organisatie_id, zorgaanbieder_id) VALUES (1, 'bezwaar', 2, 2)")).toThrow(/niet vervangen/);
    expect(() => s.exec("REPLACE INTO zorgaanbieders (id, naam, kvk_nummer, organisatie_id) VALUES (1, 'X', '33333333', 2)")).toThrow(/niet vervangen/);
    expect(s.prepare('SELECT t.organisatie_id FROM zaken z JOIN tariefbeschikkingen t ON t.id = z.tariefbeschikking_id').pluck().get()).toBe(1);
    s.close();
  });
});

describe('migration 0014 at the edges (issue 28 review)', () => {
  it('gives operator rows an NZa owner even when another organisation bears the NZa’s name', () => {
    const pad = join(map, 'naam.sqlite');
    const oud = createOudeDatabase(map, 'naam.sqlite', '0014');
    oud.exec(`INSERT INTO organisaties (naam, soort) VALUES ('Nederlandse Zorgautoriteit', 'advocatenkantoor');
      INSERT INTO zorgkantoorregios (code, naam, zorgkantoor, zorgkantoor_geverifieerd, geldig_vanaf) VALUES ('ZK01', 'Regio', 'ZK', 1, '2000-01-01');
      INSERT INTO zorgaanbieders (naam, kvk_nummer) VALUES ('Client', '11111111');
      INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES ('OP-1', 1, 1, 2026, 'vaststelling', '2026-01-01', '2026-01-02');`);
    oud.close();
    const s = openDatabase(pad, 'test-geheim-van-minstens-16').$client;
    expect(
      s.prepare("SELECT o.naam, o.soort FROM tariefbeschikkingen t JOIN organisaties o ON o.id = t.organisatie_id WHERE t.kenmerk = 'OP-1'").get(),
    ).toEqual({ naam: 'Nederlandse Zorgautoriteit (NZa)', soort: 'nza' });
    s.close();
  });
});
