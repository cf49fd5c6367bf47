import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import { isNza } from '../../actor/actor';
import type { Beroep, Besluit, Contracteerruimtebesluit, Tariefbeschikking, TermijnInvoer } from '../../domain/besluiten/besluit';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Db } from '../../db/verbinding';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  ontvangenBeroepen,
  tariefbeschikkingen,
  zaken,
  zorgaanbieders,
  zorgkantoorregios,
} from '../../db/schema';

export interface TariefbeschikkingRij {
  id: number;
  kenmerk: string;
  zorgaanbiederId: number;
  zorgaanbieder: string;
  regioId: number;
  regio: string;
  jaar: number;
  soort: Tariefbeschikking['soort'];
  besluitdatum: IsoDatum;
  bekendgemaakt: IsoDatum;
}

export interface ContracteerruimteRij {
  id: number;
  kenmerk: string;
  soort: Contracteerruimtebesluit['soort'];
  besluitdatum: IsoDatum;
  bekendgemaakt: IsoDatum;
  regioId: number;
  regio: string;
  jaar: number;
  bedragCenten: number;
}

/** A filed beroep (a case of soort beroep with its filing date), with the party it is filed for. */
export interface BeroepRij {
  /** The case's id (a counsel organisation) or the received beroep's (the NZa): the beroepen's order. */
  bronId: number;
  regioId: number;
  regio: string;
  jaar: number;
  beroep: Beroep;
}

export interface GeladenInvoer {
  invoer: TermijnInvoer;
  tariefbeschikkingen: ReadonlyMap<string, TariefbeschikkingRij>;
  contracteerruimte: ContracteerruimteRij[];
}

/**
 * Whose view of the data (issue 28): the public contracteerruimtebesluiten plus what one organisation owns — its
 * tariefbeschikkingen, and its beroepen: a counsel organisation's filed cases, the NZa's beroepen registered as received.
 */
export interface TermijnScope {
  sleutel: string;
  organisatieId: number;
  /** The NZa: its beroepen are the ones it registered as received, not cases. */
  nza: boolean;
}

/** The rows of the engine's input for some (regio, jaar) cells, or for all. */
export interface TermijnRijen {
  /** Always all of them: a few per region and year, and a beroep may name one of another year. */
  contracteerruimte: ContracteerruimteRij[];
  tariefbeschikkingen: TariefbeschikkingRij[];
  beroepen: BeroepRij[];
}

/** A (regio, jaar) cell as the database knows it. */
export interface DbCel {
  regioId: number;
  jaar: number;
}

export function loadTermijnScope(actor: Actor): TermijnScope {
  return { sleutel: `org-${actor.organisatieId}`, organisatieId: actor.organisatieId, nza: isNza(actor) };
}

const inCellen = (regioKolom: SQLiteColumn, jaarKolom: SQLiteColumn, cellen: readonly DbCel[] | undefined) =>
  cellen === undefined
    ? sql`1 = 1`
    : sql`(${regioKolom}, ${jaarKolom}) IN (VALUES ${sql.join(
        cellen.map((c) => sql`(${c.regioId}, ${c.jaar})`),
        sql`, `,
      )})`;

/**
 * The engine's input rows in the scope: the public contracteerruimtebesluiten, the tariefbeschikkingen of the
 * zorgaanbieders the organisation acts for (all for the NZa) and the beroepen of its cases — of the given cells only,
 * or of all. Ordered so that a partial load and a full load put every cell's rows in the same order.
 */
/**
 * SQLite gives every row its own copy of each text: at five times national scale 200,000 rows repeat some 2,000 dates,
 * 10,000 names, 31 regions and 5 soorten. One shared copy each keeps the long-lived heap (and every collection of it)
 * smaller.
 */
function shareRepeatedStrings(rijen: TariefbeschikkingRij[]): void {
  const gedeeld = new Map<string, string>();
  const deel = (tekst: string): string => {
    const bekend = gedeeld.get(tekst);
    if (bekend !== undefined) return bekend;
    gedeeld.set(tekst, tekst);
    return tekst;
  };
  for (const rij of rijen) {
    rij.zorgaanbieder = deel(rij.zorgaanbieder);
    rij.regio = deel(rij.regio);
    rij.soort = deel(rij.soort) as TariefbeschikkingRij['soort'];
    rij.besluitdatum = deel(rij.besluitdatum);
    rij.bekendgemaakt = deel(rij.bekendgemaakt);
  }
}

