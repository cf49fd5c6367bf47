import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { preparePerVerbinding } from '../db/voorbereid';
import { auditLog, fataleDatumControles, gebruikers, organisaties, tariefbeschikkingen, zorgkantoorregios } from '../db/schema';
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
import { hoofdletter } from '../domain/tekst';

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
  /** Why this actor may not check it, said before any click (issue 30.2). */
  nietZelf?: string;
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
  eersteOgen?: EersteOgen,
): ControleWeergave | undefined {
  if (actor.organisatieSoort === 'nza') return undefined;
  const gecontroleerd = controles.get(formatControleSleutel(t));
  if ((!isFataleDatum(t) || t.einde < peildatum) && !gecontroleerd) return undefined;
  const reden = !gecontroleerd && can(actor, 'termijn.controleren') ? eersteOgen?.(t) : undefined;
  return {
    nodig: isFataleDatum(t) && t.einde >= peildatum && !gecontroleerd,
    ...(gecontroleerd ? { gecontroleerd } : {}),
    ...(reden ? { nietZelf: `U kunt deze datum niet zelf controleren: ${EERSTE_OGEN_UITLEG[reden]}. Vraag een collega.` } : {}),
    magControleren: can(actor, 'termijn.controleren') && !reden,
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
    const reden = loadEersteOgen(tx, actor, berekend)(termijn);
    if (reden)
      throw new InvoerFout([
        { veld: 'einde', melding: `${hoofdletter(EERSTE_OGEN_UITLEG[reden])}: een tweede jurist van uw organisatie moet de datum controleren (vier ogen).` },
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

/** Why the actor is a first pair of eyes of a term and may not be its second (issue 14; 30.2: said before any click). */
export type EersteOgenReden = 'geregistreerd' | 'verantwoordelijk';
export type EersteOgen = (t: Termijn) => EersteOgenReden | undefined;

export const EERSTE_OGEN_UITLEG: Record<EersteOgenReden, string> = {
  geregistreerd: 'u hebt het besluit geregistreerd of de data ervan gewijzigd',
  verantwoordelijk: 'u bent verantwoordelijk voor de zaak',
};

/**
 * The first pair of eyes of the actor's organisation's terms, as seen by the actor: whether the actor registered, imported
 * or changed the dates of the term's decision (the audit log), or is responsible for a case that shows this date
 * (matched as the case page matches, findZaakTermijnen). Loaded once per page, asked per term.
 */
export function loadEersteOgen(db: Pick<Db, 'select'>, actor: Actor, berekend: BerekendOverzicht): EersteOgen {
  const eigenBesluiten = new Set(
    db
      .select({ kenmerk: tariefbeschikkingen.kenmerk })
      .from(auditLog)
      .innerJoin(tariefbeschikkingen, and(eq(auditLog.onderwerpId, tariefbeschikkingen.id), eq(tariefbeschikkingen.organisatieId, actor.organisatieId)))
      .where(
        and(
          eq(auditLog.onderwerp, 'tariefbeschikking'),
          eq(auditLog.gebruikerId, actor.gebruikerId),
          inArray(auditLog.actie, ['tariefbeschikking geregistreerd', 'tariefbeschikking geïmporteerd', 'datums gewijzigd']),
        ),
      )
      .all()
      .map((r) => r.kenmerk),
  );
  const verantwoordelijk = new Set<string>();
  for (const zaak of loadZaken(db as Db, actor)) {
    if (zaak.verantwoordelijkeId !== actor.gebruikerId) continue;
    const gevonden = findZaakTermijnen(berekend, zaak);
    for (const t of [...gevonden.termijnen, ...gevonden.partijDatums]) verantwoordelijk.add(formatControleSleutel(t));
  }
  return (t) =>
    t.besluitType === 'tariefbeschikking' && eigenBesluiten.has(t.besluit)
      ? 'geregistreerd'
      : verantwoordelijk.has(formatControleSleutel(t))
        ? 'verantwoordelijk'
        : undefined;
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
    scopes: ['lezen'],
  };
  const controles = loadFataleDatumControles(db, organisatieId);
  return termijnen
    .computeVoorActor(lezer, peildatum)
    .uitkomst.termijnen.filter(
      (t) =>
        isFataleDatum(t) && t.einde >= peildatum && (opties.totEnMet === undefined || t.einde <= opties.totEnMet) && !controles.has(formatControleSleutel(t)),
    );
}
