import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from './config';

/**
 * The secret that keys the hashes of session ids, sign-in links and API tokens: SESSION_SECRET, or (demo mode only;
 * production refuses to start without it) generated once next to the database. Server and CLI read the same one.
 */
export function loadSessieGeheim(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  const bestand = join(dirname(resolve(config.databasePad)), 'sessie-geheim');
  mkdirSync(dirname(bestand), { recursive: true });
  if (!existsSync(bestand)) {
    try {
      writeFileSync(bestand, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first: use theirs
    }
  }
  return readFileSync(bestand, 'utf8').trim();
}
