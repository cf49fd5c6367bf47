import { formatDatumKort, type IsoDatum } from '../kalender/kalenderdatum';
import { formatEuro } from '../bedragen/euro';

/**
 * Griffierecht for beroep at the CBb by a rechtspersoon (art. 8:41 lid 2 Awb; the amounts are indexed every year). A
 * dated table, configured by the operator (GRIFFIERECHT_TARIEVEN) with the source of each row: the project ships no
 * amounts it could not verify. An amount is printed only for a dagtekening a row covers; otherwise the filing says that
 * the griffier's notice states it, and nothing is guessed.
 */
export interface GriffierechtTarief {
  geldigVanaf: IsoDatum;
  geldigTot: IsoDatum;
  rechtspersoonCenten: number;
  bron: string;
}

export function findGriffierecht(dagtekening: IsoDatum, tabel: readonly GriffierechtTarief[]): GriffierechtTarief | undefined {
  return tabel.find((t) => t.geldigVanaf <= dagtekening && dagtekening <= t.geldigTot);
}

/** The griffierecht sentence of a filing to the CBb (art. 8:41 lid 5 Awb: credited within four weeks). */
export function describeGriffierecht(dagtekening: IsoDatum, tabel: readonly GriffierechtTarief[]): string {
  const tarief = findGriffierecht(dagtekening, tabel);
  const bedrag = tarief
    ? `Het griffierecht voor een rechtspersoon bedraagt op ${formatDatumKort(dagtekening)} ${formatEuro(tarief.rechtspersoonCenten)} (${tarief.bron}).`
    : 'Het bedrag van het griffierecht staat in de mededeling van de griffier.';
  return `${bedrag} Het moet binnen vier weken na de dag van verzending van die mededeling zijn bijgeschreven op de rekening van het gerecht of ter griffie zijn gestort (art. 8:41 lid 5 Awb).`;
}
