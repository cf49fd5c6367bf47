import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { checkAuditKeten, deriveAuditSleutel } from '../db/auditKeten';
import { checkDatabaseBestand, DatabaseFout } from '../db/databaseControle';
import type { CommandoUitkomst } from './backupCommands';

const GEBRUIK = 'gebruik: audit controleer\n';

/**
 * `audit controleer`: walks the audit log's hash chain of DATABASE_PATH read-only (safe while the server runs). Exit 0
 * when intact (keyed with SESSION_SECRET, as the server),  1 naming the first broken entry, 2 on usage or a file that cannot be read.
 */
export function runAuditCommand(databasePad: string, sessieGeheim: () => string, args: string[]): CommandoUitkomst {
  if (args.length !== 1 || args[0] !== 'controleer') return { stdout: '', stderr: GEBRUIK, exitCode: 2 };
  let sqlite: Database.Database | undefined;
  try {
    checkDatabaseBestand(databasePad, { moetBestaan: true });
    sqlite = new Database(databasePad, { readonly: true, fileMustExist: true });
    const keten = checkAuditKeten(sqlite, deriveAuditSleutel(sessieGeheim()));
    if (keten.intact) return { stdout: `Auditlog intact: ${keten.aantal} regels.\n`, stderr: '', exitCode: 0 };
    return {
      stdout: '',
      stderr: `Auditlog verbroken bij regel id ${keten.id}: ${keten.reden}. De regels daarvóór zijn intact.\n`,
      exitCode: 1,
    };
  } catch (e) {
    if (e instanceof DatabaseFout) return { stdout: '', stderr: `${e.nl}\n`, exitCode: 2 };
    return { stdout: '', stderr: `De database ${resolve(databasePad)} kon niet worden gelezen: ${(e as Error).message}\n`, exitCode: 2 };
  } finally {
    sqlite?.close();
  }
}
