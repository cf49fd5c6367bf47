import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { backupBestandsnaam, findLaatsteBackup, makeBackupVanVerbinding, removeOudeBackups } from '../db/backup';
import type { Logger } from '../log/logger';

const DAG_MS = 86_400_000;

/**
 * The server's daily backup (BACKUP_MAP, BACKUP_BEWAAR_DAGEN): checked an hour after start and every hour after that,
 * a new verified copy once the newest is a day old; backups older than the retention go (the newest always stays).
 */
export function startDagelijkseBackup(
  sqlite: Database.Database,
  instelling: { map: string; bewaarDagen: number },
  log: Logger,
  opties: { eersteNaMs?: number; elkeMs?: number; nuMs?: () => number } = {},
) {
  const nu = opties.nuMs ?? Date.now;
  let bezig: Promise<void> | undefined;
  const ronde = () => {
    bezig ??= (async () => {
      // Never finish synchronously: `finally` must clear `bezig` after it was assigned, not before.
      await Promise.resolve();
      try {
        const laatste = findLaatsteBackup(instelling.map);
        if (!laatste || nu() - laatste.mtimeMs >= DAG_MS - 60_000) {
          const u = await makeBackupVanVerbinding(sqlite, join(instelling.map, backupBestandsnaam(new Date(nu()))));
          log.info({ backup: u.pad, bytes: u.bytes, ms: Math.round(u.ms) }, 'Daily backup made and verified');
        }
        const weg = removeOudeBackups(instelling.map, instelling.bewaarDagen, nu());
        if (weg.length) log.info({ removed: weg.length }, 'Old backups removed');
      } catch (e) {
        log.error({ err: e }, 'Daily backup failed');
      } finally {
        bezig = undefined;
      }
    })();
    return bezig;
  };
  const eerste = setTimeout(ronde, opties.eersteNaMs ?? 3600_000);
  const timer = setInterval(ronde, opties.elkeMs ?? 3600_000);
  eerste.unref();
  timer.unref();
  return {
    ronde,
    async stop() {
      clearTimeout(eerste);
      clearInterval(timer);
      await bezig;
    },
  };
}
