import type Database from 'better-sqlite3';

/** The demo's organisations by name (seed/demo.json). */
export const KANTOOR = 'Van Dam & Kuipers Advocaten';

/**
 * The id of one organisation's own copy of a demo tariefbeschikking (issue 28: every organisation that acts for the
 * client, and the NZa, registered its own).
 */
export function findEigenTariefbeschikking(sql: Database.Database, kenmerk: string, organisatie = KANTOOR): number {
  return sql
    .prepare('SELECT id FROM tariefbeschikkingen WHERE kenmerk = ? AND organisatie_id = (SELECT id FROM organisaties WHERE naam = ?)')
    .pluck()
    .get(kenmerk, organisatie) as number;
}

/** The id of one organisation's own record of a demo client, by KvK number. */
export function findEigenClient(sql: Database.Database, kvk: string, organisatie = KANTOOR): number {
  return sql
    .prepare('SELECT id FROM zorgaanbieders WHERE kvk_nummer = ? AND organisatie_id = (SELECT id FROM organisaties WHERE naam = ?)')
    .pluck()
    .get(kvk, organisatie) as number;
}
