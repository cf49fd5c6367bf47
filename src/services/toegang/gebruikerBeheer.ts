import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { auditLog, GEBRUIKER_ROLLEN, gebruikers, inloggegevens, ORGANISATIE_SOORTEN, organisaties, sessies, uitnodigingen } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import { createGeheim, hashGeheim } from '../gedeeld/geheimen';
import { createTotpGeheim, sealTotpGeheim } from './aanmeldService';
import { OPERATOR, nieuw, recordAudit, toWijzigingRegel, type Schrijver, type WijzigingRegel } from '../gedeeld/auditService';
import { assertCan } from './permissies';
import { InvoerFout } from '../gedeeld/invoerFout';
import { cleanNaam } from '../../validation/velden';

export type Rol = (typeof GEBRUIKER_ROLLEN)[number];
export const ROLLEN = GEBRUIKER_ROLLEN;
export type OrganisatieSoort = (typeof ORGANISATIE_SOORTEN)[number];
/** An invitation or first sign-in link is valid for 7 days. */
export const UITNODIGING_GELDIG_MS = 7 * 24 * 3600_000;

export const normaliseerEmail = (e: string) => e.trim().toLowerCase();
export const isEmail = (e: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) && e.length <= 254;

/** The operator's command: a new organisation. */
export function createOrganisatie(db: Db, invoer: { naam: string; soort: OrganisatieSoort }): number {
  return writeTransaction(db, (tx) => {
    const naam = invoer.naam.trim();
    if (!naam) throw new InvoerFout([{ veld: 'naam', melding: 'geef de naam van de organisatie' }]);
    if (tx.select({ id: organisaties.id }).from(organisaties).where(eq(organisaties.naam, naam)).get()) {
      throw new InvoerFout([{ veld: 'naam', melding: `er is al een organisatie "${naam}"` }]);
    }
    if (invoer.soort === 'nza' && tx.select({ id: organisaties.id }).from(organisaties).where(eq(organisaties.soort, 'nza')).get()) {
      throw new InvoerFout([{ veld: 'soort', melding: 'er is al een organisatie van de soort nza; er is maar één NZa' }]);
    }
    const id = tx.insert(organisaties).values({ naam, soort: invoer.soort }).returning({ id: organisaties.id }).get().id;
    recordAudit(tx, OPERATOR, {
      actie: 'organisatie toegevoegd',
      onderwerp: 'organisatie',
      onderwerpId: id,
      wijzigingen: nieuw({ naam, soort: invoer.soort }),
    });
    return id;
  });
}

export function findOrganisatieByNaam(db: Db, naam: string): { id: number; naam: string } | undefined {
  return db.select({ id: organisaties.id, naam: organisaties.naam }).from(organisaties).where(eq(organisaties.naam, naam.trim())).get();
}

function insertUitnodiging(tx: Db, geheim: string, gebruikerId: number, door: number | null, nu: Date): string {
  const token = createGeheim();
  // An older open link for the same person stops working.
  tx.update(uitnodigingen)
    .set({ gebruiktOp: nu.toISOString() })
    .where(and(eq(uitnodigingen.gebruikerId, gebruikerId), isNull(uitnodigingen.gebruiktOp)))
    .run();
  tx.insert(uitnodigingen)
    .values({
      tokenHash: hashGeheim(geheim, token),
      gebruikerId,
      totpGeheim: sealTotpGeheim(geheim, createTotpGeheim()),
      verlooptOp: new Date(nu.getTime() + UITNODIGING_GELDIG_MS).toISOString(),
      aangemaaktDoor: door,
    })
    .run();
  return token;
}

/**
 * A new member of an organisation with a one-time sign-in link (valid 7 days) to set password and TOTP. By the
 * operator (command line: `wie` absent) or by a beheerder of that organisation.
 */
