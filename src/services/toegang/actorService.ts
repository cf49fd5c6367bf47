import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { hashAgendaToken } from '../../db/geheimOpslag';
import { preparePerVerbinding } from '../../db/voorbereid';
import { gebruikers, organisaties } from '../../db/schema';

// Every signed-in request loads its actor: prepared once.
const actorVraag = preparePerVerbinding((db) =>
  db
    .select({
      gebruikerId: gebruikers.id,
      naam: gebruikers.naam,
      email: gebruikers.email,
      rol: gebruikers.rol,
      organisatieId: organisaties.id,
      organisatieNaam: organisaties.naam,
      organisatieSoort: organisaties.soort,
    })
    .from(gebruikers)
    .innerJoin(organisaties, eq(gebruikers.organisatieId, organisaties.id))
    .where(eq(gebruikers.id, sql.placeholder('gebruikerId')))
    .prepare(),
);

/** Who acts, and for which organisation: for the web session, the reminder job and the calendar feed alike. */
export function loadActor(db: Db, gebruikerId: number): Actor | undefined {
  return actorVraag(db).get({ gebruikerId });
}

export function loadActorByEmail(db: Db, email: string): Actor | undefined {
  const gebruiker = db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.email, email)).get();
  return gebruiker ? loadActor(db, gebruiker.id) : undefined;
}

/** One member of every organisation that has one, as an actor: what each organisation's members see is the same. */
export function listOrganisatieActoren(db: Db): Actor[] {
  const eersten = db
    .select({ id: sql<number>`min(${gebruikers.id})` })
    .from(gebruikers)
    .groupBy(gebruikers.organisatieId)
    .all();
  return eersten.map((g) => loadActor(db, g.id)).filter((a): a is Actor => a !== undefined);
}

/** The user whose personal calendar feed this token opens, if any. */
export function findGebruikerByAgendaToken(db: Db, token: string): { id: number; naam: string } | undefined {
  return db
    .select({ id: gebruikers.id, naam: gebruikers.naam })
    .from(gebruikers)
    .where(eq(gebruikers.agendaTokenHash, hashAgendaToken(token)))
    .get();
}
