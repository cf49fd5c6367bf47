/** What a contracteerruimtebesluit is called in a sentence: a wijzigingsbesluit only when it amends. */
export function nameContracteerruimtebesluit(soort: string): string {
  return soort === 'wijziging' ? 'wijzigingsbesluit' : 'contracteerruimtebesluit';
}

/** Between two doubts of one date or status: each doubt is its own paragraph. */
export const TWIJFEL_ALINEA = '\n\n';

/** The doubts of a text joined by `TWIJFEL_ALINEA`, each once. */
export function splitTwijfels(twijfel: string): string[] {
  return twijfel
    .split(TWIJFEL_ALINEA)
    .map((t) => t.trim())
    .filter(Boolean);
}

// Termijnregels §8: the entry-into-force date of art. 105 leden 2–4 Wmg is not known; the doubt every term then carries.
export const TWIJFEL_INWERKINGTREDING =
  'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet bekend. Gold de regeling bij deze bekendmaking nog ' +
  'niet, dan stond geen rechtstreeks beroep tegen de contracteerruimte open (alleen exceptieve toetsing in bezwaar tegen ' +
  'de tariefbeschikking); deze termijn is voor de zekerheid berekend.';
