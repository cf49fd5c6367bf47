import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Db } from '../db/verbinding';
import { BronFout, isAtwKb, isNzaPublicatie, readBronDocument, readKbDagen, type BronDocument, type BronSoort } from '../bronnen/bronXml';
import { proposeVondsten, type BronVondst } from '../services/bronnen/bronVoorstellen';
import type { CliUitkomst } from './accountCommands';

const fout = (melding: string): CliUitkomst => ({ stdout: '', stderr: `${melding}\n`, exitCode: 2 });

/**
 * What a set of read answers proposes: the uitspraken of the content documents (minus those a feed marks deleted), the
 * KB days and the NZa publications of SRU answers. Notes (a feed entry without its content, a KB naming no day) are
 * returned to be told, never guessed at.
 */
export function collectVondsten(documenten: readonly BronDocument[]): { vondsten: BronVondst[]; notities: string[] } {
  const verwijderd = new Set<string>();
  const inFeed = new Set<string>();
  const vondsten: BronVondst[] = [];
  const notities: string[] = [];
  for (const d of documenten) {
    if (d.vorm === 'feed') for (const e of d.entries) (e.verwijderd ? verwijderd : inFeed).add(e.ecli);
  }
  const metInhoud = new Set<string>();
  for (const d of documenten) {
    if (d.vorm === 'uitspraak') {
      metInhoud.add(d.uitspraak.ecli);
      if (!verwijderd.has(d.uitspraak.ecli)) vondsten.push({ soort: 'uitspraak', ...d.uitspraak });
    } else if (d.vorm === 'sru') {
      for (const p of d.publicaties) {
        if (isAtwKb(p)) {
          const dagen = readKbDagen(p);
          if (dagen.length === 0) notities.push(`${p.identifier}: de titel noemt geen dag ("vrijdag 11 mei 2029"); lees de tekst (${p.xmlUrl ?? p.url})`);
          for (const datum of dagen) vondsten.push({ soort: 'gelijkgestelde-dag', datum, bron: p.identifier, titel: p.titel, url: p.url });
        } else if (isNzaPublicatie(p)) {
          vondsten.push({ soort: 'nza-publicatie', bron: p.identifier, titel: p.titel, datum: p.datum, url: p.url });
        }
      }
    }
  }
  for (const ecli of inFeed) if (!metInhoud.has(ecli)) notities.push(`${ecli}: alleen in de feed; geef ook de inhoud (content?id=${ecli}) mee`);
  return { vondsten, notities };
}

/**
 * `bronnen inlezen --bron rechtspraak|staatscourant BESTAND…` (issue 33): reads recorded answers of the sources into
 * proposals for the database of DATABASE_PATH, one JSON line per new proposal. Every file is read before anything is
 * written: one bad file (exit 2, one Dutch line naming file and problem) writes nothing.
 */
export function runBronnenCommand(db: () => Db, args: string[]): CliUitkomst {
  const [sub, ...rest] = args;
  if (sub !== 'inlezen')
    return fout(
      `onbekend commando ${JSON.stringify(['bronnen', sub].filter(Boolean).join(' '))}; gebruik: bronnen inlezen --bron rechtspraak|staatscourant BESTAND…`,
    );
  let bron: string | undefined;
  let bestanden: string[];
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { bron: { type: 'string' } }, strict: true, allowPositionals: true });
    bron = values.bron;
    bestanden = positionals;
  } catch (e) {
    return fout(`ongeldige opties: ${(e as Error).message}`);
  }
  if (bron !== 'rechtspraak' && bron !== 'staatscourant') return fout(`onbekende bron ${JSON.stringify(bron ?? '')}; kies rechtspraak of staatscourant`);
  if (bestanden.length === 0) return fout('geef een of meer bestanden met opgeslagen antwoorden van de bron');
  const documenten: BronDocument[] = [];
  for (const bestand of bestanden) {
    let tekst: string;
    try {
      tekst = readFileSync(bestand, 'utf8');
    } catch (e) {
      return fout(`${bestand}: kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? 'onbekende fout'})`);
    }
    try {
      documenten.push(readBronDocument(tekst, bron as BronSoort));
    } catch (e) {
      if (e instanceof BronFout) return fout(`${bestand}: ${e.message}`);
      throw e;
    }
  }
  const { vondsten, notities } = collectVondsten(documenten);
  const regels = vondsten.length > 0 ? proposeVondsten(db(), vondsten) : [];
  return {
    stdout: regels.map((r) => `${JSON.stringify(r)}\n`).join(''),
    stderr: notities.map((n) => `${n}\n`).join(''),
    exitCode: 0,
  };
}
