import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readIsoDatum, readVoluitGeschrevenDatums } from '../domain/bronnen/datumInTekst';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';

/**
 * Reading the official sources' XML (issue 33): Rechtspraak Open Data (an Atom feed of ECLIs, then each uitspraak's
 * content) and KOOP's SRU 2.0 answers (Officiële Bekendmakingen). Namespace prefixes are removed (`psi:zaaknummer` is
 * `zaaknummer`), every value stays a string (a zaaknummer "26/0417" or an identifier is never turned into a number).
 */

/** A source answer we cannot read: the message is Dutch, one line, and names the problem. */
export class BronFout extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Knoop = Record<string, unknown>;

/** The parser's (English) validation message in Dutch: the common ones word for word, any other by its kind. */
const XML_MELDINGEN: [RegExp, (...m: string[]) => string][] = [
  [
    /^Expected closing tag '(.+?)' \(opened in line (\d+), col \d+\) instead of closing tag '(.+?)'/,
    (_, a, r, b) => `element <${a}> (geopend op regel ${r}) is niet gesloten vóór </${b}>`,
  ],
  [/^Unclosed tag '(.+?)'/, (_, a) => `element <${a}> is niet gesloten`],
  [/^Closing tag '(.+?)' has not been opened/, (_, a) => `sluitelement </${a}> zonder openingselement`],
  [/^Multiple possible root nodes found/, () => 'meer dan één hoofdelement'],
  [/^Extra text at the end/, () => 'tekst na het hoofdelement'],
  [/^Attribute '(.+?)' is repeated/, (_, a) => `attribuut ${a} komt twee keer voor`],
  [/^Attribute '(.+?)' is without value/, (_, a) => `attribuut ${a} heeft geen waarde`],
  [/^char '(.+?)' is not expected/, (_, c) => `teken ${JSON.stringify(c)} hoort hier niet`],
  [/^Tag '(.+?)' is an invalid name/, (_, a) => `${JSON.stringify(a)} is geen geldige elementnaam`],
];
const XML_SOORTEN: Record<string, string> = {
  InvalidTag: 'ongeldig element',
  InvalidAttr: 'ongeldig attribuut',
  InvalidChar: 'ongeldig teken',
  InvalidXml: 'ongeldige opbouw',
};
function vertaalXmlFout(code: string, melding: string): string {
  for (const [patroon, vertaal] of XML_MELDINGEN) {
    const m = patroon.exec(melding);
    if (m) return vertaal(...m);
  }
  return XML_SOORTEN[code] ?? 'ongeldige XML';
}

/** Parses XML, or throws BronFout naming the line and column of the first error. */
export function parseBronXml(tekst: string): Knoop {
  if (!tekst.trim()) throw new BronFout('leeg antwoord: geen XML');
  const geldig = XMLValidator.validate(tekst);
  if (geldig !== true) {
    const { line, col, msg } = geldig.err;
    throw new BronFout(`geen geldige XML op regel ${line}, kolom ${col}: ${vertaalXmlFout(geldig.err.code, msg)}`);
  }
  return parser.parse(tekst) as Knoop;
}

