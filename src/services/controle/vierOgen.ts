import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { auditLog, contracteerruimtebesluiten, gebruikers, tariefbeschikkingen } from '../../db/schema';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { formatOpsomming } from '../../domain/tekst';
import { can } from '../toegang/permissies';
import type { BerekendOverzicht } from '../termijnen/termijnService';
import { loadZaken } from '../zaken/zaakOverzicht';
import { findZaakTermijnen } from '../termijnen/zaakTermijnen';

// Who may check a fatal date (issue 14; 30.2): which dates are fatal, who of the organisation is a first pair of eyes of
// one (registered or changed its besluit, or is responsible for its case), and so who may be the second.

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

/** Why the actor is a first pair of eyes of a term and may not be its second (issue 14; 30.2: said before any click). */
export type EersteOgenReden = 'geregistreerd' | 'verantwoordelijk';

/** The four eyes of an organisation's terms: who is a first pair of eyes of a date, and who may check it. */
export interface VierOgen {
  reden(t: Termijn, gebruikerId: number): EersteOgenReden | undefined;
  /** The members who may check the date: writers who are no first pair of eyes of it. */
  controleurs(t: Termijn): { id: number; naam: string }[];
  /**
   * The first reading to measure a second reading from (UTC instant), where known: the latest registration or date
   * change of the date's besluit (the organisation's tariefbeschikking, or the NZa's public contracteerruimtebesluit)
   * and, for who is responsible, the latest entry of a case showing the date (opened, made responsible).
   */
  laatstGelezen(t: Termijn): string | undefined;
}

export const EERSTE_OGEN_UITLEG: Record<EersteOgenReden, string> = {
  geregistreerd: 'u hebt het besluit geregistreerd of de data ervan gewijzigd',
  verantwoordelijk: 'u bent verantwoordelijk voor de zaak',
};

const EERSTE_INVOER_ACTIES = ['tariefbeschikking geregistreerd', 'tariefbeschikking geïmporteerd', 'datums gewijzigd'];

/**
 * The first pairs of eyes of the actor's organisation's terms: who registered, imported or changed the dates of the
 * term's decision (the audit log), and who is responsible for a case that shows this date (matched as the case page
 * matches, findZaakTermijnen); and the members who may check. Loaded once per page, asked per term.
 */
