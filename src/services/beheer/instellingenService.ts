import type { Contactgegevens } from '../../documents/filingGegevens';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { hashAgendaToken } from '../../db/geheimOpslag';
import { gebruikers, organisaties } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { assertCan } from '../toegang/permissies';
import { diff, recordAudit } from '../gedeeld/auditService';

/** The user's own settings and the organisation's letterhead. Every query is scoped to the acting user or organisation. */

export const createAgendaToken = () => randomBytes(24).toString('base64url');

export interface Instellingen {
  herinneringsschema: string | null;
  weekoverzicht: boolean;
  /** Whether the user has a calendar link; only its hash is stored, so its URL is shown once, when it is made. */
  heeftAgendaLink: boolean;
  organisatie: Contactgegevens & { heeftLogo: number };
}

export function loadInstellingen(db: Db, actor: Actor): Instellingen {
  const g = db
    .select({
      herinneringsschema: gebruikers.herinneringsschema,
      weekoverzicht: gebruikers.weekoverzicht,
      heeftAgendaLink: sql<number>`${gebruikers.agendaTokenHash} IS NOT NULL`,
    })
    .from(gebruikers)
    .where(eq(gebruikers.id, actor.gebruikerId))
    .get()!;
  const organisatie = db
    .select({
      naam: organisaties.naam,
      adres: organisaties.adres,
      postcode: organisaties.postcode,
      plaats: organisaties.plaats,
      email: organisaties.email,
      telefoon: organisaties.telefoon,
      kvkNummer: organisaties.kvkNummer,
      heeftLogo: sql<number>`logo_png IS NOT NULL`,
    })
    .from(organisaties)
    .where(eq(organisaties.id, actor.organisatieId))
    .get()!;
  return { ...g, heeftAgendaLink: g.heeftAgendaLink === 1, organisatie };
}

export function updateHerinneringVoorkeuren(db: Db, actor: Actor, voorkeuren: { schema: readonly number[]; weekoverzicht: boolean }): void {
  assertCan(actor, 'eigen.instellingen');
  writeTransaction(db, (tx) => {
    const voor = tx
      .select({ herinneringsschema: gebruikers.herinneringsschema, weekoverzicht: gebruikers.weekoverzicht })
      .from(gebruikers)
      .where(eq(gebruikers.id, actor.gebruikerId))
      .get()!;
    const na = { herinneringsschema: voorkeuren.schema.join(','), weekoverzicht: voorkeuren.weekoverzicht };
    tx.update(gebruikers).set(na).where(eq(gebruikers.id, actor.gebruikerId)).run();
    recordAudit(tx, actor, { actie: 'herinneringen ingesteld', onderwerp: 'gebruiker', onderwerpId: actor.gebruikerId, wijzigingen: diff(voor, na) });
  });
}

/** A new token revokes the old feed URL at once. Only its hash is stored: the caller shows the token once. */
export function renewAgendaToken(db: Db, actor: Actor): string {
  const token = createAgendaToken();
  assertCan(actor, 'eigen.instellingen');
  writeTransaction(db, (tx) => {
    tx.update(gebruikers)
      .set({ agendaTokenHash: hashAgendaToken(token), agendaToken: null })
      .where(eq(gebruikers.id, actor.gebruikerId))
      .run();
    // The token itself is never logged: only that the old link stopped working.
    recordAudit(tx, actor, {
      actie: 'agendalink vernieuwd',
      onderwerp: 'gebruiker',
      onderwerpId: actor.gebruikerId,
      wijzigingen: { agendalink: ['(vorige, werkt niet meer)', '(nieuw)'] },
    });
  });
  return token;
}

export interface Briefhoofd {
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
}

export function updateBriefhoofd(db: Db, actor: Actor, briefhoofd: Briefhoofd, logoPng?: Buffer): void {
  assertCan(actor, 'organisatie.beheren');
  writeTransaction(db, (tx) => {
    const voor = tx
      .select({
        adres: organisaties.adres,
        postcode: organisaties.postcode,
        plaats: organisaties.plaats,
        email: organisaties.email,
        telefoon: organisaties.telefoon,
      })
      .from(organisaties)
      .where(eq(organisaties.id, actor.organisatieId))
      .get()!;
    tx.update(organisaties)
      .set({ ...briefhoofd, ...(logoPng ? { logoPng } : {}) })
      .where(eq(organisaties.id, actor.organisatieId))
      .run();
    recordAudit(tx, actor, {
      actie: 'briefhoofd gewijzigd',
      onderwerp: 'organisatie',
      onderwerpId: actor.organisatieId,
      // Before and after (issue 28.4); the logo as whether it was replaced.
      wijzigingen: { ...diff(voor, briefhoofd), ...(logoPng ? { logo: ['(vorig)', '(vervangen)'] as const } : {}) },
    });
  });
}

/** The acting organisation's letterhead logo. */
export function loadOrganisatieLogo(db: Db, actor: Actor): Buffer | undefined {
  return db.select({ logo: organisaties.logoPng }).from(organisaties).where(eq(organisaties.id, actor.organisatieId)).get()?.logo ?? undefined;
}
