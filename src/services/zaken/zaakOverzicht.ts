import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { contracteerruimtebesluiten, gebruikers, tariefbeschikkingen, zaakgebeurtenissen, zaken, zorgaanbieders, zorgkantoorregios } from '../../db/schema';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { can } from '../toegang/permissies';

// Reading cases: the list and one case as the actor may see them, a case's timeline, the colleagues to make responsible.

export interface ZaakOverzichtRij {
  id: number;
  soort: 'beroep' | 'bezwaar';
  status: 'concept' | 'ingediend' | 'afgerond';
  regio: string | null;
  jaar: number | null;
  zorgaanbieder: string | null;
  /** The case's client: its own organisation's record (issue 28). */
  zorgaanbiederId: number | null;
  tariefbeschikking: string | null;
  /** The case's own organisation's tariefbeschikking (issue 28: never one of another organisation). */
  tariefbeschikkingId: number | null;
  tariefbeschikkingJaar: number | null;
  tariefbeschikkingRegio: string | null;
  contracteerruimtebesluit: string | null;
  ingesteld: IsoDatum | null;
  afgerond: IsoDatum | null;
  cbbZaaknummer: string | null;
  griffierechtMededeling: IsoDatum | null;
  uitspraak: string | null;
  verantwoordelijke: string | null;
  verantwoordelijkeId: number | null;
  notities: string;
  herinneringsschema: string | null;
  organisatieId: number;
}

function zaakSelectie(db: Db) {
  const tbRegio = sql<string | null>`(SELECT naam FROM zorgkantoorregios WHERE id = ${tariefbeschikkingen.regioId})`;
  return db
    .select({
      id: zaken.id,
      soort: zaken.soort,
      status: zaken.status,
      regio: zorgkantoorregios.naam,
      jaar: zaken.jaar,
      zorgaanbieder: zorgaanbieders.naam,
      zorgaanbiederId: zaken.zorgaanbiederId,
      tariefbeschikking: tariefbeschikkingen.kenmerk,
      tariefbeschikkingId: zaken.tariefbeschikkingId,
      tariefbeschikkingJaar: tariefbeschikkingen.jaar,
      tariefbeschikkingRegio: tbRegio,
      contracteerruimtebesluit: contracteerruimtebesluiten.kenmerk,
      ingesteld: zaken.ingesteld,
      afgerond: zaken.afgerond,
      cbbZaaknummer: zaken.cbbZaaknummer,
      griffierechtMededeling: zaken.griffierechtMededeling,
      uitspraak: zaken.uitspraak,
      verantwoordelijke: gebruikers.naam,
      verantwoordelijkeId: zaken.verantwoordelijkeId,
      notities: zaken.notities,
      herinneringsschema: zaken.herinneringsschema,
      organisatieId: zaken.organisatieId,
    })
    .from(zaken)
    .leftJoin(zorgkantoorregios, eq(zaken.regioId, zorgkantoorregios.id))
    .leftJoin(zorgaanbieders, eq(zaken.zorgaanbiederId, zorgaanbieders.id))
    .leftJoin(tariefbeschikkingen, eq(zaken.tariefbeschikkingId, tariefbeschikkingen.id))
    .leftJoin(contracteerruimtebesluiten, eq(zaken.contracteerruimtebesluitId, contracteerruimtebesluiten.id))
    .leftJoin(gebruikers, eq(zaken.verantwoordelijkeId, gebruikers.id));
}

/**
 * Cases are confidential to their organisation: the NZa (the opposing party) included, nobody reads another
 * organisation's cases. The list is filtered in SQL; each case is checked once more against permissies.ts.
 */
export function loadZaken(db: Db, actor: Actor): ZaakOverzichtRij[] {
  return zaakSelectie(db)
    .where(eq(zaken.organisatieId, actor.organisatieId))
    .orderBy(desc(zaken.id))
    .all()
    .filter((z) => can(actor, 'zaak.lezen', { soort: 'zaak', organisatieId: z.organisatieId }));
}

// Every request under /zaken/:id reads its case: prepared once.
const zaakVraag = preparePerVerbinding((db) =>
  zaakSelectie(db)
    .where(eq(zaken.id, sql.placeholder('id')))
    .prepare(),
);

/** One case, if the actor may read it; otherwise undefined (the web answers 404: its existence is confidential). */
export function loadZaak(db: Db, actor: Actor, id: number): ZaakOverzichtRij | undefined {
  const zaak = zaakVraag(db).get({ id });
  return zaak && can(actor, 'zaak.lezen', { soort: 'zaak', organisatieId: zaak.organisatieId }) ? zaak : undefined;
}

const tijdlijnVraag = preparePerVerbinding((db) =>
  db
    .select({ datum: zaakgebeurtenissen.datum, omschrijving: zaakgebeurtenissen.omschrijving, door: gebruikers.naam, op: zaakgebeurtenissen.aangemaaktOp })
    .from(zaakgebeurtenissen)
    .leftJoin(gebruikers, eq(zaakgebeurtenissen.gebruikerId, gebruikers.id))
    .where(eq(zaakgebeurtenissen.zaakId, sql.placeholder('zaakId')))
    .orderBy(asc(zaakgebeurtenissen.datum), asc(zaakgebeurtenissen.id))
    .prepare(),
);

export function loadTijdlijn(db: Db, zaakId: number) {
  return tijdlijnVraag(db).all({ zaakId });
}

const collegasVraag = preparePerVerbinding((db) =>
  db
    .select({ id: gebruikers.id, naam: gebruikers.naam })
    .from(gebruikers)
    .where(eq(gebruikers.organisatieId, sql.placeholder('organisatieId')))
    .orderBy(asc(gebruikers.naam))
    .prepare(),
);

export function loadCollegas(db: Db, actor: Actor) {
  return collegasVraag(db).all({ organisatieId: actor.organisatieId });
}

/** A bezwaar against a Wlz-sluittarief: its page also lists the beroepschrift, to explain why none opens. */
export function isSluittarief(db: Db, zaak: ZaakOverzichtRij): boolean {
  return (
    zaak.tariefbeschikkingId !== null &&
    db.select({ soort: tariefbeschikkingen.soort }).from(tariefbeschikkingen).where(eq(tariefbeschikkingen.id, zaak.tariefbeschikkingId)).get()?.soort ===
      'sluittarief'
  );
}
