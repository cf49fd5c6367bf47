import { addDagen, jaarVan, weekdagVan, type IsoDatum } from './kalenderdatum';
import { computePaaszondag } from './pasen';
import type { GelijkstellingsKb } from './gelijkgesteldeDagen';

/** The provision that makes a day count as a feestdag for the Atw. */
export type FeestdagGrondslag = 'art. 3 lid 1 Atw' | 'art. 3 lid 2 Atw' | 'art. 3 lid 3 Atw';

export interface Feestdag {
  datum: IsoDatum;
  naam: string;
  grondslag: FeestdagGrondslag;
  /** For a day equated by KB (art. 3 lid 3 Atw): the KB and its source. */
  bron?: string;
}

/** A day equated to an algemeen erkende feestdag by KB (art. 3 lid 3 Atw), added by configuration or per scenario. */
export interface GelijkgesteldeDag {
  datum: IsoDatum;
  naam: string;
  bron?: string;
}

// Koninginnedag (30 April, or 29 April when that is a Sunday) was the holiday of art. 3 lid 1 Atw until 2013;
// Koningsdag (27 April, or 26 April when that is a Sunday) from 2014. The rule follows the year of the day.
const EERSTE_JAAR_KONINGSDAG = 2014;

function datumIn(jaar: number, maand: number, dag: number): IsoDatum {
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

function koningsfeest(jaar: number): Feestdag {
  const [dag, naam, versie] = jaar >= EERSTE_JAAR_KONINGSDAG ? [27, 'Koningsdag', 'sinds 2014'] : [30, 'Koninginnedag', 'tot 2014'];
  const gewoon = datumIn(jaar, 4, dag);
  const datum = weekdagVan(gewoon) === 7 ? datumIn(jaar, 4, dag - 1) : gewoon;
  return { datum, naam, grondslag: 'art. 3 lid 1 Atw', bron: `art. 3 lid 1 Atw zoals geldend ${versie}` };
}

/**
 * Every day the Atw treats as an algemeen erkende feestdag in one year: the feestdagen of art. 3 lid 1, Goede Vrijdag
 * (art. 3 lid 2) and the days a KB equates (art. 3 lid 3). Sorted by date.
 */
export function listAtwFeestdagen(jaar: number, kbs: readonly GelijkstellingsKb[] = [], extra: readonly GelijkgesteldeDag[] = []): Feestdag[] {
  const pasen = computePaaszondag(jaar);
  const lid1 = (datum: IsoDatum, naam: string): Feestdag => ({ datum, naam, grondslag: 'art. 3 lid 1 Atw' });
  const dagen: Feestdag[] = [
    lid1(datumIn(jaar, 1, 1), 'Nieuwjaarsdag'),
    { datum: addDagen(pasen, -2), naam: 'Goede Vrijdag', grondslag: 'art. 3 lid 2 Atw' },
    lid1(addDagen(pasen, 1), 'tweede Paasdag'),
    koningsfeest(jaar),
    lid1(datumIn(jaar, 5, 5), 'Bevrijdingsdag'),
    lid1(addDagen(pasen, 39), 'Hemelvaartsdag'),
    lid1(addDagen(pasen, 50), 'tweede Pinksterdag'),
    lid1(datumIn(jaar, 12, 25), 'eerste Kerstdag'),
    lid1(datumIn(jaar, 12, 26), 'tweede Kerstdag'),
  ];
  const bekend = new Set(dagen.map((d) => d.datum));
  const gelijkgesteld = [
    ...kbs.flatMap((kb) => kb.dagen.map((datum) => ({ datum, naam: 'bij KB gelijkgestelde dag', bron: kb.bron }))),
    ...extra.map((d) => ({ datum: d.datum, naam: d.naam, bron: d.bron ?? 'gelijkgesteld bij configuratie' })),
  ];
  for (const d of gelijkgesteld) {
    if (jaarVan(d.datum) !== jaar || bekend.has(d.datum)) continue;
    bekend.add(d.datum);
    dagen.push({ datum: d.datum, naam: d.naam, grondslag: 'art. 3 lid 3 Atw', bron: d.bron });
  }
  return dagen.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
}
