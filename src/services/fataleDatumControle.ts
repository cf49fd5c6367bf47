import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { preparePerVerbinding } from '../db/voorbereid';
import { auditLog, contracteerruimtebesluiten, fataleDatumControles, gebruikers, organisaties, tariefbeschikkingen, zorgkantoorregios } from '../db/schema';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Termijn } from '../domain/termijnen/termijn';
import { formatTijdstip } from '../opmaak/opmaak';
import { recordAudit } from './auditService';
import { InvoerFout } from './invoerFout';
import { writeRegistratie, type Registratie } from './besluitRegistratie';
import { assertCan, can } from './permissies';
import { loadRegioRegister } from './regioBeheer';
import type { BerekendOverzicht, TermijnService } from './termijnService';
import { loadZaken } from './zaakRegistratie';
import { findZaakTermijnen } from './zaakTermijnen';
import { createClientFilter } from './termijnWerk';

/**
 * The four-eyes check of fatal dates (issue 14): a second jurist of the organisation confirms the last day of a
 * party's term in a (regio, jaar). A check holds for that exact last day: when the date moves (an amended decision,
 * a corrected bekendmaking) the new date is unchecked again.
 */
export interface FataleDatumControle {
  door: string;
  /** UTC ISO instant. */
  op: string;
  /** "30 november 2026 om 14:05" (Europe/Amsterdam). */
  opTekst: string;
}

/** What a page shows next to a date: checked (by whom, when), or not yet, and whether this actor may check it. */
export interface ControleWeergave {
  nodig: boolean;
  gecontroleerd?: FataleDatumControle;
  magControleren: boolean;
  formulier: { partij: string; regio: string; jaar: number; einde: IsoDatum };
}

export interface TeControlerenDatum {
  partij?: string | undefined;
  regio: string;
  jaar: number;
  einde: IsoDatum;
}

/** A fatal date: a statutory term (not a precaution or possible date) — missing it makes the filing inadmissible. */
export function isFataleDatum(t: Pick<Termijn, 'soort'>): boolean {
  return t.soort === 'termijn';
}

export function formatControleSleutel(d: TeControlerenDatum): string {
  return `${d.partij ?? ''}|${d.regio}|${d.jaar}|${d.einde}`;
}

const controlesVraag = preparePerVerbinding((db) =>
  db
    .select({
      partij: fataleDatumControles.partij,
      regio: zorgkantoorregios.naam,
      jaar: fataleDatumControles.jaar,
      einde: fataleDatumControles.einde,
      door: gebruikers.naam,
      op: fataleDatumControles.gecontroleerdOp,
    })
    .from(fataleDatumControles)
    .innerJoin(zorgkantoorregios, eq(fataleDatumControles.regioId, zorgkantoorregios.id))
    .innerJoin(gebruikers, eq(fataleDatumControles.gecontroleerdDoor, gebruikers.id))
    .where(eq(fataleDatumControles.organisatieId, sql.placeholder('organisatieId')))
    .prepare(),
);

/** The checks of one organisation, by (partij, regio, jaar, einde): one indexed query per page. */
export function loadFataleDatumControles(db: Db, organisatieId: number): Map<string, FataleDatumControle> {
  const rijen = controlesVraag(db).all({ organisatieId });
  return new Map(rijen.map((r) => [formatControleSleutel({ ...r, partij: r.partij || undefined }), { door: r.door, op: r.op, opTekst: formatTijdstip(r.op) }]));
}

/**
 * How a date shows for this actor. The NZa files nothing: it is shown no check. A precaution date, or a last day
 * already past at the peildatum, needs none, but shows one made anyway.
 */
export function buildControleWeergave(
  actor: Actor,
  controles: ReadonlyMap<string, FataleDatumControle>,
  t: Termijn,
  peildatum: IsoDatum,
): ControleWeergave | undefined {
  if (actor.organisatieSoort === 'nza') return undefined;
  const gecontroleerd = controles.get(formatControleSleutel(t));
  if ((!isFataleDatum(t) || t.einde < peildatum) && !gecontroleerd) return undefined;
  return {
    nodig: isFataleDatum(t) && t.einde >= peildatum && !gecontroleerd,
    ...(gecontroleerd ? { gecontroleerd } : {}),
    magControleren: can(actor, 'termijn.controleren'),
    formulier: { partij: t.partij ?? '', regio: t.regio, jaar: t.jaar, einde: t.einde },
  };
}

/**
 * Records that the actor, as the second pair of eyes, confirmed the last day of a term of the actor's organisation.
 * Refused with a Dutch reason when the date is not (any longer) the last day of such a term, or when the actor is the
 * first pair of eyes: who registered or changed the dates of the decision, or who is responsible for its case.
 */
