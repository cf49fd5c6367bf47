import indeling from '../../../seed/zorgkantoorregios.json';
import type { IsoDatum } from '../kalender/kalenderdatum';

/** A zorgkantoorregio as reference data (termijnregels §11): the CBS code, the official name, the Wlz-uitvoerder. */
export interface Zorgkantoorregio {
  /** The CBS statcode, e.g. `ZK23`: stable, used in URLs. */
  code: string;
  /** The official CBS name. */
  naam: string;
  /** The Wlz-uitvoerder designated as zorgkantoor for the region (best evidence; see `zorgkantoorGeverifieerd`). */
  zorgkantoor: string;
  zorgkantoorBron: string;
  zorgkantoorGeverifieerd: boolean;
  geldigVanaf: IsoDatum | null;
  /** The last day the region existed; null while it does. */
  geldigTot: IsoDatum | null;
  /** For a region that ended: the code of the region that took it over. */
  opgevolgdDoor?: string;
  /** Other spellings seen in NZa documents. */
  aliassen?: string[];
}

/** Where the division comes from and what was not checked: shown wherever regions are listed. */
export const REGIO_INDELING: { bron: string; gecontroleerdOp: IsoDatum; nietGecontroleerd: string } = indeling.indeling;

/** Every region the division has known, ended ones included, so decisions keep the region they were made for. */
export const ALLE_ZORGKANTOORREGIOS: readonly Zorgkantoorregio[] = indeling.regios;

/** The 31 regions of the current division. */
export const ZORGKANTOORREGIOS: readonly Zorgkantoorregio[] = ALLE_ZORGKANTOORREGIOS.filter((r) => r.geldigTot === null).sort((a, b) =>
  a.naam.localeCompare(b.naam, 'nl'),
);

/**
 * Names match case-insensitively and across typographic variants (termijnregels §11): `’t Gooi` = `'t Gooi`,
 * `Zaanstreek-Waterland` = `Zaanstreek/Waterland` = `Zaanstreek – Waterland`, `e.o.` = `eo`.
 */
export function normalizeRegioNaam(naam: string): string {
  return naam
    .normalize('NFKC')
    .toLocaleLowerCase('nl')
    .replace(/[\u2018\u2019\u201B\u0060\u00B4\u2032]/g, "'")
    .replace(/\s*[-\u2010-\u2015/,]\s*/g, '-')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A division of regions to look names and codes up in: the shipped one, or the one an NZa beheerder changed since. */
export interface RegioRegister {
  readonly alle: readonly Zorgkantoorregio[];
  /** The region for a code (`ZK23`) or a name in any spelling (aliases and former names too); undefined when unknown. */
  find(naamOfCode: string): Zorgkantoorregio | undefined;
}

export function createRegioRegister(regios: readonly Zorgkantoorregio[]): RegioRegister {
  const perSleutel = new Map<string, Zorgkantoorregio>();
  // Aliases first, so that a current official name always wins over a former name that another region once had.
  for (const regio of regios) for (const naam of regio.aliassen ?? []) perSleutel.set(normalizeRegioNaam(naam), regio);
  for (const regio of regios) {
    perSleutel.set(regio.code.toLowerCase(), regio);
    perSleutel.set(normalizeRegioNaam(regio.naam), regio);
  }
  return {
    alle: regios,
    find: (naamOfCode) => perSleutel.get(naamOfCode.trim().toLowerCase()) ?? perSleutel.get(normalizeRegioNaam(naamOfCode)),
  };
}

const STANDAARD_REGISTER = createRegioRegister(ALLE_ZORGKANTOORREGIOS);

/** The region for a code (`ZK23`) or a name in any spelling in the shipped division, ended regions included. */
export function findZorgkantoorregio(naamOfCode: string): Zorgkantoorregio | undefined {
  return STANDAARD_REGISTER.find(naamOfCode);
}

/** Whether the region existed on `datum`. */
export function isGeldigOp(regio: Zorgkantoorregio, datum: IsoDatum): boolean {
  return (regio.geldigVanaf === null || regio.geldigVanaf <= datum) && (regio.geldigTot === null || regio.geldigTot >= datum);
}

/** Whether the region existed in (part of) the year: a contracteerruimte is fixed per region and calendar year. */
export function isGeldigInJaar(regio: Pick<Zorgkantoorregio, 'geldigVanaf' | 'geldigTot'>, jaar: number): boolean {
  return (regio.geldigVanaf === null || regio.geldigVanaf <= `${jaar}-12-31`) && (regio.geldigTot === null || regio.geldigTot >= `${jaar}-01-01`);
}
