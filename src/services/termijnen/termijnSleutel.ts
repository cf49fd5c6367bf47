import type { Termijn } from '../../domain/termijnen/termijn';

/** A term's identity within its (regio, jaar): the decision, the remedy and the party (none: open to every party). */
export function formatTermijnSleutel(t: Pick<Termijn, 'besluit' | 'rechtsmiddel' | 'regio' | 'jaar' | 'partij'>): string {
  return `${t.besluit}|${t.rechtsmiddel}|${t.regio}|${t.jaar}|${t.partij ?? ''}`;
}
