import regios from '../../../seed/zorgkantoorregios.json';

export interface Zorgkantoorregio {
  code: string;
  naam: string;
  /** The Wlz-uitvoerder designated as zorgkantoor for the region. */
  zorgkantoor: string;
}

export const ZORGKANTOORREGIOS: readonly Zorgkantoorregio[] = regios;

const perNaam = new Map(ZORGKANTOORREGIOS.map((r) => [normalizeRegioNaam(r.naam), r]));

function normalizeRegioNaam(naam: string): string {
  return naam.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');
}

/** The official region for a name typed in any case, or undefined. */
export function findZorgkantoorregio(naam: string): Zorgkantoorregio | undefined {
  return perNaam.get(normalizeRegioNaam(naam));
}
