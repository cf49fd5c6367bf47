import regios from '../../../seed/zorgkantoorregios.json';

export interface Zorgkantoorregio {
  code: string;
  naam: string;
  /** The Wlz-uitvoerder designated as zorgkantoor for the region. */
  zorgkantoor: string;
}

export const ZORGKANTOORREGIOS: readonly Zorgkantoorregio[] = regios;

const perNaam = new Map(ZORGKANTOORREGIOS.map((r) => [normalizeRegioNaam(r.naam), r]));

/**
 * Names match case-insensitively and across typographic variants (termijnregels §11): `’t Gooi` = `'t Gooi`,
 * `Zaanstreek-Waterland` = `Zaanstreek/Waterland` = `Zaanstreek – Waterland`, `e.o.` = `eo`.
 */
export function normalizeRegioNaam(naam: string): string {
  return naam
    .normalize('NFKC')
    .toLocaleLowerCase('nl')
    .replace(/[\u2018\u2019\u201B\u0060\u00B4\u2032]/g, "'")
    .replace(/\s*[-\u2010-\u2015\/]\s*/g, '-')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The official region for a name typed in any case, or undefined. */
export function findZorgkantoorregio(naam: string): Zorgkantoorregio | undefined {
  return perNaam.get(normalizeRegioNaam(naam));
}
