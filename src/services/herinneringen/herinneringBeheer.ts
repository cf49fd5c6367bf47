import { and, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { gebruikers, herinneringen, organisaties, zaken } from '../../db/schema';
import { writeTransaction } from '../../db/transactie';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { assertCan, can } from '../toegang/permissies';
import { recordAudit } from '../gedeeld/auditService';
import { InvoerFout } from '../gedeeld/invoerFout';

/**
 * Who is reminded of what (issue 14) and what a beheerder does about reminders whose delivery is unknown (issue 12):
 * the organisation's default and backup responsible persons, "gezien", and the two answers to an `onzeker` reminder.
 */

export interface Verantwoordelijken {
  standaardId: number | null;
  reserveId: number | null;
  leden: { id: number; naam: string; email: string; rol: string }[];
}

export function loadVerantwoordelijken(db: Db, actor: Actor): Verantwoordelijken {
  assertCan(actor, 'organisatie.beheren');
  const org = db
    .select({ standaardId: organisaties.standaardVerantwoordelijkeId, reserveId: organisaties.reserveVerantwoordelijkeId })
    .from(organisaties)
    .where(eq(organisaties.id, actor.organisatieId))
    .get()!;
  const leden = db
    .select({ id: gebruikers.id, naam: gebruikers.naam, email: gebruikers.email, rol: gebruikers.rol })
    .from(gebruikers)
    .where(eq(gebruikers.organisatieId, actor.organisatieId))
    .orderBy(gebruikers.naam)
    .all();
  return { ...org, leden };
}

/** Sets the default and backup person; both must be members of the beheerder's own organisation, and differ. */
export function updateVerantwoordelijken(db: Db, actor: Actor, invoer: { standaardId: number | null; reserveId: number | null }): void {
  assertCan(actor, 'organisatie.beheren');
  writeTransaction(db, (tx) => {
    const leden = new Set(
      tx
        .select({ id: gebruikers.id })
        .from(gebruikers)
        .where(eq(gebruikers.organisatieId, actor.organisatieId))
        .all()
        .map((g) => g.id),
    );
    const fouten = [
      ...(invoer.standaardId !== null && !leden.has(invoer.standaardId) ? [{ veld: 'standaard', melding: 'kies een lid van uw organisatie' }] : []),
      ...(invoer.reserveId !== null && !leden.has(invoer.reserveId) ? [{ veld: 'reserve', melding: 'kies een lid van uw organisatie' }] : []),
      ...(invoer.reserveId !== null && invoer.reserveId === invoer.standaardId
        ? [{ veld: 'reserve', melding: 'de vervanger moet een ander zijn dan de standaardverantwoordelijke' }]
        : []),
    ];
    if (fouten.length) throw new InvoerFout(fouten);
    const voor = tx
      .select({ standaardId: organisaties.standaardVerantwoordelijkeId, reserveId: organisaties.reserveVerantwoordelijkeId })
      .from(organisaties)
      .where(eq(organisaties.id, actor.organisatieId))
      .get();
    tx.update(organisaties)
      .set({ standaardVerantwoordelijkeId: invoer.standaardId, reserveVerantwoordelijkeId: invoer.reserveId })
      .where(eq(organisaties.id, actor.organisatieId))
      .run();
    recordAudit(tx, actor, {
      actie: 'verantwoordelijken voor herinneringen gewijzigd',
      onderwerp: 'organisatie',
      onderwerpId: actor.organisatieId,
      wijzigingen: { standaard: [voor?.standaardId ?? null, invoer.standaardId], reserve: [voor?.reserveId ?? null, invoer.reserveId] },
    });
  });
}

/** A ledger row of the actor's organisation (by its recipient), or undefined: another organisation's is not there. */
function findOrganisatieRij(db: Db, actor: Actor, id: number) {
  return db
    .select({ rij: herinneringen, organisatieId: gebruikers.organisatieId })
    .from(herinneringen)
    .innerJoin(gebruikers, eq(herinneringen.gebruikerId, gebruikers.id))
    .where(and(eq(herinneringen.id, id), eq(gebruikers.organisatieId, actor.organisatieId)))
    .get()?.rij;
}

/** "opnieuw versturen": an `onzeker` or `mislukt` reminder is planned again and sent by the next run. */
export function resendHerinnering(db: Db, actor: Actor, id: number): boolean {
  assertCan(actor, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const rij = findOrganisatieRij(tx, actor, id);
    if (!rij || (rij.status !== 'onzeker' && rij.status !== 'mislukt')) return false;
    tx.update(herinneringen)
      .set({ status: 'gepland', opnieuwGevraagd: true, pogingen: 0, volgendePoging: 0, fout: null, geclaimdDoor: null })
      .where(and(eq(herinneringen.id, id), inArray(herinneringen.status, ['onzeker', 'mislukt'])))
      .run();
    recordAudit(tx, actor, {
      actie: 'herinnering opnieuw verstuurd',
      onderwerp: 'herinnering',
      onderwerpId: id,
      wijzigingen: { status: [rij.status, 'gepland'] },
    });
    return true;
  });
}

