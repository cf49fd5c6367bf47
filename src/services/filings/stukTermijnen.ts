import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { writeTransaction } from '../../db/transactie';
import { stukTermijnen, zaakgebeurtenissen, zaken, type STUKTERMIJN_SOORTEN } from '../../db/schema';
import type { AtwKalender } from '../../domain/kalender/atwKalender';
import { formatDatumKort, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { computeGriffierechtTermijn, computeHersteltermijn } from '../../domain/termijnen/overigeTermijnen';
import { assertCan } from '../toegang/permissies';
import { diff, recordAudit } from '../gedeeld/auditService';
import { InvoerFout } from '../gedeeld/invoerFout';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';

export type StukTermijnSoort = (typeof STUKTERMIJN_SOORTEN)[number];

export type StukTermijnInvoer =
  /** Art. 6:6 Awb: the griffier's letter and the last day it sets; the Atw does not move it. */
  | { soort: 'hersteltermijn'; brief: IsoDatum; einde: IsoDatum }
  /** Art. 8:41 lid 5 Awb: the day the griffier sent the notice; four weeks, credited, the Atw applies. */
  | { soort: 'griffierecht'; brief: IsoDatum };

/**
 * Records a term a filing leaves behind and puts it on the case's timeline. The reminder job reads these through
 * listStukTermijnenVoorHerinnering; they are kept apart from the reminder ledger (src/herinneringen), which is being
 * reworked.
 */
export function recordStukTermijn(db: Db, actor: Actor, zaak: ZaakOverzichtRij, invoer: StukTermijnInvoer, kalender: AtwKalender): number {
  assertCan(actor, 'zaak.wijzigen', { soort: 'zaak', organisatieId: zaak.organisatieId });
  if (invoer.soort === 'griffierecht' && zaak.soort !== 'beroep') throw new InvoerFout([{ veld: 'soort', melding: 'griffierecht hoort bij een beroep' }]);
  if (invoer.soort === 'hersteltermijn' && invoer.einde < invoer.brief) {
    throw new InvoerFout([{ veld: 'einde', melding: 'de laatste dag kan niet vóór de datum van de brief liggen' }]);
  }
  const termijn = invoer.soort === 'hersteltermijn' ? computeHersteltermijn({ einde: invoer.einde }) : computeGriffierechtTermijn(invoer.brief, kalender);
  return writeTransaction(db, (tx) => {
    const bestaand = tx
      .select({ id: stukTermijnen.id })
      .from(stukTermijnen)
      .where(and(eq(stukTermijnen.zaakId, zaak.id), eq(stukTermijnen.soort, invoer.soort), eq(stukTermijnen.brief, invoer.brief)))
      .get();
    if (bestaand) throw new InvoerFout([{ veld: 'brief', melding: 'deze brief is al geregistreerd' }]);
    const { id } = tx
      .insert(stukTermijnen)
      .values({
        zaakId: zaak.id,
        soort: invoer.soort,
        brief: invoer.brief,
        einde: termijn.einde,
        grondslag: termijn.grondslag.join(', '),
        geregistreerdDoor: actor.gebruikerId,
      })
      .returning({ id: stukTermijnen.id })
      .get();
    if (invoer.soort === 'griffierecht') tx.update(zaken).set({ griffierechtMededeling: invoer.brief }).where(eq(zaken.id, zaak.id)).run();
    const omschrijving =
      invoer.soort === 'hersteltermijn'
        ? `Hersteltermijn gesteld (art. 6:6 Awb): gronden aanvullen uiterlijk ${formatDatumKort(termijn.einde)}`
        : `Mededeling griffierecht verzonden: bijgeschreven uiterlijk ${formatDatumKort(termijn.einde)} (art. 8:41 lid 5 Awb)`;
    tx.insert(zaakgebeurtenissen).values({ zaakId: zaak.id, datum: invoer.brief, omschrijving, gebruikerId: actor.gebruikerId }).run();
    recordAudit(tx, actor, {
      actie: invoer.soort === 'hersteltermijn' ? 'hersteltermijn geregistreerd' : 'griffierecht-mededeling geregistreerd',
      onderwerp: 'zaak',
      onderwerpId: zaak.id,
      wijzigingen: {
        [invoer.soort === 'hersteltermijn' ? 'hersteltermijn' : 'betaaltermijn griffierecht']: [null, `brief ${invoer.brief}, uiterlijk ${termijn.einde}`],
        // The case's own date changes with a griffierecht notice: before and after (issue 28.4).
        ...(invoer.soort === 'griffierecht'
          ? diff({ griffierechtMededeling: zaak.griffierechtMededeling } as Record<string, unknown>, { griffierechtMededeling: invoer.brief })
          : {}),
      },
    });
    return id;
  });
}

const stukTermijnenVraag = preparePerVerbinding((db) =>
  db
    .select()
    .from(stukTermijnen)
    .where(eq(stukTermijnen.zaakId, sql.placeholder('zaakId')))
    .orderBy(asc(stukTermijnen.einde))
    .prepare(),
);

export function loadStukTermijnen(db: Db, zaakId: number) {
  return stukTermijnenVraag(db).all({ zaakId });
}

/**
 * The latest term of a kind a case holds whose letter is dated on or before `datum` (a letter of later date did not
 * exist on that day): the hersteltermijn for the aanvullende gronden, the griffierecht notice for the client letter.
 */
export function findStukTermijn(
  db: Db,
  zaakId: number,
  soort: StukTermijnSoort,
  datum: IsoDatum,
): { brief: IsoDatum; einde: IsoDatum; vervuld: boolean } | undefined {
  return db
    .select({ brief: stukTermijnen.brief, einde: stukTermijnen.einde, vervuld: stukTermijnen.vervuld })
    .from(stukTermijnen)
    .where(and(eq(stukTermijnen.zaakId, zaakId), eq(stukTermijnen.soort, soort), lte(stukTermijnen.brief, datum)))
    .orderBy(desc(stukTermijnen.brief))
    .get();
}

/**
 * For the reminder job: every open term a filing left behind, with the case and who is responsible. Not yet wired into
 * the reminder ledger (being reworked in src/herinneringen); the job can read this and schedule them like case terms.
 */
export function listStukTermijnenVoorHerinnering(db: Db) {
  return db
    .select({
      id: stukTermijnen.id,
      zaakId: stukTermijnen.zaakId,
      soort: stukTermijnen.soort,
      brief: stukTermijnen.brief,
      einde: stukTermijnen.einde,
      grondslag: stukTermijnen.grondslag,
      verantwoordelijkeId: zaken.verantwoordelijkeId,
      organisatieId: zaken.organisatieId,
    })
    .from(stukTermijnen)
    .innerJoin(zaken, eq(stukTermijnen.zaakId, zaken.id))
    .where(eq(stukTermijnen.vervuld, false))
    .orderBy(asc(stukTermijnen.einde))
    .all();
}