export function loadTermijnRijen(db: Db, scope: TermijnScope, cellen?: readonly DbCel[]): TermijnRijen {
  const contracteerruimte: ContracteerruimteRij[] = db
    .select({
      id: contracteerruimtebesluiten.id,
      kenmerk: contracteerruimtebesluiten.kenmerk,
      soort: contracteerruimtebesluiten.soort,
      besluitdatum: contracteerruimtebesluiten.besluitdatum,
      bekendgemaakt: contracteerruimtebesluiten.bekendgemaakt,
      regioId: contracteerruimtebedragen.regioId,
      regio: zorgkantoorregios.naam,
      jaar: contracteerruimtebedragen.jaar,
      bedragCenten: contracteerruimtebedragen.bedragCenten,
    })
    .from(contracteerruimtebedragen)
    .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
    .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
    .orderBy(contracteerruimtebesluiten.bekendgemaakt, contracteerruimtebesluiten.id, zorgkantoorregios.naam, contracteerruimtebedragen.jaar)
    .all();

  if (cellen !== undefined && cellen.length === 0) return { contracteerruimte, tariefbeschikkingen: [], beroepen: [] };
  // The one query that reads up to 200,000 rows at five times national scale: rows as SQLite gives them, no per-field
  // mapping (the columns are named as the row type names them).
  const tariefbeschikkingRijen: TariefbeschikkingRij[] = db.all<TariefbeschikkingRij>(sql`
          SELECT ${tariefbeschikkingen.id} AS id, ${tariefbeschikkingen.kenmerk} AS kenmerk,
            ${tariefbeschikkingen.zorgaanbiederId} AS zorgaanbiederId, ${zorgaanbieders.naam} AS zorgaanbieder,
            ${tariefbeschikkingen.regioId} AS regioId, ${zorgkantoorregios.naam} AS regio, ${tariefbeschikkingen.jaar} AS jaar,
            ${tariefbeschikkingen.soort} AS soort, ${tariefbeschikkingen.besluitdatum} AS besluitdatum,
            ${tariefbeschikkingen.bekendgemaakt} AS bekendgemaakt
          FROM ${tariefbeschikkingen}
          INNER JOIN ${zorgaanbieders} ON ${tariefbeschikkingen.zorgaanbiederId} = ${zorgaanbieders.id}
          INNER JOIN ${zorgkantoorregios} ON ${tariefbeschikkingen.regioId} = ${zorgkantoorregios.id}
          WHERE ${tariefbeschikkingen.organisatieId} = ${scope.organisatieId}
            AND ${inCellen(tariefbeschikkingen.regioId, tariefbeschikkingen.jaar, cellen)}
          ORDER BY ${tariefbeschikkingen.id}`);

  const beroepen = scope.nza ? loadOntvangenBeroepen(db, scope, cellen) : loadIngesteldeBeroepen(db, scope, cellen, contracteerruimte);
  shareRepeatedStrings(tariefbeschikkingRijen);
  return { contracteerruimte, tariefbeschikkingen: tariefbeschikkingRijen, beroepen };
}

/** A counsel organisation's beroepen: its own filed cases, against a contracteerruimtebesluit or its own tariefbeschikking. */
function loadIngesteldeBeroepen(
  db: Db,
  scope: TermijnScope,
  cellen: readonly DbCel[] | undefined,
  contracteerruimte: readonly ContracteerruimteRij[],
): BeroepRij[] {
  const tbAanbieders = alias(zorgaanbieders, 'tb_aanbieders');
  const rijen = db
    .select({
      zaakId: zaken.id,
      regioId: zaken.regioId,
      jaar: zaken.jaar,
      regio: zorgkantoorregios.naam,
      ingesteld: zaken.ingesteld,
      afgerond: zaken.afgerond,
      tbKenmerk: tariefbeschikkingen.kenmerk,
      tbAanbieder: tbAanbieders.naam,
      crKenmerk: contracteerruimtebesluiten.kenmerk,
      zorgaanbieder: zorgaanbieders.naam,
    })
    .from(zaken)
    .innerJoin(zorgkantoorregios, eq(zaken.regioId, zorgkantoorregios.id))
    .leftJoin(zorgaanbieders, eq(zaken.zorgaanbiederId, zorgaanbieders.id))
    .leftJoin(tariefbeschikkingen, eq(zaken.tariefbeschikkingId, tariefbeschikkingen.id))
    .leftJoin(tbAanbieders, eq(tariefbeschikkingen.zorgaanbiederId, tbAanbieders.id))
    .leftJoin(contracteerruimtebesluiten, eq(zaken.contracteerruimtebesluitId, contracteerruimtebesluiten.id))
    .where(
      and(
        eq(zaken.soort, 'beroep'),
        sql`${zaken.ingesteld} IS NOT NULL`,
        eq(zaken.organisatieId, scope.organisatieId),
        inCellen(zaken.regioId, zaken.jaar, cellen),
      ),
    )
    .orderBy(zaken.id)
    .all();
  const bekendeContracteerruimte = new Set(contracteerruimte.map((c) => c.kenmerk));
  return rijen.flatMap((b): BeroepRij[] => {
    // Against a contracteerruimtebesluit with amounts, or the organisation's own tariefbeschikking (the database
    // allows no other, migration 0014): the besluiten the engine knows.
    const tegen = b.crKenmerk !== null ? (bekendeContracteerruimte.has(b.crKenmerk) ? b.crKenmerk : null) : b.tbKenmerk;
    if (!tegen || b.regioId === null || b.jaar === null || b.ingesteld === null) return [];
    const partij = b.zorgaanbieder ?? (b.crKenmerk === null ? b.tbAanbieder : null);
    return [
      {
        bronId: b.zaakId,
        regioId: b.regioId,
        regio: b.regio,
        jaar: b.jaar,
        beroep: { tegen, regio: b.regio, jaar: b.jaar, ingesteld: b.ingesteld, afgerond: b.afgerond, ...(partij ? { partij } : {}) },
      },
    ];
  });
}

