import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/verbinding';
import { readDataRevisie } from '../../src/db/transactie';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { contracteerruimtebesluiten, zorgkantoorregios } from '../../src/db/schema';

let map: string;
let db: Db;

function countRijen(db: Db): Record<string, number> {
  const tabellen = [
    'organisaties',
    'gebruikers',
    'zorgkantoorregios',
    'zorgaanbieders',
    'contracteerruimtebesluiten',
    'contracteerruimtebedragen',
    'tariefbeschikkingen',
    'zaken',
    'zaakgebeurtenissen',
  ];
  return Object.fromEntries(tabellen.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

beforeEach(() => {
  map = mkdtempSync(join(tmpdir(), 'termijnbewaking-db-'));
  db = openDatabase(join(map, 'sub', 'test.sqlite'), 'test-geheim-van-minstens-16');
});
afterEach(() => {
  db.$client.close();
  rmSync(map, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('creates the file under a new folder, in WAL mode with foreign keys on, migrations applied', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    const migraties = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(migraties.n).toBeGreaterThan(0);
  });

  it("seeds the 31 current zorgkantoorregio's of the CBS division and the 2 ended ones, idempotently (termijnregels §11)", () => {
    seedZorgkantoorregios(db);
    const revisie = readDataRevisie(db);
    seedZorgkantoorregios(db);
    expect(readDataRevisie(db)).toBe(revisie);
    const regios = db.select().from(zorgkantoorregios).all();
    const huidig = regios.filter((r) => r.geldigTot === null);
    expect(huidig).toHaveLength(31);
    expect(huidig.every((r) => /^ZK\d\d$/.test(r.code))).toBe(true);
    expect(new Set(huidig.map((r) => r.naam)).size).toBe(31);
    expect(regios.filter((r) => r.geldigTot !== null).map((r) => [r.code, r.opgevolgdDoor])).toEqual([
      ['ZK05', 'ZK33'],
      ['ZK15', 'ZK33'],
    ]);
    expect(regios.every((r) => r.zorgkantoor.length > 0)).toBe(true);
  });

  it('migration 0003 moves a database made with the old region list to the CBS codes, keeping decisions on their region', () => {
    // The rows as the old seed wrote them; then the migration's statements (the ALTERs already ran).
    db.$client.exec('DELETE FROM zorgkantoorregios');
    db.$client.exec(`INSERT INTO zorgkantoorregios (code, naam, zorgkantoor) VALUES ('09', 'Utrecht', 'x'), ('06', 'Apeldoorn/Zutphen e.o.', 'x'),
      ('21', 'Nieuwe Waterweg Noord', 'x'), ('31', 'Amersfoort', 'x')`);
    const sql = readFileSync(join(import.meta.dirname, '../../drizzle/0003_regio_geldigheid.sql'), 'utf8');
    for (const stap of sql
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s.includes('UPDATE')))
      db.$client.exec(stap);
    const rijen = db.$client.prepare('SELECT code, naam, geldig_tot AS geldigTot FROM zorgkantoorregios ORDER BY code').all();
    expect(rijen).toEqual([
      { code: 'GEEN-CBS-31', naam: 'Amersfoort', geldigTot: '1993-12-31' },
      { code: 'ZK03', naam: 'Apeldoorn/Zutphen', geldigTot: null },
      { code: 'ZK15', naam: 'Nieuwe Waterweg Noord', geldigTot: null },
      { code: 'ZK23', naam: 'Utrecht', geldigTot: null },
    ]);
    seedZorgkantoorregios(db);
    expect(db.$client.prepare("SELECT geldig_tot AS t FROM zorgkantoorregios WHERE code = 'ZK15'").get()).toEqual({ t: '2015-12-31' });
  });

  it('loads the demo data once: a second seed changes nothing', () => {
    seedZorgkantoorregios(db);
    seedDemoData(db);
    const eerst = countRijen(db);
    seedDemoData(db);
    expect(countRijen(db)).toEqual(eerst);
    expect(eerst.tariefbeschikkingen).toBeGreaterThanOrEqual(10);
    expect(eerst.contracteerruimtebedragen).toBeGreaterThan(31 * 6);
  });

  it('reopening the same file keeps the data (migrations are not re-applied)', () => {
    seedZorgkantoorregios(db);
    db.$client.close();
    db = openDatabase(join(map, 'sub', 'test.sqlite'), 'test-geheim-van-minstens-16');
    expect(
      db
        .select()
        .from(zorgkantoorregios)
        .all()
        .filter((r) => r.geldigTot === null),
    ).toHaveLength(31);
  });
});

describe('constraints in the database, not only in code', () => {
  beforeEach(() => {
    seedZorgkantoorregios(db);
    seedDemoData(db);
  });

  const weigert = (statement: string) => expect(() => db.$client.exec(statement)).toThrow(/constraint failed/i);

  it.each([
    [
      'an impossible date',
      `INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('X-1', 'vaststelling', '2026-02-01', '2026-02-30')`,
    ],
    [
      'a date as free text',
      `INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('X-2', 'vaststelling', 'gisteren', '2026-02-03')`,
    ],
    [
      'bekendmaking before the besluit',
      `INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('X-3', 'vaststelling', '2026-02-05', '2026-02-03')`,
    ],
    [
      'an unknown soort',
      `INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('X-4', 'sluittarief', '2026-02-01', '2026-02-03')`,
    ],
    [
      'a duplicate kenmerk of the same issuer',
      `INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES ('NZa/CR/2025-118', 'vaststelling', '2026-02-01', '2026-02-03')`,
    ],
    ['a year out of range', `INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (1, 1, 3026, 100)`],
    ['a negative amount', `INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (1, 1, 2030, -1)`],
    ['an unknown region (foreign key)', `INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (1, 999, 2030, 1)`],
    [
      'a tariefbeschikking with an unknown soort',
      `INSERT INTO tariefbeschikkingen (kenmerk, organisatie_id, zorgaanbieder_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES ('T-1', 1, (SELECT min(id) FROM zorgaanbieders WHERE organisatie_id = 1), 1, 2026, 'herziening', '2026-01-01', '2026-01-02')`,
    ],
    ['a KvK number that is not eight digits', `INSERT INTO zorgaanbieders (naam, kvk_nummer, organisatie_id) VALUES ('X', '1234', 1)`],
    [
      'bezwaar against a contracteerruimtebesluit (art. 7:1 Awb, Bijlage 1)',
      `INSERT INTO zaken (soort, organisatie_id, contracteerruimtebesluit_id, tariefbeschikking_id) VALUES ('bezwaar', 1, 1, (SELECT min(id) FROM tariefbeschikkingen WHERE organisatie_id = 1))`,
    ],
    [
      'beroep without region and year',
      `INSERT INTO zaken (soort, organisatie_id, tariefbeschikking_id) VALUES ('beroep', 1, (SELECT min(id) FROM tariefbeschikkingen WHERE organisatie_id = 1))`,
    ],
    [
      'a CBb zaaknummer on a bezwaar',
      `INSERT INTO zaken (soort, organisatie_id, tariefbeschikking_id, cbb_zaaknummer) VALUES ('bezwaar', 1, (SELECT min(id) FROM tariefbeschikkingen WHERE organisatie_id = 1), '26/1')`,
    ],
    [
      'an uitspraak before the beroep was filed',
      `INSERT INTO zaken (soort, organisatie_id, tariefbeschikking_id, regio_id, jaar, status, ingesteld, afgerond) VALUES ('beroep', 1, (SELECT min(id) FROM tariefbeschikkingen WHERE organisatie_id = 1), 1, 2026, 'afgerond', '2026-05-01', '2026-04-01')`,
    ],
    [
      'status ingediend without a filing date',
      `INSERT INTO zaken (soort, organisatie_id, tariefbeschikking_id, status) VALUES ('bezwaar', 1, (SELECT min(id) FROM tariefbeschikkingen WHERE organisatie_id = 1), 'ingediend')`,
    ],
  ])('rejects %s', (_wat, statement) => weigert(statement));

  it('cascades amounts when a besluit is removed', () => {
    const id = db.select({ id: contracteerruimtebesluiten.id }).from(contracteerruimtebesluiten).limit(1).get()!.id;
    db.run(sql`DELETE FROM zaken WHERE contracteerruimtebesluit_id = ${id}`);
    db.run(sql`DELETE FROM contracteerruimtebesluiten WHERE id = ${id}`);
    const rest = db.$client.prepare('SELECT count(*) AS n FROM contracteerruimtebedragen WHERE besluit_id = ?').get(id) as { n: number };
    expect(rest.n).toBe(0);
  });
});