export function confirmFataleDatum(db: Db, actor: Actor, termijnen: TermijnService, vandaag: IsoDatum, invoer: TeControlerenDatum): Registratie {
  assertCan(actor, 'termijn.controleren');
  return writeRegistratie(db, (tx) => {
    const regio = loadRegioRegister(db).find(invoer.regio);
    const berekend = termijnen.computeVoorActor(actor, vandaag);
    const termijn = regio
      ? berekend.cel(regio.naam, invoer.jaar)?.termijnen.find((t) => isFataleDatum(t) && (t.partij ?? '') === (invoer.partij ?? '') && t.einde === invoer.einde)
      : undefined;
    if (!regio || !termijn)
      throw new InvoerFout([{ veld: 'einde', melding: 'deze datum is niet (meer) de laatste dag van een termijn van uw organisatie; laad de pagina opnieuw' }]);
    const eersteOgen = listEersteOgen(tx, actor, berekend, termijn);
    if (eersteOgen.has(actor.gebruikerId))
      throw new InvoerFout([
        {
          veld: 'einde',
          melding:
            'u hebt dit besluit geregistreerd of gewijzigd, of u bent verantwoordelijk voor de zaak: een tweede jurist van uw organisatie moet de datum controleren (vier ogen)',
        },
      ]);
    const bestaand = tx
      .select({ id: fataleDatumControles.id })
      .from(fataleDatumControles)
      .where(
        and(
          eq(fataleDatumControles.organisatieId, actor.organisatieId),
          eq(fataleDatumControles.partij, termijn.partij ?? ''),
          eq(fataleDatumControles.regioId, regio.id),
          eq(fataleDatumControles.jaar, termijn.jaar),
          eq(fataleDatumControles.einde, termijn.einde),
        ),
      )
      .get();
    if (bestaand) throw new InvoerFout([{ veld: 'einde', melding: 'deze datum is al gecontroleerd' }]);
    const id = tx
      .insert(fataleDatumControles)
      .values({
        organisatieId: actor.organisatieId,
        partij: termijn.partij ?? '',
        regioId: regio.id,
        jaar: termijn.jaar,
        einde: termijn.einde,
        gecontroleerdDoor: actor.gebruikerId,
      })
      .returning({ id: fataleDatumControles.id })
      .get().id;
    recordAudit(tx, actor, {
      actie: 'fatale datum gecontroleerd',
      onderwerp: 'fatale datum',
      onderwerpId: id,
      wijzigingen: { gecontroleerd: [null, termijn.einde] },
      kenmerken: { partij: termijn.partij ?? 'alle partijen', regio: termijn.regio, jaar: termijn.jaar, besluit: termijn.besluit },
    });
    return id;
  });
}

/**
 * The first pair of eyes of a term: who registered or changed its decision's dates, and who is responsible for a case
 * of the organisation that shows this date (matched as the case page matches, findZaakTermijnen).
 */
function listEersteOgen(tx: Db, actor: Actor, berekend: BerekendOverzicht, termijn: Termijn): Set<number> {
  const besluit =
    termijn.besluitType === 'tariefbeschikking'
      ? tx
          .select({ id: tariefbeschikkingen.id })
          .from(tariefbeschikkingen)
          .where(and(eq(tariefbeschikkingen.kenmerk, termijn.besluit), eq(tariefbeschikkingen.organisatieId, actor.organisatieId)))
          .get()
      : tx.select({ id: contracteerruimtebesluiten.id }).from(contracteerruimtebesluiten).where(eq(contracteerruimtebesluiten.kenmerk, termijn.besluit)).get();
  const onderwerp = termijn.besluitType === 'tariefbeschikking' ? 'tariefbeschikking' : 'contracteerruimtebesluit';
  const ids = new Set<number | null>(
    besluit
      ? tx
          .select({ id: auditLog.gebruikerId })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.onderwerp, onderwerp),
              eq(auditLog.onderwerpId, besluit.id),
              inArray(auditLog.actie, [`${onderwerp} geregistreerd`, 'datums gewijzigd']),
            ),
          )
          .all()
          .map((r) => r.id)
      : [],
  );
  const sleutel = formatControleSleutel(termijn);
  for (const zaak of loadZaken(tx, actor)) {
    const gevonden = findZaakTermijnen(berekend, zaak);
    if ([...gevonden.termijnen, ...gevonden.partijDatums].some((t) => formatControleSleutel(t) === sleutel)) ids.add(zaak.verantwoordelijkeId);
  }
  ids.delete(null);
  return ids as Set<number>;
}

/**
 * The fatal dates of an organisation's clients not yet checked by a second jurist, soonest first: the last days from
 * `peildatum` up to and including `totEnMet` (default: all to come). For pages and for the weekly digest (the reminder
 * job can call it with the organisation of each recipient).
 */
export function listOngecontroleerdeFataleTermijnen(
  db: Db,
  termijnen: TermijnService,
  organisatieId: number,
  peildatum: IsoDatum,
  opties: { totEnMet?: IsoDatum } = {},
): Termijn[] {
  const organisatie = db
    .select({ id: organisaties.id, naam: organisaties.naam, soort: organisaties.soort })
    .from(organisaties)
    .where(eq(organisaties.id, organisatieId))
    .get();
  if (!organisatie || organisatie.soort === 'nza') return [];
  // The organisation's view of the terms, read-only: no user acts, the scope is the organisation's.
  const lezer: Actor = {
    gebruikerId: 0,
    naam: organisatie.naam,
    email: '',
    rol: 'lezer',
    organisatieId,
    organisatieNaam: organisatie.naam,
    organisatieSoort: organisatie.soort,
    scope: 'lezen',
  };
  const controles = loadFataleDatumControles(db, organisatieId);
  return termijnen
    .computeVoorActor(lezer, peildatum)
    .uitkomst.termijnen.filter(
      (t) =>
        isFataleDatum(t) && t.einde >= peildatum && (opties.totEnMet === undefined || t.einde <= opties.totEnMet) && !controles.has(formatControleSleutel(t)),
    );
}
