import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { auditLog, contracteerruimtebesluiten, fataleDatumControles, gebruikers, organisaties, tariefbeschikkingen, zorgkantoorregios } from '../../db/schema';
import { dagVanTijdstip, NL_ZONE, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { formatDatumLang, formatTijdstip } from '../../opmaak/opmaak';
import { formatOpsomming } from '../../domain/tekst';
import { recordAudit } from '../gedeeld/auditService';
import { InvoerFout, writeRegistratie, type Registratie } from '../gedeeld/invoerFout';
import { assertCan, can } from '../toegang/permissies';
import { loadRegioRegister } from '../regios/regioBeheer';
import type { BerekendOverzicht, TermijnService } from '../termijnen/termijnService';
import { loadZaken } from '../zaken/zaakRegistratie';
import { findZaakTermijnen } from '../termijnen/zaakTermijnen';

/**
 * The four-eyes check of fatal dates (issue 14; issue 30.2): someone other than the first pair of eyes confirms the last
 * day of a party's term in a (regio, jaar) against the besluit itself, and the check records what was compared. A
 * check holds for that exact last day: when the date moves (an amended decision, a corrected bekendmaking) the new date
 * is unchecked again.
 *
 * Who checks: a colleague who neither registered (imported, changed) the decision nor is responsible for its case. An
 * organisation without such a colleague (one jurist, or two who are both first eyes) invites an external checker for
 * that one date, or its jurist records a second reading after a night, marked as such.
 */
export type ControleSoort = 'collega' | 'tweede-lezing' | 'extern';
export type BekendmakingWijze = 'verzenddatum' | 'stempel' | 'ontvangst';

/** How the checker knows the day of bekendmaking (art. 3:41 Awb: the day of sending; the stamp or receipt prove it). */
export const BEKENDMAKING_WIJZE_TEKST: Record<BekendmakingWijze, string> = {
  verzenddatum: 'de verzenddatum op het besluit',
  stempel: 'het poststempel op de envelop',
  ontvangst: 'de datum van ontvangst',
};

/**
 * Art. 3:41 Awb: the bekendmaking is the day of sending. A checker who knows only the day of receipt confirmed the
 * registration, not the day the term began: the check says so wherever it is shown.
 */
export const ONTVANGST_VOORBEHOUD = 'de datum van ontvangst bewijst de dag van verzending niet (art. 3:41 Awb): de termijn kan eerder zijn begonnen';

export interface FataleDatumControle {
  door: string;
  /** UTC ISO instant. */
  op: string;
  /** "30 november 2026 om 14:05" (Europe/Amsterdam). */
  opTekst: string;
  soort: ControleSoort;
  /** What the checker compared (absent for checks recorded before issue 30.2). */
  vergeleken?: { kenmerk: string; bekendmaking: IsoDatum; wijze: BekendmakingWijze; wijzeTekst: string; voorbehoud?: string };
}

/** What a page shows next to a date: checked (by whom, when, against what), or not yet, who may check it, and how. */
export interface ControleWeergave {
  nodig: boolean;
  gecontroleerd?: FataleDatumControle;
  /** The actor may check it as a colleague (the second pair of eyes). */
  magControleren: boolean;
  /** Why this actor may not check it, said before any click (issue 30.2). */
  nietZelf?: string;
  /** Who of the organisation may check it, by name (issue 30.2: said before any click). */
  controleurs: string[];
  /** Nobody of the organisation but the first eyes can: an external checker or a second reading (issue 30.2). */
  alleenEerstOgen: boolean;
  /** The check page of this date. */
  pad: string;
  formulier: { partij: string; regio: string; jaar: number; einde: IsoDatum };
}

export interface TeControlerenDatum {
  partij?: string | undefined;
  regio: string;
  jaar: number;
  einde: IsoDatum;
}

/** What the checker read on the besluit (issue 30.2): compared with what the date was computed from. */
export interface Vergelijking {
  kenmerk: string;
  bekendmaking: IsoDatum;
  wijze: BekendmakingWijze;
}

/** A fatal date: a statutory term (not a precaution or possible date) — missing it makes the filing inadmissible. */
export function isFataleDatum(t: Pick<Termijn, 'soort'>): boolean {
  return t.soort === 'termijn';
}

export function formatControleSleutel(d: TeControlerenDatum): string {
  return `${d.partij ?? ''}|${d.regio}|${d.jaar}|${d.einde}`;
}

/** The check page of a date (GET /termijnen/controle). */
export function formatControlePad(d: TeControlerenDatum, terug?: string): string {
  const q = new URLSearchParams({ partij: d.partij ?? '', regio: d.regio, jaar: String(d.jaar), einde: d.einde });
  if (terug) q.set('terug', terug);
  return `/termijnen/controle?${q.toString()}`;
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
      soort: fataleDatumControles.soort,
      kenmerk: fataleDatumControles.kenmerk,
      bekendmaking: fataleDatumControles.bekendmaking,
      wijze: fataleDatumControles.bekendmakingWijze,
      externNaam: fataleDatumControles.externNaam,
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
  return new Map(
    rijen.map((r) => [
      formatControleSleutel({ ...r, partij: r.partij || undefined }),
      {
        // An external checker is named as such, with who invited them.
        door: r.soort === 'extern' ? `${r.externNaam ?? 'een externe controleur'} (extern, uitgenodigd door ${r.door})` : r.door,
        op: r.op,
        opTekst: formatTijdstip(r.op),
        soort: r.soort,
        ...(r.kenmerk && r.bekendmaking && r.wijze
          ? {
              vergeleken: {
                kenmerk: r.kenmerk,
                bekendmaking: r.bekendmaking,
                wijze: r.wijze,
                wijzeTekst: BEKENDMAKING_WIJZE_TEKST[r.wijze],
                ...(r.wijze === 'ontvangst' ? { voorbehoud: ONTVANGST_VOORBEHOUD } : {}),
              },
            }
          : {}),
      },
    ]),
  );
}

/**
 * The check of a term's last day — only if it compared the besluit and bekendmaking the date now rests on: a date that
 * came to rest on another besluit (a wijziging with the same lid-3 window) or a corrected bekendmaking landing on the
 * same last day is unchecked again. A check recorded before issue 30.2 compared nothing and holds by its date alone.
 */
export function findGeldigeControle(controles: ReadonlyMap<string, FataleDatumControle>, t: Termijn): FataleDatumControle | undefined {
  const c = controles.get(formatControleSleutel(t));
  if (!c) return undefined;
  return !c.vergeleken || (c.vergeleken.kenmerk === t.besluit && c.vergeleken.bekendmaking === t.bekendgemaakt) ? c : undefined;
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
  vierOgen?: VierOgen,
  terug?: string,
): ControleWeergave | undefined {
  if (actor.organisatieSoort === 'nza') return undefined;
  const gecontroleerd = findGeldigeControle(controles, t);
  if ((!isFataleDatum(t) || t.einde < peildatum) && !gecontroleerd) return undefined;
  const reden = !gecontroleerd && can(actor, 'termijn.controleren') ? vierOgen?.reden(t, actor.gebruikerId) : undefined;
  const controleurs = gecontroleerd || !vierOgen ? [] : vierOgen.controleurs(t);
  const namen = controleurs.map((g) => (g.id === actor.gebruikerId ? `${g.naam} (u)` : g.naam));
  return {
    nodig: isFataleDatum(t) && t.einde >= peildatum && !gecontroleerd,
    ...(gecontroleerd ? { gecontroleerd } : {}),
    ...(reden
      ? {
          nietZelf: describeNietZelf(
            reden,
            controleurs.map((g) => g.naam),
          ),
        }
      : {}),
    magControleren: can(actor, 'termijn.controleren') && !reden,
    controleurs: namen,
    alleenEerstOgen: !gecontroleerd && vierOgen !== undefined && controleurs.length === 0,
    pad: formatControlePad(t, terug),
    formulier: { partij: t.partij ?? '', regio: t.regio, jaar: t.jaar, einde: t.einde },
  };
}

/** "U kunt deze datum niet zelf controleren: …" with whom to ask, or what else to do when nobody can. */
function describeNietZelf(reden: EersteOgenReden, controleurs: string[]): string {
  const wie = controleurs.length
    ? `Vraag ${formatOpsomming(controleurs, 'of')}.`
    : 'Niemand anders in uw organisatie kan het: nodig een externe controleur uit, of leg na een nacht een tweede lezing vast.';
  return `U kunt deze datum niet zelf controleren: ${EERSTE_OGEN_UITLEG[reden]}. ${wie}`;
}

/** Finds the actor's organisation's fatal date still to come that the form names; refused in Dutch when there is none. */
export function findTeControlerenTermijn(db: Db, berekend: BerekendOverzicht, vandaag: IsoDatum, invoer: TeControlerenDatum) {
  const regio = loadRegioRegister(db).find(invoer.regio);
  const termijn = regio
    ? berekend.cel(regio.naam, invoer.jaar)?.termijnen.find((t) => isFataleDatum(t) && (t.partij ?? '') === (invoer.partij ?? '') && t.einde === invoer.einde)
    : undefined;
  if (!regio || !termijn || termijn.einde < vandaag)
    throw new InvoerFout([
      { veld: 'einde', melding: 'Deze datum is niet (meer) de laatste dag van een lopende termijn van uw organisatie. Laad de pagina opnieuw.' },
    ]);
  return { regio, termijn };
}

/**
 * What the checker read must be what the date was computed from: the kenmerk of the besluit and its day of
 * bekendmaking (art. 6:8 Awb: the term starts the day after). A difference records nothing and says which.
 */
export function compareMetBesluit(termijn: Termijn, v: Vergelijking): void {
  const fouten = [];
  const gewoon = (k: string) => k.replace(/\s+/g, ' ').trim().toLowerCase();
  if (gewoon(v.kenmerk) !== gewoon(termijn.besluit))
    fouten.push({
      veld: 'kenmerk',
      melding: `Het kenmerk dat u las (${v.kenmerk.trim()}) is niet dat van het besluit waarvan deze datum is berekend (${termijn.besluit}). Niets vastgelegd: ga na of het juiste besluit is geregistreerd.`,
    });
  if (v.bekendmaking !== termijn.bekendgemaakt)
    fouten.push({
      veld: 'bekendmaking',
      melding: `De bekendmaking die u las (${formatDatumLang(v.bekendmaking)}) is niet die waarvan deze datum is berekend (${formatDatumLang(termijn.bekendgemaakt)}). Niets vastgelegd: laat de registratie van het besluit corrigeren als uw datum juist is.`,
    });
  if (fouten.length) throw new InvoerFout(fouten);
}

export function insertControle(
  tx: Db,
  organisatieId: number,
  regioId: number,
  termijn: Termijn,
  v: Vergelijking,
  door: number,
  soort: ControleSoort,
  extern?: { naam: string; email: string },
): number {
  const bestaand = tx
    .select({ id: fataleDatumControles.id, kenmerk: fataleDatumControles.kenmerk, bekendmaking: fataleDatumControles.bekendmaking })
    .from(fataleDatumControles)
    .where(
      and(
        eq(fataleDatumControles.organisatieId, organisatieId),
        eq(fataleDatumControles.partij, termijn.partij ?? ''),
        eq(fataleDatumControles.regioId, regioId),
        eq(fataleDatumControles.jaar, termijn.jaar),
        eq(fataleDatumControles.einde, termijn.einde),
      ),
    )
    .get();
  const verouderd = bestaand && bestaand.kenmerk !== null && (bestaand.kenmerk !== termijn.besluit || bestaand.bekendmaking !== termijn.bekendgemaakt);
  if (bestaand && !verouderd) throw new InvoerFout([{ veld: 'einde', melding: 'Deze datum is al gecontroleerd.' }]);
  // A check of the same last day against another besluit or bekendmaking no longer holds: the new one takes its place.
  if (bestaand) tx.delete(fataleDatumControles).where(eq(fataleDatumControles.id, bestaand.id)).run();
  return tx
    .insert(fataleDatumControles)
    .values({
      organisatieId,
      partij: termijn.partij ?? '',
      regioId,
      jaar: termijn.jaar,
      einde: termijn.einde,
      gecontroleerdDoor: door,
      soort,
      kenmerk: termijn.besluit,
      bekendmaking: v.bekendmaking,
      bekendmakingWijze: v.wijze,
      externNaam: extern?.naam ?? null,
      externEmail: extern?.email ?? null,
    })
    .returning({ id: fataleDatumControles.id })
    .get().id;
}

export const controleKenmerken = (termijn: Termijn, v: Vergelijking) => ({
  partij: termijn.partij ?? 'alle partijen',
  regio: termijn.regio,
  jaar: termijn.jaar,
  besluit: termijn.besluit,
  bekendmaking: v.bekendmaking,
  bekendmakingBekendUit: BEKENDMAKING_WIJZE_TEKST[v.wijze],
});

/**
 * Records that the actor confirmed the last day of a term of the actor's organisation, having compared the besluit:
 * as a colleague (the second pair of eyes), or — where nobody of the organisation but the first eyes can — as a second
 * reading by the same person on a later day than the besluit was registered or changed. Refused with a Dutch reason
 * when the date is not (any longer) the last day of such a term, when what was read differs, or when the actor may not.
 */
export function confirmFataleDatum(
  db: Db,
  actor: Actor,
  termijnen: TermijnService,
  vandaag: IsoDatum,
  invoer: TeControlerenDatum & Vergelijking & { soort: 'collega' | 'tweede-lezing' },
  nu: Date = new Date(),
): Registratie {
  assertCan(actor, 'termijn.controleren');
  return writeRegistratie(db, (tx) => {
    const berekend = termijnen.computeVoorActor(actor, vandaag);
    const { regio, termijn } = findTeControlerenTermijn(tx, berekend, vandaag, invoer);
    const vierOgen = loadVierOgen(tx, actor, berekend);
    const reden = vierOgen.reden(termijn, actor.gebruikerId);
    if (invoer.soort === 'collega' && reden)
      throw new InvoerFout([
        {
          veld: 'einde',
          melding: describeNietZelf(
            reden,
            vierOgen.controleurs(termijn).map((g) => g.naam),
          ),
        },
      ]);
    if (invoer.soort === 'tweede-lezing') {
      const mogelijk = findTweedeLezing(vierOgen, termijn, actor, nu);
      if (!mogelijk.mogelijk) throw new InvoerFout([{ veld: 'soort', melding: mogelijk.waarom }]);
    }
    compareMetBesluit(termijn, invoer);
    const id = insertControle(tx, actor.organisatieId, regio.id, termijn, invoer, actor.gebruikerId, invoer.soort);
    recordAudit(tx, actor, {
      actie: invoer.soort === 'tweede-lezing' ? 'fatale datum gecontroleerd (tweede lezing)' : 'fatale datum gecontroleerd',
      onderwerp: 'fatale datum',
      onderwerpId: id,
      wijzigingen: { gecontroleerd: [null, termijn.einde] },
      kenmerken: controleKenmerken(termijn, invoer),
    });
    return id;
  });
}

/**
 * A second reading by the first pair of eyes (issue 30.2), for an organisation where nobody else can check: only when
 * the actor is a first pair of eyes of the date, and on a later calendar day than its besluit was last registered or
 * changed ("after a night").
 */
export function findTweedeLezing(
  vierOgen: VierOgen,
  termijn: Termijn,
  actor: Actor,
  nu: Date,
): { mogelijk: true } | { mogelijk: false; waarom: string; vanaf?: IsoDatum } {
  if (!vierOgen.reden(termijn, actor.gebruikerId))
    return { mogelijk: false, waarom: 'U kunt deze datum gewoon controleren; een tweede lezing is voor wie het besluit zelf vastlegde.' };
  const controleurs = vierOgen.controleurs(termijn).map((g) => g.naam);
  if (controleurs.length)
    return {
      mogelijk: false,
      waarom: `Een tweede lezing door uzelf kan alleen als niemand anders in uw organisatie de datum kan controleren. Vraag ${formatOpsomming(controleurs, 'of')}.`,
    };
  const gelezen = vierOgen.laatstGelezen(termijn);
  if (!gelezen)
    return {
      mogelijk: false,
      waarom: 'Een tweede lezing kan hier niet: niet bekend is wanneer u het besluit of de zaak voor het eerst las. Nodig een externe controleur uit.',
    };
  // After a night: a later calendar day in Amsterdam and at least TWEEDE_LEZING_UREN hours after the first reading.
  const eerste = DateTime.fromISO(gelezen.replace(' ', 'T'), { zone: 'utc' });
  const vanafMoment = DateTime.max(eerste.setZone(NL_ZONE).plus({ days: 1 }).startOf('day'), eerste.plus({ hours: TWEEDE_LEZING_UREN }));
  if (DateTime.fromJSDate(nu) < vanafMoment) {
    const vanaf = vanafMoment.setZone(NL_ZONE).toISODate() as IsoDatum;
    return {
      mogelijk: false,
      vanaf,
      waarom: `Een tweede lezing kan vanaf ${formatDatumLang(vanaf)} om ${vanafMoment.setZone(NL_ZONE).toFormat('HH:mm')}: het besluit of de zaak is op ${formatTijdstip(gelezen)} vastgelegd of gewijzigd, en u leest het na een nacht opnieuw.`,
    };
  }
  return { mogelijk: true };
}

/** A second reading comes on a later day and at least this many hours after the first (issue 30.2: "after a night"). */
export const TWEEDE_LEZING_UREN = 8;

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
  const lezer = buildOrganisatieLezer(organisatie);
  const controles = loadFataleDatumControles(db, organisatieId);
  return termijnen
    .computeVoorActor(lezer, peildatum)
    .uitkomst.termijnen.filter(
      (t) => isFataleDatum(t) && t.einde >= peildatum && (opties.totEnMet === undefined || t.einde <= opties.totEnMet) && !findGeldigeControle(controles, t),
    );
}

/** The organisation's view of its terms, read-only: no user acts, the scope is the organisation's. */
export function buildOrganisatieLezer(organisatie: { id: number; naam: string; soort: Actor['organisatieSoort'] }): Actor {
  return {
    gebruikerId: 0,
    naam: organisatie.naam,
    email: '',
    rol: 'lezer',
    organisatieId: organisatie.id,
    organisatieNaam: organisatie.naam,
    organisatieSoort: organisatie.soort,
    scopes: ['lezen'],
  };
}
