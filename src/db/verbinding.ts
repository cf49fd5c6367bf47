import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { MIGRATIES } from './databaseControle';
import { chainAuditLog, deriveAuditSleutel, setAuditSleutel } from './auditKeten';
import { hashAgendaTokens } from './geheimOpslag';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (and creates) the embedded database: WAL, foreign keys and recursive triggers on, migrations applied, the audit
 * log chained, feed tokens hashed. `sessieGeheim` (SESSION_SECRET, `loadSessieGeheim`) keys the audit chain.
 */
export function openDatabase(pad: string, sessieGeheim: string): Db {
  if (pad !== ':memory:') mkdirSync(dirname(resolve(pad)), { recursive: true, mode: 0o700 });
  const sqlite = new Database(pad);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // REPLACE deletes the row it replaces; only with recursive triggers does that fire the delete triggers (the audit log's).
  sqlite.pragma('recursive_triggers = ON');
  const auditSleutel = deriveAuditSleutel(sessieGeheim);
  setAuditSleutel(sqlite, auditSleutel);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIES });
  // Data steps SQL cannot do (no SHA-256 in SQLite): entries of the audit log written before the hash chain get their
  // place in it; calendar feed tokens stored as typed are replaced by their hash.
  chainAuditLog(sqlite, auditSleutel);
  hashAgendaTokens(sqlite);
  return db;
}
