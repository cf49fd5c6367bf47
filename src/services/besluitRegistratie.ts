import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import { ziesAlles } from '../actor/actor';
import type { Db } from '../db/verbinding';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  tariefbeschikkingen,
  vertegenwoordigingen,
  zorgaanbieders,
  zorgkantoorregios,
} from '../db/schema';
import type { VeldFout } from '../validation/velden';
import type { ContracteerruimtebesluitInvoer, TariefbeschikkingInvoer } from '../validation/besluitInvoer';

export type Registratie = { ok: true; id: number } | { ok: false; fouten: VeldFout[] };

/** Thrown inside a transaction to roll it back with field errors for the user. */
export class InvoerFout extends Error {
  constructor(readonly fouten: VeldFout[]) {
    super(fouten.map((f) => `${f.veld}: ${f.melding}`).join('; '));
  }
}

export function regioIds(db: Pick<Db, 'select'>): Map<string, number> {
  return new Map(db.select({ id: zorgkantoorregios.id, naam: zorgkantoorregios.naam }).from(zorgkantoorregios).all().map((r) => [r.naam, r.id]));
}

/** The zorgaanbieder with this KvK number, if the actor's organisation acts for it (the NZa acts for all). */
export function findZorgaanbiederVoorActor(db: Pick<Db, 'select'>, actor: Actor, kvkNummer: string): { id: number; naam: string } | undefined {
  const za = db.select({ id: zorgaanbieders.id, naam: zorgaanbieders.naam }).from(zorgaanbieders).where(eq(zorgaanbieders.kvkNummer, kvkNummer)).get();
  if (!za || ziesAlles(actor)) return za;
  const vertegenwoordigd = db
    .select({ id: vertegenwoordigingen.id })
    .from(vertegenwoordigingen)
    .where(and(eq(vertegenwoordigingen.organisatieId, actor.organisatieId), eq(vertegenwoordigingen.zorgaanbiederId, za.id)))
    .get();
  return vertegenwoordigd ? za : undefined;
}

export function insertContracteerruimtebesluit(tx: Pick<Db, 'select' | 'insert'>, invoer: ContracteerruimtebesluitInvoer): number {
  const bestaand = tx
    .select({ id: contracteerruimtebesluiten.id })
    .from(contracteerruimtebesluiten)
    .where(and(eq(contracteerruimtebesluiten.uitgever, 'NZa'), eq(contracteerruimtebesluiten.kenmerk, invoer.kenmerk)))
    .get();
  if (bestaand) throw new InvoerFout([{ veld: 'kenmerk', melding: `er is al een contracteerruimtebesluit met kenmerk ${invoer.kenmerk}` }]);
  const regios = regioIds(tx);
  const { id } = tx
    .insert(contracteerruimtebesluiten)
    .values({ kenmerk: invoer.kenmerk, soort: invoer.soort, besluitdatum: invoer.besluitdatum, bekendgemaakt: invoer.bekendgemaakt })
    .returning({ id: contracteerruimtebesluiten.id })
    .get();
  tx.insert(contracteerruimtebedragen)
    .values(invoer.bedragen.map((b) => ({ besluitId: id, regioId: regios.get(b.regio)!, jaar: b.jaar, bedragCenten: b.bedrag })))
    .run();
  return id;
}

export function insertTariefbeschikking(tx: Pick<Db, 'select' | 'insert'>, actor: Actor, invoer: TariefbeschikkingInvoer): number {
  const zorgaanbieder = findZorgaanbiederVoorActor(tx, actor, invoer.zorgaanbieder);
  if (!zorgaanbieder) {
    throw new InvoerFout([{ veld: 'zorgaanbieder', melding: `uw organisatie treedt niet op voor een zorgaanbieder met KvK-nummer ${invoer.zorgaanbieder}` }]);
  }
  const bestaand = tx
    .select({ id: tariefbeschikkingen.id })
    .from(tariefbeschikkingen)
    .where(and(eq(tariefbeschikkingen.uitgever, 'NZa'), eq(tariefbeschikkingen.kenmerk, invoer.kenmerk)))
    .get();
  if (bestaand) throw new InvoerFout([{ veld: 'kenmerk', melding: `er is al een tariefbeschikking met kenmerk ${invoer.kenmerk}` }]);
  return tx
    .insert(tariefbeschikkingen)
    .values({
      kenmerk: invoer.kenmerk,
      zorgaanbiederId: zorgaanbieder.id,
      regioId: regioIds(tx).get(invoer.regio)!,
      jaar: invoer.jaar,
      soort: invoer.soort,
      besluitdatum: invoer.besluitdatum,
      bekendgemaakt: invoer.bekendgemaakt,
    })
    .returning({ id: tariefbeschikkingen.id })
    .get().id;
}

/** Runs a write in one transaction; field errors roll everything back and come back to the user. */
export function schrijfInTransactie(db: Db, schrijf: (tx: Db) => number): Registratie {
  try {
    return { ok: true, id: db.transaction((tx) => schrijf(tx as unknown as Db)) };
  } catch (e) {
    if (e instanceof InvoerFout) return { ok: false, fouten: e.fouten };
    throw e;
  }
}
