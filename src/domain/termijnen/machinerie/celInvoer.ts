import { toDagnummer, type IsoDatum } from '../../kalender/kalenderdatum';
import { heeftProductieafspraken, partijVan, type Besluit, type Beroep, type GevraagdePartij } from '../../besluiten/besluit';
import { PartijRegister } from './partijRegister';

// MACHINERY: what one cell (regio, jaar) gives the walk, and the fields the walk reads of each besluit as numbers.

/** Each party's first tariefbeschikking in a region, by name; by its number too when it shares the cell's register. */
export interface EersteTariefbeschikkingInRegio {
  get(partij: string): IsoDatum | undefined;
  /** Every party with a tariefbeschikking in the region and the bekendmaking of its first (termijnregels §4: who is a party before any tariefbeschikking of the year). */
  entries(): Iterable<[string, IsoDatum]>;
  /** The register whose numbers `getVoorNummer` takes (the split's, which `velden` also use). */
  readonly register?: PartijRegister;
  getVoorNummer?(inRegister: number): IsoDatum | undefined;
}

/**
 * Everything the terms of one (regio, jaar) depend on: one partition of the engine. Terms and exclusions depend on
 * these decisions alone, never on the peildatum; a decision touches the cells of its region and years only (and, through
 * `eersteTariefbeschikkingInRegio`, the other years of its region for its own party).
 */
export interface CelInvoer {
  regio: string;
  jaar: number;
  /** This cell's besluiten, chronological; on one day a contracteerruimtebesluit precedes the tariefbeschikking applying it. */
  besluiten: readonly Besluit[];
  /** Beroepen against this cell's contracteerruimte, each with its party resolved. */
  beroepen: readonly (Beroep & { partij: string })[];
  /** Parties whose terms were asked for although no tariefbeschikking addresses them (the zorgkantoor). */
  gevraagd: readonly Pick<GevraagdePartij, 'partij' | 'soort'>[];
  /** Each party's first tariefbeschikking in this region, any year: tells a newcomer after a lid-3 window. */
  eersteTariefbeschikkingInRegio: EersteTariefbeschikkingInRegio;
  /**
   * What the walk reads of each besluit, by place: given by `splitInCellen`, which reads every besluit once in the
   * input's own order (the walk's order jumps through memory); read from `besluiten` when absent.
   */
  velden?: BesluitVelden;
  /**
   * False when no besluit of this cell is named by a beroep of the input it was split from: then it holds no beroep
   * term against such a besluit (`listBeroepRijenTegen` skips it). Unknown when absent.
   */
  genoemdDoorBeroep?: boolean;
}

/** Per place in a cell's `besluiten`: its bekendmaking as a day number, what kind of besluit, and its addressee. */
export interface BesluitVelden {
  /** The list these fields were read from (the cell's `besluiten`). */
  van: readonly Besluit[];
  dag: Int32Array;
  /** `BesluitCode`: a contracteerruimtebesluit, or a tariefbeschikking with or without productieafspraken. */
  code: Uint8Array;
  /** The addressee of a tariefbeschikking (`partijVan`) as its number in `register`; −1 for a contracteerruimtebesluit. */
  partij: Int32Array;
  register: PartijRegister;
}

export const enum BesluitCode {
  Contracteerruimte,
  MetProductieafspraken,
  ZonderProductieafspraken,
}

/** What the walk reads of a besluit, as a code. */
export function codeerBesluit(besluit: Besluit): BesluitCode {
  if (besluit.type === 'contracteerruimte') return BesluitCode.Contracteerruimte;
  // Only these open beroep under art. 105 lid 2 Wmg.
  return heeftProductieafspraken(besluit.soort) ? BesluitCode.MetProductieafspraken : BesluitCode.ZonderProductieafspraken;
}

/** The fields the walk reads, from the besluit objects themselves. */
export function readBesluitVelden(besluiten: readonly Besluit[]): BesluitVelden {
  const velden = {
    van: besluiten,
    dag: new Int32Array(besluiten.length),
    code: new Uint8Array(besluiten.length),
    partij: new Int32Array(besluiten.length),
    register: new PartijRegister(),
  };
  for (let i = 0; i < besluiten.length; i++) {
    const b = besluiten[i]!;
    velden.dag[i] = toDagnummer(b.bekendgemaakt);
    velden.code[i] = codeerBesluit(b);
    velden.partij[i] = b.type === 'tariefbeschikking' ? velden.register.numberPartij(partijVan(b)) : -1;
  }
  return velden;
}

/** Per cell, from the walk: where its contracteerruimtebesluiten and tariefbeschikkingen are, and whose they are. */
export interface CelPlaatsen {
  /** The places of the contracteerruimtebesluiten, in order. */
  contracteerruimte: readonly number[];
  /** The place of the first tariefbeschikking, or −1. */
  eersteTariefbeschikking: number;
  /** Per place, the addressee's number in the party table (−1 for a contracteerruimtebesluit). */
  partij: Int32Array;
  /** Whether the besluiten come in order of bekendmaking (as `splitInCellen` and the term service give them). */
  chronologisch: boolean;
}
