import { formatDatumKort, formatDatumLang, jaarVan } from '../kalender/kalenderdatum';
import { describeAtwVerschuiving } from '../kalender/atwKalender';
import { TARIEFBESCHIKKING_SOORT_LABEL, type TariefbeschikkingSoort } from '../besluiten/besluit';
import type { Termijn, TermijnConfig } from './termijn';
import { nameContracteerruimtebesluit } from './twijfelTeksten';

/**
 * A term's toelichting in one Dutch paragraph: which besluit opened it for whom, on what rule, from when to when, and
 * why the last day moved. Derived from the term and the calendar alone, on demand: at national scale most terms are
 * never shown, and writing their text up front cost a quarter of the engine's time.
 */
export function describeToelichting(t: Termijn, config: TermijnConfig): string {
  const atw = describeAtwVerschuiving(config.kalender.moveEinde(t.eindeVoorAtw));
  const periode = `van ${formatDatumLang(t.aanvang)} tot en met ${formatDatumLang(t.eindeVoorAtw)}.${atw ? ` ${atw}` : ''}`;
  const regiojaar = `${t.regio} ${t.jaar}`;
  switch (t.regel) {
    case 'awb-bezwaar':
      return t.partijSoort === 'zorgkantoor'
        ? `Bezwaar bij de NZa van ${t.partij} tegen tariefbeschikking ${t.besluit} aan ${t.adressaat}, bekendgemaakt op ` +
            `${formatDatumLang(t.bekendgemaakt)}: zes weken vanaf de dag na de bekendmaking, ${periode}`
        : `Bezwaar bij de NZa tegen tariefbeschikking ${t.besluit} (${TARIEFBESCHIKKING_SOORT_LABEL[t.besluitSoort as TariefbeschikkingSoort]}) ` +
            `aan ${t.partij}, bekendgemaakt op ${formatDatumLang(t.bekendgemaakt)}: zes weken vanaf de dag na de bekendmaking, ${periode}`;
    case 'art-105-lid-2': {
      const gewijzigd = t.besluitSoort === 'wijziging' ? 'gewijzigde ' : '';
      // Version 0: no contracteerruimtebesluit of this (regio, jaar) was registered before the tariefbeschikking.
      const nietGeregistreerd = t.versie === 0 ? ' Het contracteerruimtebesluit dat deze beschikking toepast, is (nog) niet geregistreerd.' : '';
      return (
        `Beroep bij het CBb van ${t.partij} tegen de regionale contracteerruimte ${regiojaar} die de ${gewijzigd}` +
        `tariefbeschikking ${t.besluit} toepast: zes weken vanaf de dag na de bekendmaking op ` +
        `${formatDatumLang(t.bekendgemaakt)} (art. 105 lid 2 Wmg), ${periode}${nietGeregistreerd}`
      );
    }
    case 'art-105-lid-3':
      return (
        `Beroep bij het CBb tegen de regionale contracteerruimte ${regiojaar}, vastgesteld bij besluit ${t.besluit} ` +
        `(bekendgemaakt ${formatDatumKort(t.bekendgemaakt)}) voor een toekomstig jaar zonder tariefbeschikking: ` +
        `de termijn begint op 1 maart ${jaarVan(t.aanvang)} (art. 105 lid 3 Wmg), open voor elke partij in de regio, ${periode}`
      );
    case 'art-6-19-voorzorg':
      return (
        `Voorzorg: brief met gronden van ${t.partij} tegen ${nameContracteerruimtebesluit(t.besluitSoort)} ${t.besluit} over de contracteerruimte ` +
        `${regiojaar}, binnen zes weken na de bekendmaking, ${periode}`
      );
    case 'wijziging-zonder-tariefbeschikking': {
      // Only what the input holds: a gewijzigde tariefbeschikking to this party that did follow is named, not denied.
      const gevolgd = t.gevolgdDoorTariefbeschikking;
      const tariefbeschikking =
        t.partijSoort === 'zorgkantoor'
          ? '; het zorgkantoor ontvangt zelf geen tariefbeschikking'
          : gevolgd
            ? `; tariefbeschikking ${gevolgd.besluit} aan ${t.partij} volgde op ${formatDatumKort(gevolgd.bekendgemaakt)} en opent een eigen termijn (art. 105 lid 2 Wmg); deze datum blijft de veilige als die eerder valt`
            : '; er is (nog) geen gewijzigde tariefbeschikking aan deze partij geregistreerd';
      return (
        `Beroep van ${t.partij} tegen de contracteerruimte ${regiojaar} zoals vastgesteld bij ${nameContracteerruimtebesluit(t.besluitSoort)} ${t.besluit} ` +
        `(bekendgemaakt ${formatDatumKort(t.bekendgemaakt)}), zes weken vanaf de dag na die bekendmaking${tariefbeschikking}, ${periode}`
      );
    }
    case 'besluit-zonder-tariefbeschikking':
      return (
        `Beroep${t.partij ? ` van ${t.partij}` : ', open voor elke partij in de regio,'} tegen de regionale contracteerruimte ${regiojaar}, vastgesteld bij ` +
        `${nameContracteerruimtebesluit(t.besluitSoort)} ${t.besluit} (bekendgemaakt ${formatDatumKort(t.bekendgemaakt)}) voor een jaar dat geen toekomstig jaar is, ` +
        `toen nog zonder tariefbeschikking voor ${regiojaar}: zes weken vanaf de dag na de bekendmaking van het besluit (art. 6:7 en 6:8 lid 1 Awb), ${periode}`
      );
  }
}