/** The NZa's beroepen: the ones it registered as received from the CBb (issue 28), never a firm's case. */
function loadOntvangenBeroepen(db: Db, scope: TermijnScope, cellen: readonly DbCel[] | undefined): BeroepRij[] {
  return db
    .select({
      id: ontvangenBeroepen.id,
      regioId: ontvangenBeroepen.regioId,
      jaar: ontvangenBeroepen.jaar,
      regio: zorgkantoorregios.naam,
      appellant: ontvangenBeroepen.appellant,
      ingesteld: ontvangenBeroepen.ingesteld,
      afgerond: ontvangenBeroepen.afgerond,
      tbKenmerk: tariefbeschikkingen.kenmerk,
      crKenmerk: contracteerruimtebesluiten.kenmerk,
    })
    .from(ontvangenBeroepen)
    .innerJoin(zorgkantoorregios, eq(ontvangenBeroepen.regioId, zorgkantoorregios.id))
    .leftJoin(tariefbeschikkingen, eq(ontvangenBeroepen.tariefbeschikkingId, tariefbeschikkingen.id))
    .leftJoin(contracteerruimtebesluiten, eq(ontvangenBeroepen.contracteerruimtebesluitId, contracteerruimtebesluiten.id))
    .where(and(eq(ontvangenBeroepen.organisatieId, scope.organisatieId), inCellen(ontvangenBeroepen.regioId, ontvangenBeroepen.jaar, cellen)))
    .orderBy(ontvangenBeroepen.id)
    .all()
    .map((b) => ({
      bronId: b.id,
      regioId: b.regioId,
      regio: b.regio,
      jaar: b.jaar,
      beroep: { tegen: (b.crKenmerk ?? b.tbKenmerk)!, regio: b.regio, jaar: b.jaar, ingesteld: b.ingesteld, afgerond: b.afgerond, partij: b.appellant },
    }));
}

/**
 * Contracteerruimtebesluiten as the engine sees them: one per (besluit, regio) — an NZa besluit fixes all regions
 * under one kenmerk — in the order of the rows (bekendmaking, id); with each row's besluit, for grouping per cell.
 */
export function groupContracteerruimte(rijen: readonly ContracteerruimteRij[]): { besluiten: Contracteerruimtebesluit[]; perRij: Contracteerruimtebesluit[] } {
  const perRegio = new Map<string, Contracteerruimtebesluit>();
  const perRij = rijen.map((rij) => {
    const sleutel = `${rij.id}\u0000${rij.regio}`;
    const bestaand = perRegio.get(sleutel);
    if (bestaand) {
      bestaand.jaren.push(rij.jaar);
      return bestaand;
    }
    const besluit: Contracteerruimtebesluit = {
      id: rij.kenmerk,
      type: 'contracteerruimte',
      soort: rij.soort,
      regio: rij.regio,
      bekendgemaakt: rij.bekendgemaakt,
      jaren: [rij.jaar],
    };
    perRegio.set(sleutel, besluit);
    return besluit;
  });
  return { besluiten: [...perRegio.values()], perRij };
}

/** The engine's besluiten from rows: the contracteerruimtebesluiten, then the tariefbeschikkingen. */
export function toBesluiten(rijen: Pick<TermijnRijen, 'contracteerruimte' | 'tariefbeschikkingen'>): Besluit[] {
  return [...groupContracteerruimte(rijen.contracteerruimte).besluiten, ...rijen.tariefbeschikkingen.map(toTariefbeschikking)];
}

export function toTariefbeschikking(t: TariefbeschikkingRij): Tariefbeschikking {
  return {
    id: t.kenmerk,
    type: 'tariefbeschikking',
    soort: t.soort,
    regio: t.regio,
    jaar: t.jaar,
    bekendgemaakt: t.bekendgemaakt,
    // Terms belong to a party (termijnregels §4): the addressee, the client.
    aanbieder: t.zorgaanbieder,
  };
}

/** Everything the engine needs for one actor, whole: for a preview, a what-if, or a first computation. */
export function loadTermijnInvoer(db: Db, actor: Actor, peildatum: IsoDatum): GeladenInvoer {
  const rijen = loadTermijnRijen(db, loadTermijnScope(actor));
  return {
    invoer: { peildatum, besluiten: toBesluiten(rijen), beroepen: rijen.beroepen.map((b) => b.beroep) },
    tariefbeschikkingen: new Map(rijen.tariefbeschikkingen.map((t) => [t.kenmerk, t])),
    contracteerruimte: rijen.contracteerruimte,
  };
}
