// Small facts several parts of the reference read: whether a tariefbeschikking carries productieafspraken (termijnregels
// §4, art. 105 lid 2 Wmg), its addressee (cli-termijnen.md), whether a beroep is pending (art. 8:1 Awb), and the plain
// string order the engine's orderings use (engine's choice, spec silent).
import type { IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Beroep, Tariefbeschikking } from '../../src/domain/besluiten/besluit';

/** §4: only a vaststelling or wijziging carries goedgekeurde productieafspraken and so opens beroep under lid 2. */
export function heeftProductieafspraken_art105lid2(soort: Tariefbeschikking['soort']): boolean {
  return soort === 'vaststelling' || soort === 'wijziging';
}

/** The addressee of a tariefbeschikking: its `aanbieder`, or its own id (cli-termijnen.md). */
export function adressaatVan(tb: Tariefbeschikking): string {
  return tb.aanbieder ?? tb.id;
}

/** A beroep is pending on a day when it was filed by then and not yet decided (art. 8:1 Awb; the CBb's uitspraak is final). */
export function isLopend(beroep: Beroep, datum: IsoDatum): boolean {
  return beroep.ingesteld <= datum && (beroep.afgerond === null || beroep.afgerond > datum);
}

/** Plain string order (engine's choice, spec silent: code units, as `<` compares). */
export function vergelijk(a: string | number, b: string | number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
