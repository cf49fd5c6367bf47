import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { gebruikers, sessies } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { preparePerVerbinding } from '../../db/voorbereid';
import { createGeheim, hashGeheim } from '../gedeeld/geheimen';
import { recordAudit } from '../gedeeld/auditService';
import { assertCan } from './permissies';

/** Timeouts of a session (SESSIE_INACTIEF_MINUTEN, SESSIE_MAX_UREN). */
export interface SessieTijden {
  inactiefMs: number;
  maxMs: number;
}

export interface Sessie {
  id: string;
  gebruikerId: number;
  csrfToken: string;
}

/** A new session (at sign-in: the caller ends the old one, so the id rotates). The cookie gets `token`, the table its hash. */
export function createSessie(db: Db, geheim: string, gebruikerId: number, nuMs: number): { token: string; sessie: Sessie } {
  const token = createGeheim();
  const sessie = { id: hashGeheim(geheim, token), gebruikerId, csrfToken: createGeheim(24) };
  writeTransaction(db, (tx) =>
    tx
      .insert(sessies)
      .values({ ...sessie, begonnenMs: nuMs, laatstGezienMs: nuMs })
      .run(),
  );
  return { token, sessie };
}

// Every signed-in request reads its session: prepared once.
const sessieVraag = preparePerVerbinding((db) =>
  db
    .select()
    .from(sessies)
    .where(eq(sessies.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * The live session for a cookie value, or undefined: unknown, idle too long or past its absolute lifetime (then it is
 * removed). Marks it seen at most once a minute, so a page with many requests writes once.
 */
export function findSessie(db: Db, geheim: string, token: string, nuMs: number, tijden: SessieTijden): Sessie | undefined {
  const id = hashGeheim(geheim, token);
  const rij = sessieVraag(db).get({ id });
  if (!rij) return undefined;
  if (nuMs - rij.laatstGezienMs > tijden.inactiefMs || nuMs - rij.begonnenMs > tijden.maxMs) {
    writeTransaction(db, (tx) => tx.delete(sessies).where(eq(sessies.id, id)).run());
    return undefined;
  }
  if (nuMs - rij.laatstGezienMs > 60_000) writeTransaction(db, (tx) => tx.update(sessies).set({ laatstGezienMs: nuMs }).where(eq(sessies.id, id)).run());
  return { id: rij.id, gebruikerId: rij.gebruikerId, csrfToken: rij.csrfToken };
}

export function endSessie(db: Db, sessieId: string): void {
  writeTransaction(db, (tx) => tx.delete(sessies).where(eq(sessies.id, sessieId)).run());
}

/** "Overal afmelden": every session of the actor ends, this one included. */
export function endEigenSessies(db: Db, actor: Actor): number {
  return writeTransaction(db, (tx) => {
    const n = tx.delete(sessies).where(eq(sessies.gebruikerId, actor.gebruikerId)).run().changes;
    recordAudit(tx, actor, { actie: 'overal afgemeld', onderwerp: 'gebruiker', onderwerpId: actor.gebruikerId, wijzigingen: { sessies: [n, 0] } });
    return n;
  });
}

/** A beheerder ends every session of a colleague in the same organisation. False: no such colleague. */
export function endSessiesVanCollega(db: Db, actor: Actor, gebruikerId: number): boolean {
  assertCan(actor, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const collega = tx
      .select({ id: gebruikers.id, naam: gebruikers.naam })
      .from(gebruikers)
      .where(and(eq(gebruikers.id, gebruikerId), eq(gebruikers.organisatieId, actor.organisatieId)))
      .get();
    if (!collega) return false;
    const n = tx.delete(sessies).where(eq(sessies.gebruikerId, gebruikerId)).run().changes;
    recordAudit(tx, actor, {
      actie: 'sessies van collega beëindigd',
      onderwerp: 'gebruiker',
      onderwerpId: gebruikerId,
      wijzigingen: { sessies: [n, 0] },
      kenmerken: { collega: collega.naam },
    });
    return true;
  });
}

/** Housekeeping at start: sessions past either limit. */
export function removeVerlopenSessies(db: Db, nuMs: number, tijden: SessieTijden): void {
  writeTransaction(db, (tx) =>
    tx
      .delete(sessies)
      .where(or(lt(sessies.laatstGezienMs, nuMs - tijden.inactiefMs), lt(sessies.begonnenMs, nuMs - tijden.maxMs)))
      .run(),
  );
}

export function countSessies(db: Db, gebruikerId: number): number {
  return db.select({ id: sessies.id }).from(sessies).where(eq(sessies.gebruikerId, gebruikerId)).all().length;
}
