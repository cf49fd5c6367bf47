import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { checkAuditKeten } from './auditKeten';

/** The migrations this version ships (drizzle/, its journal drizzle/meta/_journal.json). */
export const MIGRATIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

const SQLITE_KOP = Buffer.from('SQLite format 3\0', 'latin1');

/** Where a database file stands against the shipped migrations. */
export interface SchemaStand {
  /** Migrations recorded as applied in the file (drizzle's __drizzle_migrations). */
  toegepast: number;
  /** Migrations this version ships. */
  meegeleverd: number;
  /** Applied migrations this version does not know: the file comes from a newer version. */
  onbekend: number;
  /** Shipped migrations not yet applied: the start will apply them. */
  nogToeTePassen: number;
}

/** A database file this version must not use; the message (Dutch, then English) names the file and what to do. */
export class DatabaseFout extends Error {
  constructor(
    readonly soort: 'geen-sqlite' | 'beschadigd' | 'nieuwere-versie' | 'ontbreekt' | 'auditlog-verbroken',
    readonly pad: string,
    readonly nl: string,
    readonly en: string,
  ) {
    super(`${nl}\n${en}`);
  }
}

let meegeleverdeMigraties: { folderMillis: number; hash: string }[] | undefined;
function shippedMigraties() {
  meegeleverdeMigraties ??= readMigrationFiles({ migrationsFolder: MIGRATIES }).map((m) => ({ folderMillis: m.folderMillis, hash: m.hash }));
  return meegeleverdeMigraties;
}

/** Compares the migrations applied in an open database with the shipped journal. */
export function readSchemaStand(sqlite: Database.Database): SchemaStand {
  const meegeleverd = shippedMigraties();
  const heeftTabel = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
  const toegepast = heeftTabel
    ? (sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as { hash: string; createdAt: number | string }[])
    : [];
  const bekend = new Set(meegeleverd.map((m) => m.folderMillis));
  const laatste = Math.max(0, ...toegepast.map((t) => Number(t.createdAt)));
  return {
    toegepast: toegepast.length,
    meegeleverd: meegeleverd.length,
    onbekend: toegepast.filter((t) => !bekend.has(Number(t.createdAt))).length,
    nogToeTePassen: meegeleverd.filter((m) => m.folderMillis > laatste).length,
  };
}

function readKop(pad: string): Buffer {
  const fd = openSync(pad, 'r');
  try {
    const kop = Buffer.alloc(SQLITE_KOP.length);
    const n = readSync(fd, kop, 0, kop.length, 0);
    return kop.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const WAT_TE_DOEN_NL = 'Zet een goede backup terug met `npm run -s cli -- herstel BESTAND`, of wijs DATABASE_PATH naar het juiste bestand.';
const WAT_TE_DOEN_EN = 'Restore a good backup with `npm run -s cli -- herstel FILE`, or point DATABASE_PATH at the right file.';

/**
 * Checks a database file read-only before anything opens it for writing: that it is SQLite, `PRAGMA quick_check`
 * (or the full `integrity_check`), that it comes from this version or an older one and (`auditKeten`, the server's
 * start) that the audit log's hash chain is intact. Throws DatabaseFout; never
 * changes the file. A missing or empty file is fine (a new database).
 */
export function checkDatabaseBestand(pad: string, opties: { volledig?: boolean; moetBestaan?: boolean; auditKeten?: Buffer } = {}): SchemaStand | undefined {
  const naam = resolve(pad);
  if (!existsSync(pad) || statSync(pad).size === 0) {
    if (!opties.moetBestaan) return undefined;
    throw new DatabaseFout('ontbreekt', naam, `Het bestand ${naam} bestaat niet of is leeg.`, `The file ${naam} does not exist or is empty.`);
  }
  if (!readKop(pad).equals(SQLITE_KOP)) {
    throw new DatabaseFout(
      'geen-sqlite',
      naam,
      `${naam} is geen SQLite-database van Termijnbewaking; de server start niet en het bestand is niet gewijzigd. ${WAT_TE_DOEN_NL}`,
      `${naam} is not an SQLite database; the server does not start and the file was not changed. ${WAT_TE_DOEN_EN}`,
    );
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(pad, { readonly: true, fileMustExist: true });
    const controle = opties.volledig ? 'integrity_check' : 'quick_check';
    const regels = (sqlite.pragma(controle) as Record<string, string>[]).map((r) => Object.values(r)[0]);
    if (regels.length !== 1 || regels[0] !== 'ok') throw new Error(regels.slice(0, 3).join('; '));
    const stand = readSchemaStand(sqlite);
    if (stand.onbekend > 0) {
      throw new DatabaseFout(
        'nieuwere-versie',
        naam,
        `De database ${naam} komt van een nieuwere versie van Termijnbewaking (${stand.onbekend} migratie(s) die deze versie niet kent); de server start niet en het bestand is niet gewijzigd. Start de nieuwere versie weer, of zet een backup van deze versie terug met \`npm run -s cli -- herstel BESTAND\`.`,
        `The database ${naam} comes from a newer version of Termijnbewaking (${stand.onbekend} migration(s) this version does not know); the server does not start and the file was not changed. Run the newer version again, or restore a backup made by this version with \`npm run -s cli -- herstel FILE\`.`,
      );
    }
    if (opties.auditKeten) {
      const keten = checkAuditKeten(sqlite, opties.auditKeten);
      if (!keten.intact) {
        throw new DatabaseFout(
          'auditlog-verbroken',
          naam,
          `Het auditlog van ${naam} is niet intact vanaf regel ${keten.id}: ${keten.reden}; de server start niet en het bestand is niet gewijzigd. Controleer met \`npm run -s cli -- audit controleer\` en zet zo nodig een goede backup terug met \`npm run -s cli -- herstel BESTAND\`.`,
          `The audit log of ${naam} is broken from entry ${keten.id} on (${keten.reden}); the server does not start and the file was not changed. Check with \`npm run -s cli -- audit controleer\` and if needed restore a good backup with \`npm run -s cli -- herstel FILE\`.`,
        );
      }
    }
    return stand;
  } catch (e) {
    if (e instanceof DatabaseFout) throw e;
    const reden = (e as Error).message.slice(0, 300);
    const geenDb = (e as { code?: string }).code === 'SQLITE_NOTADB';
    throw new DatabaseFout(
      geenDb ? 'geen-sqlite' : 'beschadigd',
      naam,
      `De database ${naam} is ${geenDb ? 'geen SQLite-database' : 'beschadigd'} (${reden}); de server start niet en het bestand is niet gewijzigd. ${WAT_TE_DOEN_NL}`,
      `The database ${naam} is ${geenDb ? 'not an SQLite database' : 'corrupt'} (${reden}); the server does not start and the file was not changed. ${WAT_TE_DOEN_EN}`,
    );
  } finally {
    sqlite?.close();
  }
}
