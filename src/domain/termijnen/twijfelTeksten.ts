// Termijnregels §8: the entry-into-force date of art. 105 leden 2–4 Wmg is not known; the doubt every term then carries.
export const TWIJFEL_INWERKINGTREDING =
  'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet bekend. Gold de regeling bij deze bekendmaking nog ' +
  'niet, dan stond geen rechtstreeks beroep tegen de contracteerruimte open (alleen exceptieve toetsing in bezwaar tegen ' +
  'de tariefbeschikking); deze termijn is voor de zekerheid berekend.';
