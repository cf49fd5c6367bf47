import { DateTime } from 'luxon';
import { NL_ZONE, type IsoDatum } from '../domain/kalender/kalenderdatum';

/** The day last read, with the instants it runs from (its midnight in the Netherlands) up to (the next midnight). */
let bekend: { dag: IsoDatum; vanMs: number; totMs: number } | undefined;

/**
 * Today in the Netherlands: the only place outside tests where the clock is read. Every request asks; the zone
 * conversion is done once per day, the day kept for exactly the instants it covers (a clock set back is seen too).
 */
export function vandaagInNederland(): IsoDatum {
  const nuMs = Date.now();
  if (bekend && nuMs >= bekend.vanMs && nuMs < bekend.totMs) return bekend.dag;
  const begin = DateTime.fromMillis(nuMs).setZone(NL_ZONE).startOf('day');
  // Plus one calendar day in the zone: the next midnight also on the days summer time starts or ends (23 or 25 hours).
  bekend = { dag: begin.toISODate() as IsoDatum, vanMs: begin.toMillis(), totMs: begin.plus({ days: 1 }).toMillis() };
  return bekend.dag;
}
