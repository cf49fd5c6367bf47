import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * What the database keeps of a calendar feed token (issue 28.6): its SHA-256, never the token. The token is 24 random
 * bytes, so an unkeyed hash is as good as a keyed one against a copy of the database, and the connection set-up can
 * hash the tokens of older versions without the session secret.
 */
export const hashAgendaToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Moves the feed tokens older versions stored as typed into `agenda_token_hash`, emptying `agenda_token`, in one
 * transaction; a subscribed feed URL keeps working. Run by the connection set-up after the migrations; does nothing
 * once done.
 */
export function hashAgendaTokens(sqlite: Database.Database): number {
  const heeftKolom = sqlite.prepare("SELECT 1 FROM pragma_table_info('gebruikers') WHERE name = 'agenda_token_hash'").get() !== undefined;
  if (!heeftKolom) return 0;
  return sqlite.transaction(() => {
    const rijen = sqlite.prepare('SELECT id, agenda_token AS token FROM gebruikers WHERE agenda_token IS NOT NULL').all() as { id: number; token: string }[];
    const zet = sqlite.prepare('UPDATE gebruikers SET agenda_token_hash = ?, agenda_token = NULL WHERE id = ?');
    for (const r of rijen) zet.run(hashAgendaToken(r.token), r.id);
    return rijen.length;
  })();
}
