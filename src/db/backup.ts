import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkDatabaseBestand, DatabaseFout, readSchemaStand } from './databaseControle';

/**
 * Backups of the one SQLite file: a consistent online copy (VACUUM INTO from a separate process, or the online backup
 * API from the server's own connection), written under a temporary name, verified (`PRAGMA integrity_check`, schema
 * version), and only then renamed to its final name — a copy killed half-way never carries a backup's name. Restore
 * replaces the file only while no server holds it, and keeps the replaced file aside.
 */

export const BACKUP_PATROON = /^termijnbewaking-(\d{8})-(\d{6})\.sqlite$/;
const DEEL_PATROON = /\.deel-(\d+)(-journal|-wal|-shm)?$/;

/** A refused or failed backup or restore; the message in Dutch (for the operator) and English. */
export class BackupFout extends Error {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function backupBestandsnaam(nu: Date): string {
  const iso = nu.toISOString(); // UTC: names sort by time whatever the server's zone
  return `termijnbewaking-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.sqlite`;
}

function fsyncBestand(pad: string) {
  const fd = openSync(pad, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is durable only once its directory is synced. */
function fsyncMap(map: string) {
  try {
    fsyncBestand(map);
  } catch {
    // not every file system lets a directory be opened for fsync
  }
}

function isLevend(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes the copy at `tijdelijk` a self-contained file (rollback journal, no -wal beside it) and verifies it: the full
 * integrity check and a schema this version knows. Returns the schema stand.
 */
function finishKopie(tijdelijk: string) {
  const kopie = new Database(tijdelijk, { fileMustExist: true });
  try {
    kopie.pragma('journal_mode = DELETE');
    const regels = (kopie.pragma('integrity_check') as Record<string, string>[]).map((r) => Object.values(r)[0]);
    if (regels.length !== 1 || regels[0] !== 'ok')
      throw new BackupFout(
        `de kopie faalt voor PRAGMA integrity_check: ${regels.slice(0, 3).join('; ')}`,
        `the copy fails PRAGMA integrity_check: ${regels.slice(0, 3).join('; ')}`,
      );
    const stand = readSchemaStand(kopie);
    if (stand.onbekend > 0 || stand.toegepast === 0)
      throw new BackupFout('de kopie heeft geen schemaversie die dit programma kent', 'the copy has no schema version this program knows');
    return stand;
  } finally {
    kopie.close();
  }
}

function placeKopie(tijdelijk: string, doel: string) {
  chmodSync(tijdelijk, 0o600);
  fsyncBestand(tijdelijk);
  if (existsSync(doel)) throw new BackupFout(`${doel} bestaat al`, `${doel} already exists`);
  renameSync(tijdelijk, doel);
  fsyncMap(dirname(doel));
}

export interface BackupUitkomst {
  pad: string;
  bytes: number;
  ms: number;
  migraties: number;
}

/**
 * The operator's backup (`npm run -s cli -- backup`): a separate read-only connection runs `VACUUM INTO`, one read
 * transaction, so the copy is the committed state at one moment (WAL included) while a server keeps writing.
 */
export function makeBackup(databasePad: string, doel: string): BackupUitkomst {
  const begin = performance.now();
  if (!existsSync(databasePad)) throw new BackupFout(`de database ${resolve(databasePad)} bestaat niet`, `the database ${resolve(databasePad)} does not exist`);
  if (existsSync(doel)) throw new BackupFout(`${resolve(doel)} bestaat al; kies een andere naam`, `${resolve(doel)} already exists`);
  mkdirSync(dirname(resolve(doel)), { recursive: true, mode: 0o700 });
  const tijdelijk = `${doel}.deel-${process.pid}`;
  rmSync(tijdelijk, { force: true });
  const bron = new Database(databasePad, { readonly: true, fileMustExist: true });
  try {
    bron.pragma('busy_timeout = 10000');
    bron.prepare('VACUUM INTO ?').run(tijdelijk);
  } finally {
    bron.close();
  }
  try {
    const stand = finishKopie(tijdelijk);
    placeKopie(tijdelijk, doel);
    removeHalveKopieen(dirname(resolve(doel)));
    return { pad: resolve(doel), bytes: statSync(doel).size, ms: performance.now() - begin, migraties: stand.toegepast };
  } catch (e) {
    rmSync(tijdelijk, { force: true });
    throw e;
  }
}

/** Half-written copies (`*.deel-PID`) of a backup process that died (kill -9, power loss). */
function removeHalveKopieen(map: string): string[] {
  const weg: string[] = [];
  for (const naam of readdirSync(map)) {
    const m = DEEL_PATROON.exec(naam);
    if (m && !isLevend(Number(m[1]))) {
      rmSync(join(map, naam), { force: true });
      weg.push(join(map, naam));
    }
  }
  return weg;
}

/**
 * The server's daily backup from its own connection, through SQLite's online backup API in small steps (the event
 * loop keeps serving); writes through this same connection are carried into the copy by SQLite itself.
 */
export async function makeBackupVanVerbinding(sqlite: Database.Database, doel: string): Promise<BackupUitkomst> {
  const begin = performance.now();
  mkdirSync(dirname(resolve(doel)), { recursive: true, mode: 0o700 });
  const tijdelijk = `${doel}.deel-${process.pid}`;
  rmSync(tijdelijk, { force: true });
  try {
    await sqlite.backup(tijdelijk);
    const stand = finishKopie(tijdelijk);
    placeKopie(tijdelijk, doel);
    return { pad: resolve(doel), bytes: statSync(doel).size, ms: performance.now() - begin, migraties: stand.toegepast };
  } catch (e) {
    rmSync(tijdelijk, { force: true });
    throw e;
  }
}

/**
 * Retention: backups older than `bewaarDagen` days go, the newest always stays; half-written copies of a process
 * that died (`*.deel-PID`) go too.
 */
export function removeOudeBackups(map: string, bewaarDagen: number, nuMs: number): string[] {
  if (!existsSync(map)) return [];
  const weg: string[] = [];
  const backups = readdirSync(map)
    .filter((n) => BACKUP_PATROON.test(n))
    .sort();
  for (const naam of backups.slice(0, -1)) {
    const pad = join(map, naam);
    if (nuMs - statSync(pad).mtimeMs > bewaarDagen * 86_400_000) {
      rmSync(pad, { force: true });
      weg.push(pad);
    }
  }
  return [...weg, ...removeHalveKopieen(map)];
}

/** The newest backup's age in milliseconds, or undefined without one. */
export function findLaatsteBackup(map: string): { pad: string; mtimeMs: number } | undefined {
  if (!existsSync(map)) return undefined;
  const naam = readdirSync(map)
    .filter((n) => BACKUP_PATROON.test(n))
    .sort()
    .at(-1);
  return naam ? { pad: join(map, naam), mtimeMs: statSync(join(map, naam)).mtimeMs } : undefined;
}

// --- The server's hold on the database file -------------------------------------------------------------------------

const serverBestand = (databasePad: string, pid: number) => `${resolve(databasePad)}.server-${pid}.pid`;
const herstelBestand = (databasePad: string) => `${resolve(databasePad)}.herstel`;

/** Servers (live processes) that hold this database file; stale marks of killed servers are removed. */
export function findLevendeServers(databasePad: string): number[] {
  const map = dirname(resolve(databasePad));
  if (!existsSync(map)) return [];
  const prefix = `${basename(databasePad)}.server-`;
  const levend: number[] = [];
  for (const naam of readdirSync(map)) {
    if (!naam.startsWith(prefix) || !naam.endsWith('.pid')) continue;
    const pid = Number(naam.slice(prefix.length, -'.pid'.length));
    if (Number.isInteger(pid) && pid !== process.pid && isLevend(pid)) levend.push(pid);
    else if (pid !== process.pid) rmSync(join(map, naam), { force: true });
  }
  return levend;
}

/**
 * A server marks the file it holds (`DATABASE.server-PID.pid`, removed at shutdown; a mark of a killed process is
 * recognised as stale). Refuses while a restore is replacing the file.
 */
export function claimDatabase(databasePad: string): () => void {
  if (existsSync(herstelBestand(databasePad))) {
    throw new DatabaseFout(
      'ontbreekt',
      resolve(databasePad),
      `Er wordt een backup teruggezet in ${resolve(databasePad)} (${herstelBestand(databasePad)} bestaat); de server start niet. Wacht tot \`herstel\` klaar is; is dat proces gestopt, verwijder dan dat bestand.`,
      `A backup is being restored into ${resolve(databasePad)} (${herstelBestand(databasePad)} exists); the server does not start. Wait for \`herstel\` to finish; if that process stopped, remove that file.`,
    );
  }
  const pad = serverBestand(databasePad, process.pid);
  writeFileSync(pad, `${process.pid}\n`, { mode: 0o600 });
  return () => rmSync(pad, { force: true });
}

export interface HerstelUitkomst {
  hersteld: string;
  /** The replaced database (with its -wal), kept aside; absent if there was none. */
  opzij?: string;
  migraties: number;
}

/**
 * `npm run -s cli -- herstel BESTAND`: verifies the backup (integrity, a schema this version knows), refuses while a
 * server holds the database, moves the current file (with its -wal) aside, and puts a verified copy in its place.
 */
export function restoreBackup(bron: string, databasePad: string, nu: Date): HerstelUitkomst {
  const stand = checkDatabaseBestand(bron, { volledig: true, moetBestaan: true })!;
  if (stand.toegepast === 0)
    throw new BackupFout(
      `${resolve(bron)} is geen database van Termijnbewaking (geen schemaversie)`,
      `${resolve(bron)} is no database of this program (no schema version)`,
    );
  const servers = findLevendeServers(databasePad);
  if (servers.length) {
    throw new BackupFout(
      `een server (proces ${servers.join(', ')}) gebruikt ${resolve(databasePad)}; stop die eerst`,
      `a server (process ${servers.join(', ')}) holds ${resolve(databasePad)}; stop it first`,
    );
  }
  const doel = resolve(databasePad);
  mkdirSync(dirname(doel), { recursive: true, mode: 0o700 });
  const slot = herstelBestand(databasePad);
  try {
    writeFileSync(slot, `${process.pid}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    throw new BackupFout(
      `er loopt al een herstel (${slot} bestaat; is dat proces gestopt, verwijder dan dat bestand)`,
      `another restore is running (${slot} exists)`,
    );
  }
  try {
    // A server may have started between the check and the mark: look once more now that starts are refused.
    if (findLevendeServers(databasePad).length)
      throw new BackupFout(`er is net een server gestart op ${doel}; stop die eerst`, `a server started on ${doel}; stop it first`);
    const tijdelijk = `${doel}.herstel-${process.pid}`;
    copyFileSync(bron, tijdelijk);
    try {
      finishKopie(tijdelijk);
      chmodSync(tijdelijk, 0o600);
      fsyncBestand(tijdelijk);
    } catch (e) {
      rmSync(tijdelijk, { force: true });
      throw e;
    }
    let opzij: string | undefined;
    if (existsSync(doel)) {
      opzij = `${doel}.voor-herstel-${backupBestandsnaam(nu).replace(/^termijnbewaking-|\.sqlite$/g, '')}`;
      // Moved together, the file and its -wal stay one openable database (SQLite finds NAME-wal next to NAME).
      renameSync(doel, opzij);
      if (existsSync(`${doel}-wal`)) renameSync(`${doel}-wal`, `${opzij}-wal`);
    }
    rmSync(`${doel}-shm`, { force: true });
    rmSync(`${doel}-wal`, { force: true });
    renameSync(tijdelijk, doel);
    fsyncMap(dirname(doel));
    return { hersteld: doel, ...(opzij ? { opzij } : {}), migraties: stand.toegepast };
  } finally {
    unlinkSync(slot);
  }
}
