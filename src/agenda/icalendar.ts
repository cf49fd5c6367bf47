import { addDagen, type IsoDatum } from '../domain/kalender/kalenderdatum';

/** A term as an all-day iCalendar (RFC 5545) event. The UID stays the same when the date moves. */
export interface AgendaTermijn {
  uid: string;
  einde: IsoDatum;
  samenvatting: string;
  beschrijving: string;
  url: string;
  /** Alarms, in days before the last day (0 = on the day, 09:00). */
  alarmen: number[];
}

// RFC 5545 3.3.11: backslash, semicolon, comma and newlines (CRLF, a lone CR or LF) are escaped in TEXT values.
function escapeTekst(tekst: string): string {
  return tekst
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

// RFC 5545 3.1: lines longer than 75 octets are folded; never split a UTF-8 sequence.
function vouw(regel: string): string {
  const bytes = Buffer.from(regel, 'utf8');
  if (bytes.length <= 75) return regel;
  const delen: string[] = [];
  let huidig = '';
  let lengte = 0;
  for (const teken of regel) {
    const n = Buffer.byteLength(teken, 'utf8');
    if (lengte + n > (delen.length === 0 ? 75 : 74)) {
      delen.push(huidig);
      huidig = '';
      lengte = 0;
    }
    huidig += teken;
    lengte += n;
  }
  delen.push(huidig);
  return delen.join('\r\n ');
}

const datumWaarde = (d: IsoDatum) => d.replace(/-/g, '');

export function buildVCalendar(naam: string, termijnen: readonly AgendaTermijn[], nu: Date): string {
  const stempel = nu
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const regels = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Termijnbewaking Wmg 105//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeTekst(naam)}`,
    'X-WR-TIMEZONE:Europe/Amsterdam',
  ];
  for (const t of termijnen) {
    regels.push(
      'BEGIN:VEVENT',
      `UID:${t.uid}`,
      `DTSTAMP:${stempel}`,
      `DTSTART;VALUE=DATE:${datumWaarde(t.einde)}`,
      `DTEND;VALUE=DATE:${datumWaarde(addDagen(t.einde, 1))}`,
      `SUMMARY:${escapeTekst(t.samenvatting)}`,
      `DESCRIPTION:${escapeTekst(t.beschrijving)}`,
      `URL:${t.url}`,
      'TRANSP:TRANSPARENT',
      ...t.alarmen.flatMap((dagen) => [
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeTekst(t.samenvatting)}`,
        `TRIGGER:${dagen === 0 ? 'PT9H' : `-P${dagen}D`}`,
        'END:VALARM',
      ]),
      'END:VEVENT',
    );
  }
  regels.push('END:VCALENDAR');
  return `${regels.map(vouw).join('\r\n')}\r\n`;
}
