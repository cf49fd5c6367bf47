import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIES } from '../../src/db/databaseControle';

/**
 * A database as an older version left it: the shipped migrations before `totTag` (e.g. '0011') applied, nothing of the
 * connection set-up run. For tests of what the first start of this version does to existing rows.
 */
export function createOudeDatabase(map: string, naam: string, totTag: string): Database.Database {
  const oud = join(map, `migraties-tot-${totTag}`);
  cpSync(MIGRATIES, oud, { recursive: true });
  const journaalPad = join(oud, 'meta', '_journal.json');
  const journaal = JSON.parse(readFileSync(journaalPad, 'utf8')) as { entries: { tag: string }[] };
  journaal.entries = journaal.entries.filter((e) => e.tag < totTag);
  writeFileSync(journaalPad, JSON.stringify(journaal));
  const s = new Database(join(map, naam));
  migrate(drizzle(s), { migrationsFolder: oud });
  return s;
}
