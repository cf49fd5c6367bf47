import type { IsoDatum } from '../kalender/kalenderdatum';

export const CONTRACTEERRUIMTE_SOORTEN = ['vaststelling', 'wijziging'] as const;
export type ContracteerruimteSoort = (typeof CONTRACTEERRUIMTE_SOORTEN)[number];

// `sluittarief` is a Wlz-sluittarief set in the nacalculatie (art. 50 lid 5 Wmg).
export const TARIEFBESCHIKKING_SOORTEN = ['vaststelling', 'wijziging', 'nacalculatie', 'sluittarief', 'vereffening'] as const;
export type TariefbeschikkingSoort = (typeof TARIEFBESCHIKKING_SOORTEN)[number];

/** A besluit fixing or amending the regionale contracteerruimte of one region for one or more years (art. 49e Wmg). */
export interface Contracteerruimtebesluit {
  id: string;
  type: 'contracteerruimte';
  soort: ContracteerruimteSoort;
  regio: string;
  bekendgemaakt: IsoDatum;
  jaren: number[];
}

/** The NZa's beschikking on one zorgaanbieder's tariffs for one year in one region. */
export interface Tariefbeschikking {
  id: string;
  type: 'tariefbeschikking';
  soort: TariefbeschikkingSoort;
  regio: string;
  jaar: number;
  bekendgemaakt: IsoDatum;
  /** The addressee (zorgaanbieder): any stable identifier. Absent: the beschikking's `id` stands for its addressee. */
  aanbieder?: string;
}

export type Besluit = Contracteerruimtebesluit | Tariefbeschikking;

/** A beroep against the contracteerruimte of `tegen`'s region for `jaar`. */
export interface Beroep {
  tegen: string;
  /** The region, when `tegen` alone does not tell it (one NZa besluit covers all regions under one kenmerk). */
  regio?: string;
  jaar: number;
  ingesteld: IsoDatum;
  afgerond: IsoDatum | null;
  /** Who filed it (an `aanbieder` or a zorgkantoor). Absent: the addressee of `tegen` when that is a tariefbeschikking. */
  partij?: string;
}

/** A party whose terms are asked for without a tariefbeschikking of its own: the zorgkantoor of a region (§4). */
export interface GevraagdePartij {
  partij: string;
  soort: 'zorgaanbieder' | 'zorgkantoor';
  regio: string;
}

export interface TermijnInvoer {
  peildatum: IsoDatum;
  besluiten: Besluit[];
  beroepen: Beroep[];
  partijen?: GevraagdePartij[];
}

/** The party a tariefbeschikking addresses (cli-termijnen.md, version 2). */
export function partijVan(besluit: Tariefbeschikking): string {
  return besluit.aanbieder ?? besluit.id;
}

export function jarenVan(besluit: Besluit): number[] {
  return besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
}

/** Only these carry goedgekeurde productieafspraken and so open beroep under art. 105 lid 2 Wmg. */
export function heeftProductieafspraken(soort: TariefbeschikkingSoort): boolean {
  return soort === 'vaststelling' || soort === 'wijziging';
}

export const TARIEFBESCHIKKING_SOORT_LABEL: Record<TariefbeschikkingSoort, string> = {
  vaststelling: 'vaststelling',
  wijziging: 'wijziging in de herschikking',
  nacalculatie: 'nacalculatie',
  sluittarief: 'Wlz-sluittarief in de nacalculatie',
  vereffening: 'vereffeningsbedrag',
};
