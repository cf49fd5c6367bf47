import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { controleUitnodigingen, gebruikers, organisaties, zorgkantoorregios } from '../../db/schema';
import { NL_ZONE, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { recordAudit } from '../gedeeld/auditService';
import { writeRegistratie, type Registratie, InvoerFout } from '../gedeeld/invoerFout';
import {
  buildOrganisatieLezer,
  compareMetBesluit,
  controleKenmerken,
  findTeControlerenTermijn,
  insertControle,
  type Vergelijking,
} from './fataleDatumControle';
import { findGeldigeControle, loadFataleDatumControles } from './controleWeergave';
import { formatControleSleutel, loadVierOgen, type TeControlerenDatum } from './vierOgen';
import { createGeheim, hashGeheim } from '../gedeeld/geheimen';
import { formatOpsomming } from '../../domain/tekst';
import { assertCan } from '../toegang/permissies';
import type { TermijnService } from '../termijnen/termijnService';

/** How long an external checker's link works (issue 30.2: expiring), and never past the last day it is about. */
export const EXTERNE_CONTROLE_GELDIG_DAGEN = 7;

/**
 * Invites an external checker (issue 30.2) for one date of the actor's organisation, where nobody of the organisation
 * but its first pair of eyes could check it. The link (returned once, stored as a keyed hash) shows that term's besluit
 * and afleiding only, and works until the earlier of seven days and the last day itself.
 */
export function inviteExterneControleur(
  db: Db,
  geheim: string,
  actor: Actor,
  termijnen: TermijnService,
  vandaag: IsoDatum,
  nu: Date,
  invoer: TeControlerenDatum & { naam: string; email: string },
): Registratie & { token?: string; uitnodigingId?: number; verlooptOp?: string } {
  assertCan(actor, 'termijn.controleren');
  let token: string | undefined;
  let verlooptOp: string | undefined;
  const uitkomst = writeRegistratie(db, (tx) => {
    const berekend = termijnen.computeVoorActor(actor, vandaag);
    const { regio, termijn } = findTeControlerenTermijn(tx, berekend, vandaag, invoer);
    const controleurs = loadVierOgen(tx, actor, berekend).controleurs(termijn);
    if (controleurs.length)
      throw new InvoerFout([
        {
          veld: 'email',
          melding: `Een externe controleur is voor een organisatie waarin niemand anders de datum kan controleren. Vraag ${formatOpsomming(
            controleurs.map((g) => g.naam),
            'of',
          )}.`,
        },
      ]);
    const sleutel = formatControleSleutel(termijn);
    if (listOpenUitnodigingen(tx, actor, nu).some((u) => u.sleutel === sleutel))
      throw new InvoerFout([{ veld: 'email', melding: 'Voor deze datum loopt al een uitnodiging. Wacht op de controle of tot de link verloopt.' }]);
    // Never an address with an account here (the NZa's above all, ADR 0006): the link is for someone outside.
    if (
      tx
        .select({ id: gebruikers.id })
        .from(gebruikers)
        .where(sql`lower(${gebruikers.email}) = ${invoer.email.trim().toLowerCase()}`)
        .get()
    )
      throw new InvoerFout([
        { veld: 'email', melding: 'Dit e-mailadres kan niet worden uitgenodigd als externe controleur: kies iemand zonder account in de Termijnbewaking.' },
      ]);
    token = createGeheim();
    const zevenDagen = DateTime.fromJSDate(nu).setZone(NL_ZONE).plus({ days: EXTERNE_CONTROLE_GELDIG_DAGEN }).toUTC().toISO()!;
    const laatsteDag = DateTime.fromISO(termijn.einde, { zone: NL_ZONE }).endOf('day').toUTC().toISO()!;
    const id = tx
      .insert(controleUitnodigingen)
      .values({
        organisatieId: actor.organisatieId,
        tokenHash: hashGeheim(geheim, token),
        partij: termijn.partij ?? '',
        regioId: regio.id,
        jaar: termijn.jaar,
        einde: termijn.einde,
        naam: invoer.naam,
        email: invoer.email,
        uitgenodigdDoor: actor.gebruikerId,
        verlooptOp: (verlooptOp = zevenDagen < laatsteDag ? zevenDagen : laatsteDag),
      })
      .returning({ id: controleUitnodigingen.id })
      .get().id;
    recordAudit(tx, actor, {
      actie: 'externe controleur uitgenodigd',
      onderwerp: 'fatale datum',
      onderwerpId: id,
      wijzigingen: { uitgenodigd: [null, invoer.email] },
      kenmerken: { partij: termijn.partij ?? 'alle partijen', regio: termijn.regio, jaar: termijn.jaar, einde: termijn.einde, naam: invoer.naam },
    });
    return id;
  });
  return uitkomst.ok && token ? { ...uitkomst, token, uitnodigingId: uitkomst.id, verlooptOp: verlooptOp! } : uitkomst;
}

export interface ExterneControle {
  uitnodigingId: number;
  naam: string;
  organisatie: string;
  uitgenodigdDoor: string;
  verlooptOp: string;
  termijn: Termijn;
}

/**
 * The one term an external checker's link opens, computed as its organisation sees it; undefined when the link is
 * unknown, used, expired, or its date is no longer the last day of a running term of that organisation.
 */
export function findExterneControle(
  db: Db,
  geheim: string,
  termijnen: TermijnService,
  vandaag: IsoDatum,
  nu: Date,
  token: string,
): ExterneControle | undefined {
  const u = db
    .select({
      id: controleUitnodigingen.id,
      naam: controleUitnodigingen.naam,
      partij: controleUitnodigingen.partij,
      regio: zorgkantoorregios.naam,
      jaar: controleUitnodigingen.jaar,
      einde: controleUitnodigingen.einde,
      verlooptOp: controleUitnodigingen.verlooptOp,
      organisatieId: organisaties.id,
      organisatie: organisaties.naam,
      soort: organisaties.soort,
      door: gebruikers.naam,
    })
    .from(controleUitnodigingen)
    .innerJoin(zorgkantoorregios, eq(controleUitnodigingen.regioId, zorgkantoorregios.id))
    .innerJoin(organisaties, eq(controleUitnodigingen.organisatieId, organisaties.id))
    .innerJoin(gebruikers, eq(controleUitnodigingen.uitgenodigdDoor, gebruikers.id))
    .where(
      and(
        eq(controleUitnodigingen.tokenHash, hashGeheim(geheim, token)),
        isNull(controleUitnodigingen.gebruiktOp),
        gt(controleUitnodigingen.verlooptOp, nu.toISOString()),
      ),
    )
    .get();
  if (!u) return undefined;
  const berekend = termijnen.computeVoorActor(buildOrganisatieLezer({ id: u.organisatieId, naam: u.organisatie, soort: u.soort }), vandaag);
  try {
    const { termijn } = findTeControlerenTermijn(db, berekend, vandaag, { partij: u.partij || undefined, regio: u.regio, jaar: u.jaar, einde: u.einde });
    // Checked meanwhile (by a colleague, a second reading, another link): this link has nothing left to show.
    if (findGeldigeControle(loadFataleDatumControles(db, u.organisatieId), termijn)) return undefined;
    return { uitnodigingId: u.id, naam: u.naam, organisatie: u.organisatie, uitgenodigdDoor: u.door, verlooptOp: u.verlooptOp, termijn };
  } catch (e) {
    if (e instanceof InvoerFout) return undefined;
    throw e;
  }
}

/** The external checker confirms the date, having compared the besluit: recorded as an external check, the link used. */
export function confirmExterneControle(
  db: Db,
  geheim: string,
  termijnen: TermijnService,
  vandaag: IsoDatum,
  nu: Date,
  token: string,
  invoer: Vergelijking,
): Registratie {
  return writeRegistratie(db, (tx) => {
    const controle = findExterneControle(tx, geheim, termijnen, vandaag, nu, token);
    if (!controle) throw new InvoerFout([{ veld: 'token', melding: 'Deze link werkt niet meer: hij is gebruikt of verlopen, of de datum is veranderd.' }]);
    const u = tx
      .select({
        organisatieId: controleUitnodigingen.organisatieId,
        regioId: controleUitnodigingen.regioId,
        door: controleUitnodigingen.uitgenodigdDoor,
        naam: controleUitnodigingen.naam,
        email: controleUitnodigingen.email,
      })
      .from(controleUitnodigingen)
      .where(eq(controleUitnodigingen.id, controle.uitnodigingId))
      .get()!;
    compareMetBesluit(controle.termijn, invoer);
    const id = insertControle(tx, u.organisatieId, u.regioId, controle.termijn, invoer, u.door, 'extern', { naam: u.naam, email: u.email });
    tx.update(controleUitnodigingen).set({ gebruiktOp: nu.toISOString() }).where(eq(controleUitnodigingen.id, controle.uitnodigingId)).run();
    recordAudit(
      tx,
      { gebruikerId: u.door, naam: `${u.naam} (externe controleur, uitgenodigd door ${controle.uitgenodigdDoor})`, organisatieId: u.organisatieId },
      {
        actie: 'fatale datum gecontroleerd (extern)',
        onderwerp: 'fatale datum',
        onderwerpId: id,
        wijzigingen: { gecontroleerd: [null, controle.termijn.einde] },
        kenmerken: controleKenmerken(controle.termijn, invoer),
      },
    );
    return id;
  });
}

/** The organisation's invitations still open for a date: shown beside it ("uitgenodigd: …, tot …"). */
export function listOpenUitnodigingen(
  db: Pick<Db, 'select'>,
  actor: Actor,
  nu: Date,
): { id: number; sleutel: string; naam: string; email: string; verlooptOp: string }[] {
  return db
    .select({
      id: controleUitnodigingen.id,
      partij: controleUitnodigingen.partij,
      regio: zorgkantoorregios.naam,
      jaar: controleUitnodigingen.jaar,
      einde: controleUitnodigingen.einde,
      naam: controleUitnodigingen.naam,
      email: controleUitnodigingen.email,
      verlooptOp: controleUitnodigingen.verlooptOp,
    })
    .from(controleUitnodigingen)
    .innerJoin(zorgkantoorregios, eq(controleUitnodigingen.regioId, zorgkantoorregios.id))
    .where(
      and(
        eq(controleUitnodigingen.organisatieId, actor.organisatieId),
        isNull(controleUitnodigingen.gebruiktOp),
        gt(controleUitnodigingen.verlooptOp, nu.toISOString()),
      ),
    )
    .all()
    .map((r) => ({
      id: r.id,
      sleutel: formatControleSleutel({ ...r, partij: r.partij || undefined }),
      naam: r.naam,
      email: r.email,
      verlooptOp: r.verlooptOp,
    }));
}

/**
 * Withdraws an open invitation of the actor's organisation (issue 30.2): by hand (a mistyped address, a checker who
 * cannot), or when its e-mail could not be sent. The link stops working at once and the date can be offered again.
 * Audited with the reason.
 */
export function withdrawUitnodiging(db: Db, actor: Actor, uitnodigingId: number, nu: Date, reden: string): Registratie {
  assertCan(actor, 'termijn.controleren');
  return writeRegistratie(db, (tx) => {
    const ingetrokken = tx
      .update(controleUitnodigingen)
      .set({ gebruiktOp: nu.toISOString() })
      .where(
        and(
          eq(controleUitnodigingen.id, uitnodigingId),
          eq(controleUitnodigingen.organisatieId, actor.organisatieId),
          isNull(controleUitnodigingen.gebruiktOp),
          gt(controleUitnodigingen.verlooptOp, nu.toISOString()),
        ),
      )
      .run().changes;
    if (!ingetrokken)
      throw new InvoerFout([{ veld: 'uitnodiging', melding: 'Deze uitnodiging loopt niet meer: zij is gebruikt, verlopen of al ingetrokken.' }]);
    recordAudit(tx, actor, {
      actie: 'uitnodiging externe controleur ingetrokken',
      onderwerp: 'fatale datum',
      onderwerpId: uitnodigingId,
      wijzigingen: { ingetrokken: [null, reden] },
    });
    return uitnodigingId;
  });
}
