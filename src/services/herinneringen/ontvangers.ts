// Who receives a reminder (issue 30.1: a term never has nobody reminded). The reminder job, the work views and the
// case page ask here; the organisation's default and reserve person are set in herinneringBeheer.ts.

/**
 * Who is reminded of a term (issue 30.1: never nobody): the case's responsible person; else the organisation's
 * standaardverantwoordelijke; else every jurist and beheerder of the organisation (and, in an organisation that has
 * only readers, every member).
 */
export interface Ontvangers {
  personen: [Persoon, ...Persoon[]];
  via: 'verantwoordelijke' | 'standaardverantwoordelijke' | 'alle juristen en beheerders' | 'alle leden';
}

export type Persoon = { id: number; naam: string; email: string };

type Lid = Persoon & { organisatieId: number; rol: string };

/** The recipients of an organisation's term: `eerst` (the responsible person), the default person, or all who can act. */
export function chooseOntvangers(eerst: Persoon | undefined, standaard: Persoon | undefined, leden: readonly Lid[]): Ontvangers | undefined {
  // Always plain persons: a member row's other columns never travel with a reminder.
  const persoon = (g: Persoon): Persoon => ({ id: g.id, naam: g.naam, email: g.email });
  if (eerst) return { personen: [persoon(eerst)], via: 'verantwoordelijke' };
  if (standaard) return { personen: [persoon(standaard)], via: 'standaardverantwoordelijke' };
  const schrijvers = leden.filter((g) => g.rol === 'jurist' || g.rol === 'beheerder');
  const allen = (schrijvers.length > 0 ? schrijvers : leden).map(persoon);
  return allen.length > 0
    ? { personen: allen as [Persoon, ...Persoon[]], via: schrijvers.length > 0 ? 'alle juristen en beheerders' : 'alle leden' }
    : undefined;
}
