import { sql } from 'drizzle-orm';
import type { Db } from '../../db/verbinding';
import { readSchemaStand, type SchemaStand } from '../../db/databaseControle';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';

export interface Gezondheid {
  /** `ok`; `verminderd` (serving, but reminders are behind or failing); `fout` (the database cannot be used). */
  status: 'ok' | 'verminderd' | 'fout';
  database: { bereikbaar: boolean };
  migraties: { actueel: boolean; toegepast: number; meegeleverd: number } | null;
  herinneringen: {
    /** When the reminder job last delivered a reminder (ISO time), from the ledger. */
    laatsteVerzending: string | null;
    /** Planned reminders whose moment has passed and whose next attempt is due: the job is behind or not running. */
    achterstallig: number;
    /** Sends that failed after every retry, and sends whose outcome is unknown: they wait for the beheerder. */
    mislukt: number;
    onzeker: number;
    /** Failed attempts that will be retried. */
    opnieuwTeProberen: number;
  } | null;
  /** The last mail that left (the embedded outbox's latest message), ISO time. */
  laatsteMail: string | null;
}

/**
 * The health check's facts, read-only and without personal data: counts and times only. Reads the reminder ledger
 * and the outbox as the reminder job leaves them — of one organisation when `organisatieId` is given (a beheerder's
 * details: another organisation's reminders would tell it that organisation has open terms; issue 28 review), else of
 * the installation (only ever reduced to "ok" or "niet ok").
 */
export function readGezondheid(db: Db, vandaag: IsoDatum, nuMs: number, organisatieId?: number): Gezondheid {
  let stand: SchemaStand;
  try {
    db.$client.prepare('SELECT 1').get();
    stand = readSchemaStand(db.$client);
  } catch {
    return { status: 'fout', database: { bereikbaar: false }, migraties: null, herinneringen: null, laatsteMail: null };
  }
  const actueel = stand.onbekend === 0 && stand.nogToeTePassen === 0;
  const h = db.get<{ laatste: string | null; achterstallig: number; mislukt: number; onzeker: number; opnieuw: number }>(sql`
    SELECT max(CASE WHEN status = 'verzonden' THEN verzonden_op END) AS laatste,
           coalesce(sum(status = 'gepland' AND pogingen = 0 AND moment < ${vandaag} AND volgende_poging <= ${nuMs}), 0) AS achterstallig,
           coalesce(sum(status = 'mislukt'), 0) AS mislukt,
           coalesce(sum(status = 'onzeker'), 0) AS onzeker,
           coalesce(sum(status = 'gepland' AND pogingen > 0), 0) AS opnieuw
    FROM herinneringen
    WHERE ${organisatieId === undefined ? sql`1 = 1` : sql`organisatie_id = ${organisatieId} OR gebruiker_id IN (SELECT id FROM gebruikers WHERE organisatie_id = ${organisatieId})`}`);
  const mail = db.get<{ laatste: string | null }>(
    organisatieId === undefined
      ? sql`SELECT max(aangemaakt_op) AS laatste FROM uitgaande_mail`
      : sql`SELECT max(aangemaakt_op) AS laatste FROM uitgaande_mail WHERE aan IN (SELECT email FROM gebruikers WHERE organisatie_id = ${organisatieId})`,
  );
  const herinneringen = {
    laatsteVerzending: h.laatste,
    achterstallig: h.achterstallig,
    mislukt: h.mislukt,
    onzeker: h.onzeker,
    opnieuwTeProberen: h.opnieuw,
  };
  const status = !actueel ? 'fout' : h.achterstallig || h.mislukt || h.onzeker ? 'verminderd' : 'ok';
  return {
    status,
    database: { bereikbaar: true },
    migraties: { actueel, toegepast: stand.toegepast, meegeleverd: stand.meegeleverd },
    herinneringen,
    laatsteMail: mail.laatste,
  };
}
