import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config';
import { backupBestandsnaam, BackupFout, makeBackup, restoreBackup } from '../db/backup';
import { DatabaseFout } from '../db/databaseControle';

export interface CommandoUitkomst {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const GEBRUIK = 'gebruik: backup [BESTAND] | herstel BESTAND\n';

/**
 * `backup [BESTAND]`: a verified online copy of DATABASE_PATH (default: BACKUP_MAP/termijnbewaking-DATUM-TIJD.sqlite),
 * safe while the server runs; prints the path. `herstel BESTAND`: puts a verified backup in place of DATABASE_PATH
 * while no server runs, keeping the replaced file aside. Exit 0, 1 (refused or failed) or 2 (usage).
 */
export function runBackupCommand(config: AppConfig, args: string[], nu: Date): CommandoUitkomst {
  const [commando, bestand, ...rest] = args;
  if (rest.length || (commando === 'herstel' && !bestand)) return { stdout: '', stderr: GEBRUIK, exitCode: 2 };
  try {
    if (commando === 'backup') {
      const doel = bestand ?? join(config.backup.map, backupBestandsnaam(nu));
      const u = makeBackup(config.databasePad, doel);
      return {
        stdout: `${u.pad}\n`,
        stderr: `Backup gemaakt en gecontroleerd (integrity_check ok, ${u.migraties} migraties, ${u.bytes} bytes).\n`,
        exitCode: 0,
      };
    }
    if (commando === 'herstel') {
      const u = restoreBackup(bestand!, config.databasePad, nu);
      return {
        stdout: `${u.hersteld}\n`,
        stderr:
          `Backup ${resolve(bestand!)} teruggezet in ${u.hersteld} (integrity_check ok, ${u.migraties} migraties).` +
          (u.opzij ? ` Het vervangen bestand staat opzij als ${u.opzij}.` : '') +
          ' Start de server weer.\n',
        exitCode: 0,
      };
    }
    return { stdout: '', stderr: GEBRUIK, exitCode: 2 };
  } catch (e) {
    if (e instanceof DatabaseFout) return { stdout: '', stderr: `${e.nl}\n${e.en}\n`, exitCode: 1 };
    const wat =
      commando === 'backup'
        ? ['De backup is niet gemaakt', 'No backup was made']
        : ['De backup is niet teruggezet; er is niets gewijzigd', 'Nothing was restored or changed'];
    if (e instanceof BackupFout) return { stdout: '', stderr: `${wat[0]}: ${e.nl}.\n${wat[1]}: ${e.en}.\n`, exitCode: 1 };
    if ((e as NodeJS.ErrnoException).code) return { stdout: '', stderr: `${wat[0]}: ${(e as Error).message}\n${wat[1]}.\n`, exitCode: 1 };
    throw e;
  }
}
