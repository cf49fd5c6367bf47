// MACHINERY: an exclusion's reason as a code in the walk's columns.

/** Why a term a user might expect does not open, as the walk decides it (the texts are `describeUitsluiting`'s). */
export const enum UitsluitingSoort {
  OudRegime,
  GeenBezwaar,
  ZonderProductieafspraken,
  Onherroepelijk,
}
