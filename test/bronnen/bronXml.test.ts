import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BronFout, readBronDocument, readKbDagen, type StcrtPublicatie } from '../../src/bronnen/bronXml';

/** The documented shapes of the official sources' answers (issue 33), read with fast-xml-parser. */
const lees = (naam: string) => readFileSync(join('test/fixtures/bronnen', naam), 'utf8');
const inhoud = (velden: string) =>
  `<open-rechtspraak><rdf:RDF xmlns:rdf="r" xmlns:dcterms="d" xmlns:psi="p"><rdf:Description>${velden}</rdf:Description></rdf:RDF></open-rechtspraak>`;

describe('reading the sources’ answers', () => {
  it.each([
    ['rechtspraak-feed.xml', 'rechtspraak', 'feed'],
    ['rechtspraak-feed-leeg.xml', 'rechtspraak', 'feed'],
    ['rechtspraak-inhoud-1234.xml', 'rechtspraak', 'uitspraak'],
    ['staatscourant-nza.xml', 'staatscourant', 'sru'],
    ['staatscourant-kb.xml', 'staatscourant', 'sru'],
    ['staatscourant-leeg.xml', 'staatscourant', 'sru'],
  ] as const)('%s is a %s answer of shape %s', (bestand, bron, vorm) => {
    expect(readBronDocument(lees(bestand), bron).vorm).toBe(vorm);
  });

  it('keeps every value a string: a zaaknummer or identifier is never a number', () => {
    const doc = readBronDocument(
      inhoud(
        '<dcterms:identifier>ECLI:NL:CBB:2026:7</dcterms:identifier><dcterms:date>2026-11-17</dcterms:date><psi:zaaknummer>260417, 26/0418; 0019</psi:zaaknummer>',
      ),
      'rechtspraak',
    );
    expect(doc).toEqual({
      vorm: 'uitspraak',
      uitspraak: {
        ecli: 'ECLI:NL:CBB:2026:7',
        datum: '2026-11-17',
        zaaknummers: ['260417', '26/0418', '0019'],
        procedure: undefined,
        url: 'https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:CBB:2026:7',
      },
    });
    const sru = readBronDocument(lees('staatscourant-leeg.xml'), 'staatscourant');
    expect(sru).toEqual({ vorm: 'sru', aantal: 0, volgende: undefined, publicaties: [] });
  });

  it.each([
    ['', 'rechtspraak', 'leeg antwoord: geen XML'],
    [
      '<feed><entry><id>ECLI:NL:CBB:2026:1</id></feed>',
      'rechtspraak',
      'geen geldige XML op regel 1, kolom 41: element <entry> (geopend op regel 1) is niet gesloten vóór </feed>',
    ],
    ['<feed>', 'rechtspraak', 'geen geldige XML op regel 1, kolom 1: element <feed> is niet gesloten'],
    ['<feed></feed><feed></feed>', 'rechtspraak', 'meer dan één hoofdelement'],
    ['<feed><id>a & b</id></feed>', 'rechtspraak', 'teken "&" hoort hier niet'],
    ['<feed x="1" x="2"></feed>', 'rechtspraak', 'attribuut x komt twee keer voor'],
    ['Service Unavailable', 'rechtspraak', 'teken "S" hoort hier niet'],
    ['<feed><entry><id>26/0417</id></entry></feed>', 'rechtspraak', 'feed: entry 1 heeft geen ECLI als id ("26/0417")'],
    [
      inhoud('<dcterms:identifier>ECLI:NL:CBB:2026:7</dcterms:identifier><dcterms:date>17-11-2026</dcterms:date>'),
      'rechtspraak',
      'dcterms:date is geen datum ("17-11-2026")',
    ],
    ['<open-rechtspraak/>', 'rechtspraak', 'open-rechtspraak: geen rdf:RDF/rdf:Description'],
    ['<html><body>Onderhoud</body></html>', 'rechtspraak', 'geen Atom-feed of open-rechtspraak-document van Rechtspraak (hoofdelement: html)'],
    [lees('rechtspraak-feed.xml'), 'staatscourant', 'geen SRU-antwoord (searchRetrieveResponse)'],
    [lees('staatscourant-diagnose.xml'), 'staatscourant', 'SRU-diagnose: First record position out of range: 10001 (info:srw/diagnostic/1/61)'],
    ['<searchRetrieveResponse><version>2.0</version></searchRetrieveResponse>', 'staatscourant', 'SRU: numberOfRecords ontbreekt'],
    [
      '<searchRetrieveResponse><numberOfRecords>1</numberOfRecords><records><record><recordData><title>x</title></recordData></record></records></searchRetrieveResponse>',
      'staatscourant',
      'SRU: record 1 mist identifier, title of available',
    ],
  ] as const)('refuses %j as %s with a Dutch message', (tekst, bron, melding) => {
    expect(() => readBronDocument(tekst, bron)).toThrow(BronFout);
    expect(() => readBronDocument(tekst, bron)).toThrow(melding);
  });

  it('reads a KB’s days from its text when the title names none', () => {
    const kb: StcrtPublicatie = {
      identifier: 'stcrt-2028-1',
      titel: 'Besluit houdende gelijkstelling van dagen met een algemeen erkende feestdag (Algemene termijnenwet)',
      creator: 'Ministerie van Justitie en Veiligheid',
      datum: '2028-06-20',
      url: 'https://zoek.officielebekendmakingen.nl/stcrt-2028-1.html',
      xmlUrl: undefined,
    };
    expect(readKbDagen(kb)).toEqual([]);
    const tekst =
      '<officiele-publicatie><al>Artikel 1. Met een algemeen erkende feestdag worden gelijkgesteld: <nadruk>vrijdag 11 mei 2029</nadruk> en vrijdag 28 december 2029.</al></officiele-publicatie>';
    expect(readKbDagen(kb, tekst)).toEqual(['2029-05-11', '2029-12-28']);
  });
});
