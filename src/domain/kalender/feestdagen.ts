import { addDagen, jaarVan, weekdagVan, type IsoDatum } from './kalenderdatum';
import { computePaaszondag } from './pasen';

export interface Feestdag {
  datum: IsoDatum;
  naam: string;
}

/** A day equated to an algemeen erkende feestdag by decree (art. 3 lid 2 Atw): configuration, not code. */
export interface GelijkgesteldeDag {
  datum: IsoDatum;
  naam: string;
}

function datumIn(jaar: number, maand: number, dag: number): IsoDatum {
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/**
 * The algemeen erkende feestdagen of art. 3 lid 1 Atw for one year. Goede Vrijdag is not one.
 * Koningsdag: 27 April, or 26 April when 27 April is a Sunday.
 */
export function listAtwFeestdagen(jaar: number, gelijkgesteld: readonly GelijkgesteldeDag[] = []): Feestdag[] {
  const pasen = computePaaszondag(jaar);
  const koningsdag27 = datumIn(jaar, 4, 27);
  const koningsdag = weekdagVan(koningsdag27) === 7 ? datumIn(jaar, 4, 26) : koningsdag27;
  const dagen: Feestdag[] = [
    { datum: datumIn(jaar, 1, 1), naam: 'Nieuwjaarsdag' },
    { datum: addDagen(pasen, 1), naam: 'tweede Paasdag' },
    { datum: koningsdag, naam: 'Koningsdag' },
    { datum: datumIn(jaar, 5, 5), naam: 'Bevrijdingsdag (5 mei)' },
    { datum: addDagen(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: addDagen(pasen, 50), naam: 'tweede Pinksterdag' },
    { datum: datumIn(jaar, 12, 25), naam: 'eerste Kerstdag' },
    { datum: datumIn(jaar, 12, 26), naam: 'tweede Kerstdag' },
    ...gelijkgesteld.filter((d) => jaarVan(d.datum) === jaar),
  ];
  return dagen.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
}
