import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { fataleDatumControles, organisaties } from '../../db/schema';
import { NL_ZONE, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { formatDatumLang, formatTijdstip } from '../../opmaak/opmaak';
import { formatOpsomming } from '../../domain/tekst';
import { recordAudit } from '../gedeeld/auditService';
import { InvoerFout, writeRegistratie, type Registratie } from '../gedeeld/invoerFout';
import { assertCan } from '../toegang/permissies';
import { loadRegioRegister } from '../regios/regioBeheer';
import type { BerekendOverzicht, TermijnService } from '../termijnen/termijnService';

import { type TeControlerenDatum, isFataleDatum, type VierOgen, loadVierOgen, describeNietZelf } from './vierOgen';
import { type ControleSoort, type BekendmakingWijze, BEKENDMAKING_WIJZE_TEKST, loadFataleDatumControles, findGeldigeControle } from './controleWeergave';

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
/** What the checker read on the besluit (issue 30.2): compared with what the date was computed from. */
export interface Vergelijking {
  kenmerk: string;
  bekendmaking: IsoDatum;
  wijze: BekendmakingWijze;
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
