import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import { ziesAlles } from '../actor/actor';
import type { Beroep, Contracteerruimtebesluit, Tariefbeschikking, TermijnInvoer } from '../domain/besluiten/besluit';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Db } from '../db/verbinding';
import {
  contracteerruimtebedragen,
  contracteerruimtebesluiten,
  tariefbeschikkingen,
  vertegenwoordigingen,
  zaken,
  zorgaanbieders,
  zorgkantoorregios,
} from '../db/schema';

export interface TariefbeschikkingRij {
  id: number;
  kenmerk: string;
  zorgaanbiederId: number;
  zorgaanbieder: string;
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
  regio: string;
  jaar: number;
  bedragCenten: number;
}

export interface GeladenInvoer {
  invoer: TermijnInvoer;
  tariefbeschikkingen: Map<string, TariefbeschikkingRij>;
  contracteerruimte: ContracteerruimteRij[];
}

/** Ids of the zorgaanbieders the actor's organisation acts for; undefined means all (NZa). */
export function loadZichtbareZorgaanbieders(db: Db, actor: Actor): number[] | undefined {
  if (ziesAlles(actor)) return undefined;
  return db
    .select({ id: vertegenwoordigingen.zorgaanbiederId })
    .from(vertegenwoordigingen)
    .where(eq(vertegenwoordigingen.organisatieId, actor.organisatieId))
    .all()
    .map((r) => r.id);
}

/**
 * Everything the engine needs for one actor: the public contracteerruimtebesluiten, the tariefbeschikkingen of the
 * zorgaanbieders the organisation acts for (all of them for the NZa), and the beroepen of its cases.
 */