/** "was verzonden": the beheerder confirms an `onzeker` reminder arrived; it is recorded as sent, by whom. */
export function confirmHerinneringVerzonden(db: Db, actor: Actor, id: number, nu: Date): boolean {
  assertCan(actor, 'organisatie.beheren');
  return writeTransaction(db, (tx) => {
    const rij = findOrganisatieRij(tx, actor, id);
    if (!rij || rij.status !== 'onzeker') return false;
    tx.update(herinneringen)
      .set({ status: 'verzonden', verzondenOp: nu.toISOString(), fout: `als verzonden bevestigd door ${actor.naam}` })
      .where(and(eq(herinneringen.id, id), eq(herinneringen.status, 'onzeker')))
      .run();
    recordAudit(tx, actor, {
      actie: 'herinnering als verzonden bevestigd',
      onderwerp: 'herinnering',
      onderwerpId: id,
      wijzigingen: { status: ['onzeker', 'verzonden'] },
    });
    return true;
  });
}

/** The ledger's term key in words: "Zaak 3", or "beroep tegen NZa/CR/… — Utrecht 2026 (partij)". */
export function describeTermijnSleutel(sleutel: string | null): string {
  if (!sleutel) return 'weekoverzicht';
  const zaak = /^z(\d+)$/.exec(sleutel);
  if (zaak) return `Zaak ${zaak[1]}`;
  const [, rechtsmiddel, , besluit, regio, jaar, ...partij] = sleutel.split(':');
  const wie = partij.join(':');
  return `${rechtsmiddel} tegen ${besluit} — ${regio} ${jaar}${wie && wie !== '*' ? ` (${wie})` : ''}`;
}

/** A reminder or escalation sent to the actor, or to a colleague (the backup and beheerder act on it too). */
export function loadHerinnering(db: Db, actor: Actor, id: number) {
  const gevonden = db
    .select({ rij: herinneringen, aan: gebruikers.naam, organisatieId: gebruikers.organisatieId, zaakOrganisatieId: zaken.organisatieId })
    .from(herinneringen)
    .innerJoin(gebruikers, eq(herinneringen.gebruikerId, gebruikers.id))
    .leftJoin(zaken, eq(zaken.id, herinneringen.zaakId))
    .where(and(eq(herinneringen.id, id), inArray(herinneringen.soort, ['herinnering', 'escalatie'])))
    .get();
  if (!gevonden || gevonden.organisatieId !== actor.organisatieId) return undefined;
  const { rij } = gevonden;
  const gezien =
    rij.gezienOp ??
    db
      .select({ op: herinneringen.gezienOp })
      .from(herinneringen)
      .where(and(eq(herinneringen.termijn, rij.termijn ?? ''), eq(herinneringen.einde, rij.einde ?? '')))
      .all()
      .find((r) => r.op)?.op ??
    null;
  return {
    ...rij,
    aan: gevonden.aan,
    /** The organisation whose term it is: the reminder's own, else its case's, else (older rows) its addressee's. */
    eigenOrganisatieId: rij.organisatieId ?? gevonden.zaakOrganisatieId ?? gevonden.organisatieId,
    eigen: rij.gebruikerId === actor.gebruikerId,
    magGezien: can(actor, 'herinnering.gezien', {
      soort: 'herinnering',
      gebruikerId: rij.gebruikerId,
      organisatieId: rij.organisatieId ?? gevonden.zaakOrganisatieId ?? gevonden.organisatieId,
    }),
    termijnGezienOp: gezien,
    omschrijving: describeTermijnSleutel(rij.termijn),
  };
}

/**
 * "gezien": the term of this reminder is seen; it is no longer escalated. Only by its addressee, or by a beheerder of
 * the organisation (audited as such); anyone else of the organisation is refused (403).
 */
export function markGezien(db: Db, actor: Actor, id: number, nu: Date): boolean {
  const rij = loadHerinnering(db, actor, id);
  if (!rij) return false;
  assertCan(actor, 'herinnering.gezien', { soort: 'herinnering', gebruikerId: rij.gebruikerId, organisatieId: rij.eigenOrganisatieId });
  if (rij.gezienOp) return true;
  writeTransaction(db, (tx) => {
    tx.update(herinneringen).set({ gezienOp: nu.toISOString() }).where(eq(herinneringen.id, id)).run();
    recordAudit(
      tx,
      actor,
      rij.gebruikerId === actor.gebruikerId
        ? { actie: 'herinnering gezien', onderwerp: 'herinnering', onderwerpId: id, wijzigingen: { gezien: [null, nu.toISOString()] } }
        : {
            actie: 'herinnering gezien door beheerder',
            onderwerp: 'herinnering',
            onderwerpId: id,
            wijzigingen: { gezien: [null, nu.toISOString()] },
            kenmerken: { aan: rij.aan },
          },
    );
  });
  return true;
}

/** The reminders sent to the actor for terms still running and not yet marked seen: the app's "gezien" list. */
export function listOngezien(db: Db, actor: Actor, vandaag: IsoDatum) {
  return db
    .select({
      id: herinneringen.id,
      soort: herinneringen.soort,
      einde: herinneringen.einde,
      zaakId: herinneringen.zaakId,
      termijn: herinneringen.termijn,
      op: herinneringen.verzondenOp,
    })
    .from(herinneringen)
    .where(
      and(
        eq(herinneringen.gebruikerId, actor.gebruikerId),
        inArray(herinneringen.soort, ['herinnering', 'escalatie']),
        eq(herinneringen.status, 'verzonden'),
        isNull(herinneringen.gezienOp),
        or(isNull(herinneringen.einde), gte(herinneringen.einde, vandaag)),
      ),
    )
    .orderBy(desc(herinneringen.id))
    .limit(200)
    .all()
    .map((r) => ({ ...r, omschrijving: describeTermijnSleutel(r.termijn) }));
}