export function createGebruiker(
  db: Db,
  geheim: string,
  invoer: { email: string; naam: string; organisatieId: number; rol: Rol },
  nu: Date,
  wie?: Actor,
): { gebruikerId: number; token: string; naam: string; naamGewijzigd: boolean } {
  if (wie) {
    assertCan(wie, 'organisatie.beheren');
    if (wie.organisatieId !== invoer.organisatieId) throw new InvoerFout([{ veld: 'organisatie', melding: 'alleen voor uw eigen organisatie' }]);
  }
  return writeTransaction(db, (tx) => {
    const email = normaliseerEmail(invoer.email);
    // Invisible, bidirectional and control characters never reach a page, an e-mail or a calendar (issue 28.7).
    const { naam, gewijzigd: naamGewijzigd } = cleanNaam(invoer.naam);
    const fouten = [];
    if (!isEmail(email)) fouten.push({ veld: 'email', melding: 'geen geldig e-mailadres' });
    if (!naam) fouten.push({ veld: 'naam', melding: 'geef een naam' });
    if (!GEBRUIKER_ROLLEN.includes(invoer.rol)) fouten.push({ veld: 'rol', melding: `onbekende rol; kies uit ${GEBRUIKER_ROLLEN.join(', ')}` });
    if (fouten.length) throw new InvoerFout(fouten);
    if (
      tx
        .select({ id: gebruikers.id })
        .from(gebruikers)
        .where(sql`lower(${gebruikers.email}) = ${email}`)
        .get()
    ) {
      throw new InvoerFout([{ veld: 'email', melding: 'er is al een gebruiker met dit e-mailadres' }]);
    }
    const gebruikerId = tx
      .insert(gebruikers)
      .values({ email, naam, organisatieId: invoer.organisatieId, rol: invoer.rol })
      .returning({ id: gebruikers.id })
      .get().id;
    const token = insertUitnodiging(tx, geheim, gebruikerId, wie?.gebruikerId ?? null, nu);
    const schrijver: Schrijver = wie ?? { ...OPERATOR, organisatieId: invoer.organisatieId };
    // No e-mail address in the log: the user id names the person.
    recordAudit(tx, schrijver, {
      actie: 'gebruiker uitgenodigd',
      onderwerp: 'gebruiker',
      onderwerpId: gebruikerId,
      wijzigingen: nieuw({ naam, rol: invoer.rol }),
    });
    return { gebruikerId, token, naam, naamGewijzigd };
  });
}

/**
 * A beheerder's invitation (issue 28.7: no answer tells whether an address has an account elsewhere). An address that
 * already belongs to a member of another organisation gets the same answer as a new one: nothing is created, the
 * address's holder is told by e-mail (`elders`), and the attempt is audited for the installation, not in the
 * organisation's log. An address of the beheerder's own organisation is refused as such: it is on the members page.
 */
export function inviteGebruiker(
  db: Db,
  geheim: string,
  invoer: { email: string; naam: string; rol: Rol },
  nu: Date,
  wie: Actor,
): ({ soort: 'uitgenodigd' } & ReturnType<typeof createGebruiker>) | { soort: 'elders'; naam: string; naamGewijzigd: boolean; email: string } {
  assertCan(wie, 'organisatie.beheren');
  const email = normaliseerEmail(invoer.email);
  const bestaand = db
    .select({ organisatieId: gebruikers.organisatieId })
    .from(gebruikers)
    .where(sql`lower(${gebruikers.email}) = ${email}`)
    .get();
  if (!bestaand) return { soort: 'uitgenodigd', ...createGebruiker(db, geheim, { ...invoer, organisatieId: wie.organisatieId }, nu, wie) };
  if (bestaand.organisatieId === wie.organisatieId) throw new InvoerFout([{ veld: 'email', melding: 'dit e-mailadres is al van een lid van uw organisatie' }]);
  const { naam, gewijzigd: naamGewijzigd } = cleanNaam(invoer.naam);
  if (!naam) throw new InvoerFout([{ veld: 'naam', melding: 'geef een naam' }]);
  if (!GEBRUIKER_ROLLEN.includes(invoer.rol)) throw new InvoerFout([{ veld: 'rol', melding: `onbekende rol; kies uit ${GEBRUIKER_ROLLEN.join(', ')}` }]);
  writeTransaction(db, (tx) =>
    recordAudit(
      tx,
      { gebruikerId: wie.gebruikerId, naam: wie.naam, organisatieId: null },
      // Nothing of the organisation's data changed: an entry without changes, so a beheerder can see the attempt.
      {
        actie: 'uitnodiging voor een adres met een account bij een andere organisatie',
        onderwerp: 'organisatie',
        onderwerpId: wie.organisatieId,
        wijzigingen: {},
      },
    ),
  );
  return { soort: 'elders', naam, naamGewijzigd, email };
}

/** Whether a member has enrolled: a password or a second factor is set. */
function isIngericht(tx: Db, gebruikerId: number): boolean {
  const g = tx
    .select({ wachtwoord: inloggegevens.wachtwoordHash, totp: inloggegevens.totpGeheim })
    .from(inloggegevens)
    .where(eq(inloggegevens.gebruikerId, gebruikerId))
    .get();
  return Boolean(g?.wachtwoord || g?.totp);
}

/**
 * A new link for a member who has not finished signing in: the old link stops working. Refused for a member who has
 * enrolled (issue 28.5): a beheerder never sets another's credentials; see `requestHerstel`.
 */
export function renewUitnodiging(
  db: Db,
  geheim: string,
  wie: Actor,
  gebruikerId: number,
  nu: Date,
): { token: string; email: string; naam: string } | undefined {
  assertCan(wie, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const g = findLid(tx, wie, gebruikerId);
    if (!g) return undefined;
    if (isIngericht(tx, gebruikerId)) {
      throw new InvoerFout([
        {
          veld: 'account',
          melding: `${g.naam} heeft het account al ingericht; een nieuwe aanmeldlink kan niet meer. Vraag een herstel aan: ${g.naam} bevestigt dat zelf via de link in de e-mail.`,
        },
      ]);
    }
    const token = insertUitnodiging(tx, geheim, gebruikerId, wie.gebruikerId, nu);
    recordAudit(tx, wie, {
      actie: 'nieuwe aanmeldlink verstuurd',
      onderwerp: 'gebruiker',
      onderwerpId: gebruikerId,
      wijzigingen: { aanmeldlink: ['(vorige vervalt)', '(nieuw)'] },
      kenmerken: { naam: g.naam },
    });
    return { token, ...g };
  });
}

