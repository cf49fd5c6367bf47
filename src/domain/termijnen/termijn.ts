import type { IsoDatum } from '../kalender/kalenderdatum';
import type { Besluit } from '../besluiten/besluit';
import type { AtwKalender } from '../kalender/atwKalender';

export type { AfleidingStap } from './awbTermijn';

export type Rechtsmiddel = 'bezwaar' | 'beroep';
export type Tegen = 'tariefbeschikking' | 'contracteerruimte';

/** Which rule opened a term. */
export type TermijnRegel =
  | 'awb-bezwaar'
  | 'art-105-lid-2'
  | 'art-105-lid-3'
  /** After an amendment without a gewijzigde tariefbeschikking: six weeks from the wijzigingsbesluit (§6). */
  | 'wijziging-zonder-tariefbeschikking'
  /** A pending beroep extends to the amended besluit (art. 6:19 Awb): a letter with gronden as a precaution. */
  | 'art-6-19-voorzorg'
  /** A besluit for a year that is not future, with no tariefbeschikking for (regio, jaar) yet: six weeks from the besluit (§4). */
  | 'besluit-zonder-tariefbeschikking';

/**
 * `termijn`: a statutory term. `beschermend`: a date that may be the fatal one where the law leaves it open, or a
 * precaution; its `twijfel` says which.
 */
export type TermijnSoort = 'termijn' | 'beschermend';

export type PartijSoort = 'zorgaanbieder' | 'zorgkantoor';

export interface Termijn {
  besluit: string;
  rechtsmiddel: Rechtsmiddel;
  tegen: Tegen;
  regio: string;
  jaar: number;
  /** The party the term belongs to; absent for a lid-3 window, which is open to every party of the region. */
  partij?: string;
  partijSoort?: PartijSoort;
  soort: TermijnSoort;
  aanvang: IsoDatum;
  /** Last day after the Atw move. */
  einde: IsoDatum;
  /** Art. 6:9 lid 2 Awb: a filing posted by `einde` is on time when received by this day. Never a planning date. */
  perPostUiterlijkOntvangen: IsoDatum;
  grondslag: string[];
  /** Where the rules leave the case open: the doubt in plain Dutch. (The toelichting is `describeToelichting`'s, on demand.) */
  twijfel?: string;
  regel: TermijnRegel;
  /** The soort of the triggering besluit (vaststelling, wijziging, …): the afleiding names it. */
  besluitSoort: string;
  /** For a term opened by a tariefbeschikking: its addressee (differs from `partij` for the zorgkantoor). */
  adressaat?: string;
  /** For an art. 6:19 precaution: when the pending beroep was filed. */
  beroepIngesteld?: IsoDatum;
  /**
   * For an art. 105 lid 3 window computed with doubt: the bekendmaking of the tariefbeschikking for the year that came
   * before its first vaststelling (termijnregels §7: the window is kept, with the doubt).
   */
  tariefbeschikkingVooraf?: IsoDatum;
  /**
   * For a date after an amendment without a gewijzigde tariefbeschikking: the gewijzigde tariefbeschikking to the same
   * party that did follow under the same version (it opens its own term).
   */
  gevolgdDoorTariefbeschikking?: { besluit: string; bekendgemaakt: IsoDatum };
  besluitType: Besluit['type'];
  bekendgemaakt: IsoDatum;
  /** Last day before the Atw move. */
  eindeVoorAtw: IsoDatum;
  /** Which version of the contracteerruimte of (regio, jaar) the term is against: 0 before any is registered. */
  versie: number;
}

export type UitsluitingReden =
  'sluittarief-nacalculatie' | 'geen-productieafspraken' | 'onherroepelijk' | 'geen-bezwaar-tegen-contracteerruimte' | 'oud-regime';

export interface Uitsluiting {
  besluit: string;
  rechtsmiddel: Rechtsmiddel;
  tegen: Tegen;
  regio: string;
  jaar: number;
  partij?: string;
  reden: UitsluitingReden;
  grondslag: string[];
  toelichting: string;
  /** When the exclusion could be wrong: why, and what would change it. */
  twijfel?: string;
  /** With `twijfel`: the last day the term would have if it did open. */
  eindeAlsToch?: IsoDatum;
  besluitType: Besluit['type'];
  bekendgemaakt: IsoDatum;
}

export type StatusWaarde = 'nog-niet-open' | 'open' | 'in-beroep' | 'onherroepelijk';

interface StatusVelden {
  regio: string;
  jaar: number;
  status: StatusWaarde;
  /** When open (or in beroep with a term still open): the earliest last day among the terms still running. */
  veiligeUitersteDatum?: IsoDatum;
  /** When onherroepelijk: since when. */
  sinds?: IsoDatum;
  /**
   * When onherroepelijk and the peildatum is at most seven days after the last day that closed it: a beroepschrift
   * posted by that day is still on time when received by this day (art. 6:9 lid 2 Awb; termijnregels §6).
   */
  perPostUiterlijkOntvangen?: IsoDatum;
  /** When nog-niet-open and a term is known to start later (art. 105 lid 3 Wmg). */
  opent?: IsoDatum;
  /** Set when the current contracteerruimte predates art. 105 leden 2–4 Wmg: no direct beroep at all. */
  oudRegime?: true;
  twijfel?: string;
  toelichting: string;
}

/** The state of beroep against the contracteerruimte of (regio, jaar) for one party (termijnregels §6). */
export interface PartijStatus extends StatusVelden {
  partij: string;
}

/** The region-year summary of the parties: onherroepelijk only when so for every party and nothing is pending. */
export type RegioJaarStatus = StatusVelden;

export type WaarschuwingCode =
  | 'inwerkingtreding-onbekend'
  | 'kb-onbekend'
  | 'bekendmaking-in-toekomst'
  | 'beroep-in-toekomst'
  | 'beroep-voor-besluit'
  | 'beroep-voor-aanvang'
  | 'jaar-niet-gedekt';

export interface Waarschuwing {
  code: WaarschuwingCode;
  melding: string;
  besluit?: string;
  /** For kb-onbekend: the year of the end dates concerned. */
  jaar?: number;
}

export interface TermijnUitkomst {
  termijnen: Termijn[];
  uitsluitingen: Uitsluiting[];
  status: RegioJaarStatus[];
  partijStatus: PartijStatus[];
  waarschuwingen: Waarschuwing[];
}

export interface TermijnConfig {
  /**
   * Entry into force of art. 105 leden 2–4 Wmg; earlier bekendmakingen follow the old route (no direct beroep).
   * Undefined: not known (termijnregels §8) — every term of the new regime is computed, with the doubt.
   */
  inwerkingtreding: IsoDatum | undefined;
  kalender: AtwKalender;
}