const lijst = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** The text of an element, with or without attributes. */
const tekstVan = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '#text' in v) return String((v as Knoop)['#text']);
  return undefined;
};
/** All text below a node, in document order (for dates written in a KB's text). */
function alleTekst(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(alleTekst).join(' ');
  if (v && typeof v === 'object')
    return Object.entries(v)
      .filter(([k]) => !k.startsWith('@'))
      .map(([, w]) => alleTekst(w))
      .join(' ');
  return '';
}
/** The first element named `naam` anywhere below `v` (depth first). */
function zoek(v: unknown, naam: string): unknown {
  if (Array.isArray(v)) {
    for (const w of v) {
      const r = zoek(w, naam);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const k = v as Knoop;
  if (naam in k) return k[naam];
  for (const [sleutel, w] of Object.entries(k)) {
    if (sleutel.startsWith('@')) continue;
    const r = zoek(w, naam);
    if (r !== undefined) return r;
  }
  return undefined;
}

export type BronSoort = 'rechtspraak' | 'staatscourant';

export interface FeedEntry {
  ecli: string;
  updated: string | undefined;
  /** The entry announces that the uitspraak was withdrawn: nothing is proposed for it. */
  verwijderd: boolean;
}

export interface Uitspraak {
  ecli: string;
  /** The day of the uitspraak (`dcterms:date`). */
  datum: IsoDatum;
  zaaknummers: string[];
  procedure: string | undefined;
  url: string;
}

export interface StcrtPublicatie {
  identifier: string;
  titel: string;
  creator: string;
  /** Publication date (`available`). */
  datum: IsoDatum;
  url: string;
  /** The XML manifestation of the item (its text), when the record names one. */
  xmlUrl: string | undefined;
}

export type BronDocument =
  | { vorm: 'feed'; entries: FeedEntry[] }
  | { vorm: 'uitspraak'; uitspraak: Uitspraak }
  | { vorm: 'sru'; aantal: number; volgende: number | undefined; publicaties: StcrtPublicatie[] };

/** The public page of an uitspraak at rechtspraak.nl. */
export const uitspraakUrl = (ecli: string) => `https://uitspraken.rechtspraak.nl/details?id=${ecli}`;

const ECLI = /^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}$/;

function readFeed(feed: Knoop): FeedEntry[] {
  return lijst(feed.entry).map((e, i) => {
    const entry = (e ?? {}) as Knoop;
    const ecli = tekstVan(entry.id)?.trim() ?? '';
    if (!ECLI.test(ecli)) throw new BronFout(`feed: entry ${i + 1} heeft geen ECLI als id (${JSON.stringify(ecli)})`);
    return { ecli, updated: tekstVan(entry.updated), verwijderd: 'deleted' in entry };
  });
}

function readUitspraak(root: Knoop): Uitspraak {
  const beschrijvingen = lijst(zoek(root, 'RDF')).flatMap((rdf) => lijst((rdf as Knoop | undefined)?.Description)) as Knoop[];
  if (beschrijvingen.length === 0) throw new BronFout('open-rechtspraak: geen rdf:RDF/rdf:Description');
  const eerste = (naam: string) => beschrijvingen.map((b) => tekstVan(lijst(b[naam])[0])).find((w) => w !== undefined && w.trim() !== '');
  const ecli = eerste('identifier')?.trim() ?? '';
  if (!ECLI.test(ecli)) throw new BronFout(`open-rechtspraak: dcterms:identifier is geen ECLI (${JSON.stringify(ecli)})`);
  const datumTekst = eerste('date');
  const datum = readIsoDatum(datumTekst);
  if (!datum) throw new BronFout(`open-rechtspraak ${ecli}: dcterms:date is geen datum (${JSON.stringify(datumTekst ?? '')})`);
  const zaaknummers = [
    ...new Set(
      beschrijvingen
        .flatMap((b) => lijst(b.zaaknummer).map(tekstVan))
        .flatMap((z) => (z ?? '').split(/[,;]/))
        .map((z) => z.trim())
        .filter(Boolean),
    ),
  ];
  return { ecli, datum, zaaknummers, procedure: eerste('procedure'), url: uitspraakUrl(ecli) };
}

function readSru(antwoord: Knoop): Extract<BronDocument, { vorm: 'sru' }> {
  const diagnostiek = antwoord.diagnostics;
  if (diagnostiek !== undefined) {
    // SRU reports errors as HTTP 200 with <diagnostics> (e.g. paging past record 10,000).
    const d = lijst((diagnostiek as Knoop).diagnostic)[0] as Knoop | undefined;
    const melding = [tekstVan(d?.message), tekstVan(d?.details)].filter(Boolean).join(': ');
    throw new BronFout(`SRU-diagnose: ${melding || 'onbekende fout'}${d?.uri ? ` (${tekstVan(d.uri)})` : ''}`);
  }
  const aantalTekst = tekstVan(antwoord.numberOfRecords) ?? '';
  if (!/^\d+$/.test(aantalTekst)) throw new BronFout(`SRU: numberOfRecords ontbreekt of is geen getal (${JSON.stringify(aantalTekst)})`);
  const volgendeTekst = tekstVan(antwoord.nextRecordPosition);
  const records = lijst((antwoord.records as Knoop | undefined)?.record) as Knoop[];
  const publicaties = records.map((record, i) => {
    const data = record.recordData;
    const veld = (naam: string) => tekstVan(lijst(zoek(data, naam))[0])?.trim();
    const identifier = veld('identifier');
    const titel = veld('title');
    const datum = readIsoDatum(veld('available'));
    if (!identifier || !titel || !datum) throw new BronFout(`SRU: record ${i + 1} mist identifier, title of available`);
    const itemUrls = lijst(zoek(data, 'itemUrl')) as unknown[];
    const xml = itemUrls.find((u) => u && typeof u === 'object' && (u as Knoop)['@manifestation'] === 'xml');
    return {
      identifier,
      titel,
      creator: veld('creator') ?? '',
      datum,
      url: veld('preferredUrl') ?? tekstVan(itemUrls[0]) ?? '',
      xmlUrl: xml ? tekstVan(xml) : undefined,
    };
  });
  return { vorm: 'sru', aantal: Number(aantalTekst), volgende: volgendeTekst && /^\d+$/.test(volgendeTekst) ? Number(volgendeTekst) : undefined, publicaties };
}

/** Reads one answer of a source: which of the documented shapes it is, or BronFout. */
export function readBronDocument(tekst: string, bron: BronSoort): BronDocument {
  const xml = parseBronXml(tekst);
  if (bron === 'rechtspraak') {
    if (xml.feed !== undefined) return { vorm: 'feed', entries: readFeed((xml.feed || {}) as Knoop) };
    if (xml['open-rechtspraak'] !== undefined) return { vorm: 'uitspraak', uitspraak: readUitspraak(xml['open-rechtspraak'] as Knoop) };
    throw new BronFout(`geen Atom-feed of open-rechtspraak-document van Rechtspraak (hoofdelement: ${Object.keys(xml)[0] ?? 'geen'})`);
  }
  if (xml.searchRetrieveResponse !== undefined) return readSru((xml.searchRetrieveResponse || {}) as Knoop);
  throw new BronFout(`geen SRU-antwoord (searchRetrieveResponse) van de Staatscourant (hoofdelement: ${Object.keys(xml)[0] ?? 'geen'})`);
}

/** A KB under the Algemene termijnenwet (art. 3 lid 3: days equated with a feestdag), recognised by its title. */
export const isAtwKb = (p: StcrtPublicatie) => /algemene termijnenwet/i.test(p.titel);
/** A publication of the NZa. */
export const isNzaPublicatie = (p: StcrtPublicatie) => /zorgautoriteit/i.test(p.creator);

/** The equated days a KB names, from its title or, when the title names none, from its text (the item's XML). */
export function readKbDagen(p: StcrtPublicatie, itemXml?: string): IsoDatum[] {
  const uitTitel = readVoluitGeschrevenDatums(p.titel);
  if (uitTitel.length > 0 || itemXml === undefined) return uitTitel;
  return readVoluitGeschrevenDatums(alleTekst(parseBronXml(itemXml)));
}
