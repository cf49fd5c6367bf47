import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { zorgaanbieders } from '../../db/schema';
import { cleanNaam, type VeldFout } from '../../validation/velden';
import { writeTransaction } from '../../db/transactie';
import { nieuw, recordAudit } from '../gedeeld/auditService';
import { InvoerFout } from '../gedeeld/invoerFout';
import { assertCan } from '../toegang/permissies';

/**
 * Client records (issue 28): each organisation's own record of a zorgaanbieder it acts for (the NZa: of an addressee of
 * its tariefbeschikkingen). Having the record is acting for the client. Every read here is of the actor's organisation
 * only; another organisation's record of the same KvK number is never read, matched or revealed.
 */
export interface ClientRecord {
  id: number;
  naam: string;
  kvkNummer: string;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
}

const kolommen = {
  id: zorgaanbieders.id,
  naam: zorgaanbieders.naam,
  kvkNummer: zorgaanbieders.kvkNummer,
  adres: zorgaanbieders.adres,
  postcode: zorgaanbieders.postcode,
  plaats: zorgaanbieders.plaats,
};

/** The organisation's clients by name: to choose the appellant of a new case from, or to register decisions for. */
export function loadClienten(db: Pick<Db, 'select'>, actor: Actor): ClientRecord[] {
  return db.select(kolommen).from(zorgaanbieders).where(eq(zorgaanbieders.organisatieId, actor.organisatieId)).orderBy(asc(zorgaanbieders.naam)).all();
}

/** One of the organisation's own client records, by id. */
export function findClient(db: Pick<Db, 'select'>, actor: Actor, id: number): ClientRecord | undefined {
  return db
    .select(kolommen)
    .from(zorgaanbieders)
    .where(and(eq(zorgaanbieders.id, id), eq(zorgaanbieders.organisatieId, actor.organisatieId)))
    .get();
}

/** The organisation's own client record with this KvK number. */
export function findClientOpKvk(db: Pick<Db, 'select'>, actor: Actor, kvkNummer: string): ClientRecord | undefined {
  return db
    .select(kolommen)
    .from(zorgaanbieders)
    .where(and(eq(zorgaanbieders.organisatieId, actor.organisatieId), eq(zorgaanbieders.kvkNummer, kvkNummer)))
    .get();
}

export interface ClientInvoer {
  naam: string;
  kvk: string;
  adres?: string | undefined;
  postcode?: string | undefined;
  plaats?: string | undefined;
}

/** Thrown when the organisation already has a client with this KvK number (the API answers 409). */
export class ClientBestaat extends Error {
  constructor(readonly id: number) {
    super('client bestaat al');
  }
}

/**
 * A new client of the actor's organisation (issue 28.3). Names lose control, bidi and zero-width characters; a KvK
 * number the organisation already has is refused with the existing record's id — whatever other organisations hold.
 */
export function insertClient(tx: Pick<Db, 'select' | 'insert'>, actor: Actor, invoer: ClientInvoer): number {
  assertCan(actor, 'client.registreren');
  const naam = cleanNaam(invoer.naam).naam;
  if (!naam) throw new InvoerFout([{ veld: 'naam', melding: 'vul de naam van de zorgaanbieder in' }]);
  if (!/^\d{8}$/.test(invoer.kvk)) throw new InvoerFout([{ veld: 'kvk', melding: 'een KvK-nummer heeft 8 cijfers' }]);
  const bestaand = findClientOpKvk(tx, actor, invoer.kvk);
  if (bestaand) throw new ClientBestaat(bestaand.id);
  const schoon = (t: string | undefined) => (t === undefined ? null : cleanNaam(t).naam || null);
  const waarden = { naam, kvkNummer: invoer.kvk, adres: schoon(invoer.adres), postcode: schoon(invoer.postcode), plaats: schoon(invoer.plaats) };
  const { id } = tx
    .insert(zorgaanbieders)
    .values({ ...waarden, organisatieId: actor.organisatieId })
    .returning({ id: zorgaanbieders.id })
    .get();
  recordAudit(tx, actor, {
    actie: 'cliënt geregistreerd',
    onderwerp: 'zorgaanbieder',
    onderwerpId: id,
    wijzigingen: nieuw(waarden),
  });
  return id;
}

export type ClientRegistratie = { ok: true; id: number } | { ok: false; fouten: VeldFout[] } | { ok: false; bestaat: number };

/** Registers a client through the one write path: field errors and an existing KvK number come back, nothing written. */
export function createClient(db: Db, actor: Actor, invoer: ClientInvoer): ClientRegistratie {
  assertCan(actor, 'client.registreren');
  try {
    return { ok: true, id: writeTransaction(db, (tx) => insertClient(tx, actor, invoer)) };
  } catch (e) {
    if (e instanceof InvoerFout) return { ok: false, fouten: e.fouten };
    if (e instanceof ClientBestaat) return { ok: false, bestaat: e.id };
    throw e;
  }
}