/** A member of the beheerder's own organisation: its address and name, or nothing (another organisation's is no member). */
function findLid(tx: Db, wie: Actor, gebruikerId: number): { email: string; naam: string } | undefined {
  return tx
    .select({ email: gebruikers.email, naam: gebruikers.naam })
    .from(gebruikers)
    .where(and(eq(gebruikers.id, gebruikerId), eq(gebruikers.organisatieId, wie.organisatieId)))
    .get();
}

/**
 * A forgotten password or a lost second factor of a member who has enrolled (issue 28.5): a one-time link (7 days)
 * goes to the member's own address, and nothing changes until the member follows it and sets a new password and
 * TOTP; then every session of the member ends (`acceptUitnodiging`). The link appears in no outbox a beheerder reads.
 */
export function requestHerstel(db: Db, geheim: string, wie: Actor, gebruikerId: number, nu: Date): { token: string; email: string; naam: string } | undefined {
  assertCan(wie, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const g = findLid(tx, wie, gebruikerId);
    if (!g) return undefined;
    if (!isIngericht(tx, gebruikerId)) {
      throw new InvoerFout([{ veld: 'account', melding: `${g.naam} heeft het account nog niet ingericht; stuur een nieuwe aanmeldlink.` }]);
    }
    const token = insertUitnodiging(tx, geheim, gebruikerId, wie.gebruikerId, nu);
    recordAudit(tx, wie, {
      actie: 'herstel van account aangevraagd',
      onderwerp: 'gebruiker',
      onderwerpId: gebruikerId,
      wijzigingen: { herstel: [null, 'aangevraagd'] },
      kenmerken: { naam: g.naam },
    });
    return { token, ...g };
  });
}

export function updateRol(db: Db, wie: Actor, gebruikerId: number, rol: Rol): boolean {
  assertCan(wie, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const g = tx
      .select({ rol: gebruikers.rol, naam: gebruikers.naam })
      .from(gebruikers)
      .where(and(eq(gebruikers.id, gebruikerId), eq(gebruikers.organisatieId, wie.organisatieId)))
      .get();
    if (!g) return false;
    if (!GEBRUIKER_ROLLEN.includes(rol)) throw new InvoerFout([{ veld: 'rol', melding: 'kies een rol: beheerder, jurist of lezer' }]);
    if (gebruikerId === wie.gebruikerId && rol !== 'beheerder') {
      throw new InvoerFout([{ veld: 'rol', melding: 'u kunt uzelf de rol van beheerder niet afnemen; laat een andere beheerder dat doen' }]);
    }
    if (g.rol === rol) return true;
    tx.update(gebruikers).set({ rol }).where(eq(gebruikers.id, gebruikerId)).run();
    recordAudit(tx, wie, {
      actie: 'rol gewijzigd',
      onderwerp: 'gebruiker',
      onderwerpId: gebruikerId,
      wijzigingen: { rol: [g.rol, rol] },
      kenmerken: { naam: g.naam },
    });
    return true;
  });
}

/** The members of the beheerder's organisation, with whether they finished signing in and how many sessions they have. */
export function listLeden(db: Db, wie: Actor) {
  assertCan(wie, 'organisatie.beheren');
  return db
    .select({
      id: gebruikers.id,
      naam: gebruikers.naam,
      email: gebruikers.email,
      rol: gebruikers.rol,
      ingericht: sql<number>`${inloggegevens.wachtwoordHash} IS NOT NULL`,
      sessies: sql<number>`(SELECT count(*) FROM ${sessies} WHERE ${sessies.gebruikerId} = ${gebruikers.id})`,
    })
    .from(gebruikers)
    .leftJoin(inloggegevens, eq(inloggegevens.gebruikerId, gebruikers.id))
    .where(eq(gebruikers.organisatieId, wie.organisatieId))
    .orderBy(asc(gebruikers.naam))
    .all();
}

export function findGebruikerIdByEmail(db: Db, email: string): number | undefined {
  return db
    .select({ id: gebruikers.id })
    .from(gebruikers)
    .where(eq(gebruikers.email, normaliseerEmail(email)))
    .get()?.id;
}

/** A beheerder's view: everything written by the organisation's members. */
export function listOrganisatieLog(db: Db, actor: Actor): WijzigingRegel[] {
  assertCan(actor, 'organisatie.beheren');
  return db.select().from(auditLog).where(eq(auditLog.organisatieId, actor.organisatieId)).orderBy(desc(auditLog.id)).limit(500).all().map(toWijzigingRegel);
}
