import { DateTime } from 'luxon';
import { NL_ZONE, type IsoDatum } from '../domain/kalender/kalenderdatum';

/** Today in the Netherlands: the only place outside tests where the clock is read. */
export function vandaagInNederland(): IsoDatum {
  return DateTime.now().setZone(NL_ZONE).toISODate() as IsoDatum;
}