export function loadTermijnInvoer(db: Db, actor: Actor, peildatum: IsoDatum): GeladenInvoer {
  const zichtbaar = loadZichtbareZorgaanbieders(db, actor);
  const crRijen: ContracteerruimteRij[] = db
    .select({
      id: contracteerruimtebesluiten.id,
      kenmerk: contracteerruimtebesluiten.kenmerk,
      soort: contracteerruimtebesluiten.soort,
      besluitdatum: contracteerruimtebesluiten.besluitdatum,
      bekendgemaakt: contracteerruimtebesluiten.bekendgemaakt,
      regio: zorgkantoorregios.naam,
      jaar: contracteerruimtebedragen.jaar,
      bedragCenten: contracteerruimtebedragen.bedragCenten,
    })
    .from(contracteerruimtebedragen)
    .innerJoin(contracteerruimtebesluiten, eq(contracteerruimtebedragen.besluitId, contracteerruimtebesluiten.id))
    .innerJoin(zorgkantoorregios, eq(contracteerruimtebedragen.regioId, zorgkantoorregios.id))
    .orderBy(contracteerruimtebesluiten.bekendgemaakt, contracteerruimtebesluiten.id, zorgkantoorregios.naam, contracteerruimtebedragen.jaar)
    .all();

  const tbRijen: TariefbeschikkingRij[] =
    zichtbaar && zichtbaar.length === 0
      ? []
      : db
          .select({
            id: tariefbeschikkingen.id,
            kenmerk: tariefbeschikkingen.kenmerk,
            zorgaanbiederId: tariefbeschikkingen.zorgaanbiederId,
            zorgaanbieder: zorgaanbieders.naam,
            regio: zorgkantoorregios.naam,
            jaar: tariefbeschikkingen.jaar,
            soort: tariefbeschikkingen.soort,
            besluitdatum: tariefbeschikkingen.besluitdatum,
            bekendgemaakt: tariefbeschikkingen.bekendgemaakt,
          })
          .from(tariefbeschikkingen)
          .innerJoin(zorgaanbieders, eq(tariefbeschikkingen.zorgaanbiederId, zorgaanbieders.id))
          .innerJoin(zorgkantoorregios, eq(tariefbeschikkingen.regioId, zorgkantoorregios.id))
          .where(zichtbaar ? inArray(tariefbeschikkingen.zorgaanbiederId, zichtbaar) : sql`1 = 1`)
          .all();

  // One engine besluit per (besluit, regio): an NZa besluit fixes all regions under one kenmerk.
  const crPerRegio = new Map<string, Contracteerruimtebesluit>();
  for (const rij of crRijen) {
    const sleutel = `${rij.id}\u0000${rij.regio}`;
    const bestaand = crPerRegio.get(sleutel);
    if (bestaand) bestaand.jaren.push(rij.jaar);
    else {
      crPerRegio.set(sleutel, {
        id: rij.kenmerk,
        type: 'contracteerruimte',
        soort: rij.soort,
        regio: rij.regio,
        bekendgemaakt: rij.bekendgemaakt,
        jaren: [rij.jaar],
      });
    }
  }

  const beroepRijen = db
    .select({
      jaar: zaken.jaar,
      regio: zorgkantoorregios.naam,
      ingesteld: zaken.ingesteld,
      afgerond: zaken.afgerond,
      tbKenmerk: tariefbeschikkingen.kenmerk,
      crKenmerk: contracteerruimtebesluiten.kenmerk,
      zorgaanbieder: zorgaanbieders.naam,
    })
    .from(zaken)
    .innerJoin(zorgkantoorregios, eq(zaken.regioId, zorgkantoorregios.id))
    .leftJoin(zorgaanbieders, eq(zaken.zorgaanbiederId, zorgaanbieders.id))
    .leftJoin(tariefbeschikkingen, eq(zaken.tariefbeschikkingId, tariefbeschikkingen.id))
    .leftJoin(contracteerruimtebesluiten, eq(zaken.contracteerruimtebesluitId, contracteerruimtebesluiten.id))
    .where(and(eq(zaken.soort, 'beroep'), sql`${zaken.ingesteld} IS NOT NULL`, ziesAlles(actor) ? sql`1 = 1` : eq(zaken.organisatieId, actor.organisatieId)))
    .all();

  const tbMap = new Map(tbRijen.map((t) => [t.kenmerk, t]));
  const besluiten = [
    ...crPerRegio.values(),
    ...tbRijen.map<Tariefbeschikking>((t) => ({
      id: t.kenmerk,
      type: 'tariefbeschikking',
      soort: t.soort,
      regio: t.regio,
      jaar: t.jaar,
      bekendgemaakt: t.bekendgemaakt,
      // Terms belong to a party (termijnregels §4): the addressee, the client.
      aanbieder: t.zorgaanbieder,
    })),
  ];
  const bekend = new Set(besluiten.map((b) => b.id));
  const beroepen: Beroep[] = beroepRijen.flatMap((b) => {
    const tegen = b.crKenmerk ?? b.tbKenmerk;
    if (!tegen || !bekend.has(tegen) || b.jaar === null || b.ingesteld === null) return [];
    return [{ tegen, regio: b.regio, jaar: b.jaar, ingesteld: b.ingesteld, afgerond: b.afgerond, ...(b.zorgaanbieder ? { partij: b.zorgaanbieder } : {}) }];
  });
  return { invoer: { peildatum, besluiten, beroepen }, tariefbeschikkingen: tbMap, contracteerruimte: crRijen };
}

/** The zorgaanbieders the actor may register decisions for, by name. */
export function loadZorgaanbiedersVoorActor(db: Db, actor: Actor): { kvkNummer: string; naam: string }[] {
  const zichtbaar = loadZichtbareZorgaanbieders(db, actor);
  if (zichtbaar && zichtbaar.length === 0) return [];
  return db
    .select({ kvkNummer: zorgaanbieders.kvkNummer, naam: zorgaanbieders.naam })
    .from(zorgaanbieders)
    .where(zichtbaar ? inArray(zorgaanbieders.id, zichtbaar) : sql`1 = 1`)
    .orderBy(zorgaanbieders.naam)
    .all();
}
