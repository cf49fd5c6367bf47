import { DateTime } from 'luxon';
import { isGeldigeIsoDatum, type IsoDatum } from '../kalender/kalenderdatum';

const WEEKDAGEN = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
const MAANDEN = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const VOLUIT = new RegExp(`\\b(${WEEKDAGEN})\\s+(\\d{1,2})\\s+(${MAANDEN})\\s+(\\d{4})\\b`, 'gi');

/**
 * The days a text names as the Staatscourant writes them, "vrijdag 11 mei 2029", in order of appearance and each once.
 * A weekday that does not fit its date ("maandag 11 mei 2029") is a misreading, not a day: it is left out.
 */
export function readVoluitGeschrevenDatums(tekst: string): IsoDatum[] {
  const gevonden: IsoDatum[] = [];
  for (const m of tekst.matchAll(VOLUIT)) {
    const gelezen = DateTime.fromFormat(`${m[1]} ${m[2]} ${m[3]} ${m[4]}`.toLowerCase(), 'cccc d LLLL yyyy', { locale: 'nl', zone: 'UTC' });
    if (!gelezen.isValid) continue;
    const iso = gelezen.toISODate() as IsoDatum;
    if (!gevonden.includes(iso)) gevonden.push(iso);
  }
  return gevonden;
}

/** "2027-03-02" from a source's date or instant ("2027-03-02", "2027-03-02T10:15:00+01:00"), or undefined. */
export function readIsoDatum(waarde: string | undefined): IsoDatum | undefined {
  const datum = /^(\d{4}-\d{2}-\d{2})/.exec(waarde?.trim() ?? '')?.[1];
  return datum !== undefined && isGeldigeIsoDatum(datum) ? (datum as IsoDatum) : undefined;
}