export function loadVierOgen(db: Pick<Db, 'select'>, actor: Actor, berekend: BerekendOverzicht): VierOgen {
  const invoerders = new Map<string, Map<number, string>>();
  const rijen = db
    .select({ kenmerk: tariefbeschikkingen.kenmerk, gebruikerId: auditLog.gebruikerId, op: auditLog.op })
    .from(auditLog)
    .innerJoin(tariefbeschikkingen, and(eq(auditLog.onderwerpId, tariefbeschikkingen.id), eq(tariefbeschikkingen.organisatieId, actor.organisatieId)))
    .where(and(eq(auditLog.onderwerp, 'tariefbeschikking'), eq(auditLog.organisatieId, actor.organisatieId), inArray(auditLog.actie, EERSTE_INVOER_ACTIES)))
    .all();
  for (const r of rijen) {
    if (r.gebruikerId === null) continue;
    const per = invoerders.get(r.kenmerk) ?? new Map<number, string>();
    per.set(r.gebruikerId, r.op > (per.get(r.gebruikerId) ?? '') ? r.op : per.get(r.gebruikerId)!);
    invoerders.set(r.kenmerk, per);
  }
  const besluitGeregistreerd = new Map(
    db
      .select({ kenmerk: contracteerruimtebesluiten.kenmerk, op: contracteerruimtebesluiten.aangemaaktOp })
      .from(contracteerruimtebesluiten)
      .all()
      .map((r) => [r.kenmerk, r.op]),
  );
  // A public besluit whose dates the NZa changed: when (the time of a public fact, nothing of the NZa's own work).
  for (const r of db
    .select({ kenmerk: contracteerruimtebesluiten.kenmerk, op: auditLog.op })
    .from(auditLog)
    .innerJoin(contracteerruimtebesluiten, eq(auditLog.onderwerpId, contracteerruimtebesluiten.id))
    .where(and(eq(auditLog.onderwerp, 'contracteerruimtebesluit'), eq(auditLog.actie, 'datums gewijzigd')))
    .all())
    if (r.op > (besluitGeregistreerd.get(r.kenmerk) ?? '')) besluitGeregistreerd.set(r.kenmerk, r.op);
  const zaakGelezen = new Map(
    db
      .select({ id: auditLog.onderwerpId, op: sql<string>`max(${auditLog.op})` })
      .from(auditLog)
      .where(and(eq(auditLog.onderwerp, 'zaak'), eq(auditLog.organisatieId, actor.organisatieId)))
      .groupBy(auditLog.onderwerpId)
      .all()
      .map((r) => [r.id, r.op]),
  );
  const zaakMomenten = new Map<string, string>();
  const verantwoordelijken = new Map<string, Set<number>>();
  for (const zaak of loadZaken(db as Db, actor)) {
    if (zaak.verantwoordelijkeId === null || zaak.verantwoordelijkeId === undefined) continue;
    const gevonden = findZaakTermijnen(berekend, zaak);
    for (const t of [...gevonden.termijnen, ...gevonden.partijDatums]) {
      const sleutel = formatControleSleutel(t);
      verantwoordelijken.set(sleutel, (verantwoordelijken.get(sleutel) ?? new Set()).add(zaak.verantwoordelijkeId));
      const op = zaakGelezen.get(zaak.id);
      if (op && op > (zaakMomenten.get(sleutel) ?? '')) zaakMomenten.set(sleutel, op);
    }
  }
  const leden = db
    .select({ id: gebruikers.id, naam: gebruikers.naam, email: gebruikers.email, rol: gebruikers.rol })
    .from(gebruikers)
    .where(eq(gebruikers.organisatieId, actor.organisatieId))
    .orderBy(gebruikers.naam)
    .all()
    // The rule of who may check is the permission's, asked of each member as it would be asked of them.
    .filter((g) => can({ ...actor, gebruikerId: g.id, naam: g.naam, email: g.email, rol: g.rol, scopes: undefined }, 'termijn.controleren'));
  const reden = (t: Termijn, gebruikerId: number): EersteOgenReden | undefined =>
    t.besluitType === 'tariefbeschikking' && invoerders.get(t.besluit)?.has(gebruikerId)
      ? 'geregistreerd'
      : verantwoordelijken.get(formatControleSleutel(t))?.has(gebruikerId)
        ? 'verantwoordelijk'
        : undefined;
  return {
    reden,
    controleurs: (t) => leden.filter((g) => !reden(t, g.id)).map((g) => ({ id: g.id, naam: g.naam })),
    laatstGelezen: (t) => {
      const per = t.besluitType === 'tariefbeschikking' ? invoerders.get(t.besluit) : undefined;
      const tijden = [...(per?.values() ?? []), besluitGeregistreerd.get(t.besluit), zaakMomenten.get(formatControleSleutel(t))].filter((x): x is string =>
        Boolean(x),
      );
      return tijden.length ? tijden.reduce((a, b) => (a > b ? a : b)) : undefined;
    },
  };
}

/** "U kunt deze datum niet zelf controleren: …" with whom to ask, or what else to do when nobody can. */
export function describeNietZelf(reden: EersteOgenReden, controleurs: string[]): string {
  const wie = controleurs.length
    ? `Vraag ${formatOpsomming(controleurs, 'of')}.`
    : 'Niemand anders in uw organisatie kan het: nodig een externe controleur uit, of leg na een nacht een tweede lezing vast.';
  return `U kunt deze datum niet zelf controleren: ${EERSTE_OGEN_UITLEG[reden]}. ${wie}`;
}
