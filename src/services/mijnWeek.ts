import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { addDagen, dagenTussen, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { AtwKalender } from '../domain/kalender/atwKalender';
import type { Rechtsmiddel, Termijn } from '../domain/termijnen/termijn';
import { buildControleWeergave, loadFataleDatumControles, type ControleWeergave } from './fataleDatumControle';
import type { BerekendOverzicht } from './termijnService';
import { toWeergaveTermijn, type WeergaveTermijn } from './termijnWeergave';
import { loadZaken } from './zaakRegistratie';
import { findZaakTermijnen } from './zaakTermijnen';

/** The case a term belongs to, as its page shows it. */
export interface TermijnZaak {
  id: number;
  status: 'concept' | 'ingediend' | 'afgerond';
  verantwoordelijke: string | null;
  verantwoordelijkeId: number | null;
}

/** A term's identity within its (regio, jaar): the decision, the remedy and the party (none: open to every party). */
export function formatTermijnSleutel(t: Pick<Termijn, 'besluit' | 'rechtsmiddel' | 'regio' | 'jaar' | 'partij'>): string {
  return `${t.besluit}|${t.rechtsmiddel}|${t.regio}|${t.jaar}|${t.partij ?? ''}`;
}

/**
 * Every term of the actor's organisation that has a case, with that case: the same matching as the case page
 * (findZaakTermijnen), so a row and its case never name different dates. The NZa has no cases.
 */
export function loadZaakPerTermijn(db: Db, berekend: BerekendOverzicht, actor: Actor): Map<string, TermijnZaak> {
  const perTermijn = new Map<string, TermijnZaak>();
  for (const zaak of loadZaken(db, actor)) {
    const gevonden = findZaakTermijnen(berekend, zaak);
    const waarde = { id: zaak.id, status: zaak.status, verantwoordelijke: zaak.verantwoordelijke, verantwoordelijkeId: zaak.verantwoordelijkeId };
    // The case's own term first; a party's other dates only where no case of their own exists.
    for (const t of gevonden.termijnen) perTermijn.set(formatTermijnSleutel(t), waarde);
    for (const t of gevonden.partijDatums) if (!perTermijn.has(formatTermijnSleutel(t))) perTermijn.set(formatTermijnSleutel(t), waarde);
  }
  return perTermijn;
}

/** Index of the first term whose last day is on or after `datum` (the engine sorts terms by einde). */
export function findEersteVanaf(termijnen: readonly Pick<Termijn, 'einde'>[], datum: IsoDatum): number {
  let laag = 0;
  let hoog = termijnen.length;
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (termijnen[midden]!.einde < datum) laag = midden + 1;
    else hoog = midden;
  }
  return laag;
}

/** The n-th working day after `vandaag` (Saturday, Sunday and Atw feestdagen do not count). */
export function addWerkdagen(vandaag: IsoDatum, n: number, kalender: AtwKalender): IsoDatum {
  let datum = vandaag;
  for (let geteld = 0; geteld < n;) {
    datum = addDagen(datum, 1);
    if (!kalender.nietWerkdag(datum)) geteld++;
  }
  return datum;
}

export interface MijnWeekFilter {
  /** A user id, or 'niemand' for terms no one is responsible for. */
  verantwoordelijke?: number | 'niemand' | undefined;
  rechtsmiddel?: Rechtsmiddel | undefined;
  regio?: string | undefined;
}

export interface MijnWeekRegel {
  termijn: WeergaveTermijn;
  dagenOver: number;
  nogNietOpen: boolean;
  zaak?: TermijnZaak;
  controle?: ControleWeergave;
  /** How to open a case for a term without one: the fields of POST /zaken. */
  openen?: Record<string, string | number>;
}

export interface MijnWeek {
  totEnMet: IsoDatum;
  groepen: { naam: string; id: number | 'niemand'; regels: MijnWeekRegel[] }[];
  aantal: number;
  ongecontroleerd: number;
}

// "The next 10 working days" (issue 14): the horizon of a counsel's week.
export const MIJN_WEEK_WERKDAGEN = 10;

/** The fields of POST /zaken that open a case for a term, prefilled from it; undefined where no case route exists. */
export function buildZaakOpenen(berekend: BerekendOverzicht, t: Termijn): Record<string, string | number> | undefined {
  if (t.besluitType === 'tariefbeschikking') {
    const tb = berekend.tariefbeschikkingen.get(t.besluit);
    return tb ? { soort: t.rechtsmiddel, tariefbeschikkingId: tb.id } : undefined;
  }
  if (t.rechtsmiddel !== 'beroep') return undefined;
  const cr = berekend.contracteerruimte.find((r) => r.kenmerk === t.besluit);
  return cr ? { soort: 'beroep', contracteerruimtebesluitId: cr.id, regio: t.regio, jaar: t.jaar } : undefined;
}

/**
 * "Mijn week": every term of the organisation's clients ending in the next 10 working days, grouped by the person
 * responsible for its case (or no one), with its four-eyes check. Read through the engine's result, from the first term
 * ending today on (binary search on the sorted terms), never the whole list.
 */
export function buildMijnWeek(db: Db, berekend: BerekendOverzicht, actor: Actor, vandaag: IsoDatum, filter: MijnWeekFilter): MijnWeek {
  const totEnMet = addWerkdagen(vandaag, MIJN_WEEK_WERKDAGEN, berekend.config.kalender);
  const zaakPerTermijn = loadZaakPerTermijn(db, berekend, actor);
  const controles = loadFataleDatumControles(db, actor.organisatieId);
  const termijnen = berekend.uitkomst.termijnen;
  const groepen = new Map<number | 'niemand', { naam: string; id: number | 'niemand'; regels: MijnWeekRegel[] }>();
  let aantal = 0;
  let ongecontroleerd = 0;
  for (let i = findEersteVanaf(termijnen, vandaag); i < termijnen.length && termijnen[i]!.einde <= totEnMet; i++) {
    const t = termijnen[i]!;
    if (filter.rechtsmiddel && t.rechtsmiddel !== filter.rechtsmiddel) continue;
    if (filter.regio && t.regio !== filter.regio) continue;
    const zaak = zaakPerTermijn.get(formatTermijnSleutel(t));
    // A filed or closed case has nothing left to do for this date.
    if (zaak && zaak.status !== 'concept') continue;
    const wie = zaak?.verantwoordelijkeId ?? 'niemand';
    if (filter.verantwoordelijke !== undefined && filter.verantwoordelijke !== wie) continue;
    const controle = buildControleWeergave(actor, controles, t);
    const openen = zaak ? undefined : buildZaakOpenen(berekend, t);
    const regel: MijnWeekRegel = {
      termijn: toWeergaveTermijn(t, berekend.config),
      dagenOver: dagenTussen(vandaag, t.einde),
      nogNietOpen: t.aanvang > vandaag,
      ...(zaak ? { zaak } : {}),
      ...(controle ? { controle } : {}),
      ...(openen ? { openen } : {}),
    };
    let groep = groepen.get(wie);
    if (!groep) groepen.set(wie, (groep = { naam: zaak?.verantwoordelijke ?? 'Niemand verantwoordelijk (geen zaak of niet toegewezen)', id: wie, regels: [] }));
    groep.regels.push(regel);
    aantal++;
    if (controle?.nodig) ongecontroleerd++;
  }
  const gesorteerd = [...groepen.values()].sort((a, b) => (a.id === 'niemand' ? 1 : b.id === 'niemand' ? -1 : a.naam.localeCompare(b.naam, 'nl')));
  return { totEnMet, groepen: gesorteerd, aantal, ongecontroleerd };
}
