import { and, desc, eq, inArray, notLike } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import { assertCan } from '../toegang/permissies';
import type { Db } from '../../db/verbinding';
import { gebruikers, herinneringen, uitgaandeMail } from '../../db/schema';
import { describeTermijnSleutel } from './herinneringBeheer';
import { AANMELDLINK_MAILS } from '../toegang/uitnodigingMail';

/** E-mails with a sign-in link are for their addressee only (issue 28.5): never listed or served here. */
const zonderAanmeldlinks = () => AANMELDLINK_MAILS.map((p) => notLike(uitgaandeMail.messageId, `${p}%`));

/**
 * The embedded outbox and the reminders that could not be delivered, for the beheerder's own organisation only; never
 * an e-mail with a sign-in link.
 */
export function loadOutbox(db: Db, actor: Actor) {
  assertCan(actor, 'organisatie.beheren');
  const collegas = db.select({ id: gebruikers.id, email: gebruikers.email }).from(gebruikers).where(eq(gebruikers.organisatieId, actor.organisatieId)).all();
  const adressen = collegas.map((g) => g.email);
  const mails = adressen.length
    ? db
        .select({ id: uitgaandeMail.id, aan: uitgaandeMail.aan, onderwerp: uitgaandeMail.onderwerp, op: uitgaandeMail.aangemaaktOp })
        .from(uitgaandeMail)
        .where(and(inArray(uitgaandeMail.aan, adressen), ...zonderAanmeldlinks()))
        .orderBy(desc(uitgaandeMail.id))
        .limit(200)
        .all()
    : [];
  const problemen = collegas.length
    ? db
        .select({
          id: herinneringen.id,
          zaakId: herinneringen.zaakId,
          status: herinneringen.status,
          moment: herinneringen.moment,
          fout: herinneringen.fout,
          pogingen: herinneringen.pogingen,
          termijn: herinneringen.termijn,
          aan: gebruikers.email,
        })
        .from(herinneringen)
        .innerJoin(gebruikers, eq(herinneringen.gebruikerId, gebruikers.id))
        .where(
          and(
            inArray(herinneringen.status, ['mislukt', 'onzeker']),
            inArray(
              herinneringen.gebruikerId,
              collegas.map((g) => g.id),
            ),
          ),
        )
        .orderBy(desc(herinneringen.id))
        .all()
        .map((p) => ({ ...p, omschrijving: describeTermijnSleutel(p.termijn) }))
    : [];
  return { mails, problemen };
}

/** One stored e-mail, if it went to someone in the beheerder's own organisation. */
export function findOutboxMail(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'organisatie.beheren');
  const mail = db
    .select()
    .from(uitgaandeMail)
    .where(and(eq(uitgaandeMail.id, id), ...zonderAanmeldlinks()))
    .get();
  if (!mail) return undefined;
  const collega = db
    .select({ id: gebruikers.id })
    .from(gebruikers)
    .where(and(eq(gebruikers.email, mail.aan), eq(gebruikers.organisatieId, actor.organisatieId)))
    .get();
  return collega ? mail : undefined;
}
