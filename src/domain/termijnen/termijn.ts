import type { IsoDatum } from '../kalender/kalenderdatum';
import type { Besluit } from '../besluiten/besluit';

export type Rechtsmiddel = 'bezwaar' | 'beroep';
export type Tegen = 'tariefbeschikking' | 'contracteerruimte';

/** Which rule opened a term. */
export type TermijnRegel = 'awb-bezwaar' | 'art-105-lid-2' | 'art-105-lid-3';

export interface Termijn {
  besluit: string;
  rechtsmiddel: Rechtsmiddel;
  tegen: Tegen;
  regio: string;
  jaar: number;
  aanvang: IsoDatum;
  /** Last day after the Atw move. */
  einde: IsoDatum;
  grondslag: string[];
  toelichting: string;
  regel: TermijnRegel;
  besluitType: Besluit['type'];
  bekendgemaakt: IsoDatum;
  /** Last day before the Atw move. */
  eindeVoorAtw: IsoDatum;
}

export type UitsluitingReden =
  | 'sluittarief-nacalculatie'
  | 'geen-productieafspraken'
  | 'onherroepelijk'
  | 'geen-bezwaar-tegen-contracteerruimte'
  | 'oud-regime';

export interface Uitsluiting {
  besluit: string;
  rechtsmiddel: Rechtsmiddel;
  tegen: Tegen;
  regio: string;
  jaar: number;
  reden: UitsluitingReden;
  grondslag: string[];
  toelichting: string;
  besluitType: Besluit['type'];
  bekendgemaakt: IsoDatum;
}

export type StatusWaarde = 'nog-niet-open' | 'open' | 'in-beroep' | 'onherroepelijk';

export interface RegioJaarStatus {
  regio: string;
  jaar: number;
  status: StatusWaarde;
  /** When open: the earliest last day among the terms still running. */
  veiligeUitersteDatum?: IsoDatum;
  /** When onherroepelijk: since when. */
  sinds?: IsoDatum;
  /** When nog-niet-open and a term is known to start later (art. 105 lid 3 Wmg). */
  opent?: IsoDatum;
  /** Set when the current contracteerruimte predates art. 105 leden 2–4 Wmg: no direct beroep at all. */
  oudRegime?: true;
  toelichting: string;
}

export interface TermijnUitkomst {
  termijnen: Termijn[];
  uitsluitingen: Uitsluiting[];
  status: RegioJaarStatus[];
}
