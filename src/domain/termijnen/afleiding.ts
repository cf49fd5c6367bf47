import { formatDatumKort, formatDatumLang, type IsoDatum } from '../kalender/kalenderdatum';
import { TARIEFBESCHIKKING_SOORT_LABEL, type TariefbeschikkingSoort } from '../besluiten/besluit';
import { computeBezwaarOfBeroepstermijn, computeTermijnVanafAanvang, describeAanvangNaBekendmaking, type AfleidingStap } from './awbTermijn';
import type { Termijn, TermijnConfig } from './termijn';
import { nameContracteerruimtebesluit } from './twijfelTeksten';

/**
 * Termijnregels §10: the steps from trigger to last day, each with its article, so a second lawyer can check a fatal
 * date in one reading. Derived from the term and the configuration alone (the same calendar that computed it), on
 * demand: at national scale most terms are never shown.
 */
export function describeAfleiding(t: Termijn, config: TermijnConfig): AfleidingStap[] {
  const { kalender } = config;
  switch (t.regel) {
    case 'awb-bezwaar': {
      const b = computeBezwaarOfBeroepstermijn(t.bekendgemaakt, kalender);
      return [describeTariefbeschikkingStap(t), describeAanvangNaBekendmaking(b), ...b.loop];
    }
    case 'art-105-lid-2': {
      const b = computeBezwaarOfBeroepstermijn(t.bekendgemaakt, kalender);
      const gewijzigd = t.besluitSoort === 'wijziging' ? 'gewijzigde ' : '';
      return [
        describeTariefbeschikkingStap(t),
        {
          stap: `de ${gewijzigd}tariefbeschikking opent voor ${t.partij} beroep tegen de regionale contracteerruimte ${t.regio} ${t.jaar}`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 105 lid 2 Wmg',
        },
        describeRegimeStap(t.bekendgemaakt, config.inwerkingtreding),
        describeAanvangNaBekendmaking(b),
        ...b.loop,
      ];
    }
    case 'art-105-lid-3': {
      const b = computeTermijnVanafAanvang(t.aanvang, 6, kalender);
      return [
        describeContracteerruimteStap(t),
        {
          stap:
            t.tariefbeschikkingVooraf !== undefined
              ? `${t.jaar} is een toekomstig jaar; voor ${t.regio} was al een tariefbeschikking bekendgemaakt vóór dit besluit (zie de twijfel)`
              : `${t.jaar} is een toekomstig jaar zonder tariefbeschikking voor ${t.regio} vóór de dag van bekendmaking`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 105 lid 3 Wmg',
        },
        describeRegimeStap(t.bekendgemaakt, config.inwerkingtreding),
        {
          stap: `termijn vangt aan op ${formatDatumLang(t.aanvang)}: 1 maart van het jaar na de bekendmaking`,
          datum: t.aanvang,
          grondslag: 'art. 105 lid 3 Wmg',
        },
        ...b.loop,
      ];
    }
    case 'wijziging-zonder-tariefbeschikking': {
      const b = computeBezwaarOfBeroepstermijn(t.bekendgemaakt, kalender);
      return [
        describeContracteerruimteStap(t),
        {
          stap: t.gevolgdDoorTariefbeschikking
            ? `de gewone termijn vanaf de bekendmaking van het ${nameContracteerruimtebesluit(t.besluitSoort)}; tariefbeschikking ${t.gevolgdDoorTariefbeschikking.besluit} aan ${t.partij} volgde op ${formatDatumKort(t.gevolgdDoorTariefbeschikking.bekendgemaakt)} (eigen termijn)`
            : `geen gewijzigde tariefbeschikking aan ${t.partij} geregistreerd: de gewone termijn vanaf de bekendmaking van het ${nameContracteerruimtebesluit(t.besluitSoort)}`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 105 lid 4 Wmg; art. 6:8 lid 1 Awb',
        },
        describeRegimeStap(t.bekendgemaakt, config.inwerkingtreding),
        describeAanvangNaBekendmaking(b),
        ...b.loop,
      ];
    }
    case 'besluit-zonder-tariefbeschikking': {
      const b = computeBezwaarOfBeroepstermijn(t.bekendgemaakt, kalender);
      return [
        describeContracteerruimteStap(t),
        {
          stap: `${t.jaar} is geen toekomstig jaar en voor ${t.regio} ${t.jaar} was bij de bekendmaking nog geen tariefbeschikking bekendgemaakt: de gewone termijn vanaf de bekendmaking van het besluit${t.partij ? ` voor ${t.partij}` : ', voor elke partij in de regio'}`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 6:8 lid 1 Awb',
        },
        describeRegimeStap(t.bekendgemaakt, config.inwerkingtreding),
        describeAanvangNaBekendmaking(b),
        ...b.loop,
      ];
    }
    case 'art-6-19-voorzorg': {
      const b = computeBezwaarOfBeroepstermijn(t.bekendgemaakt, kalender);
      return [
        describeContracteerruimteStap(t),
        {
          stap: `beroep van ${t.partij}, ingesteld ${formatDatumKort(t.beroepIngesteld ?? t.bekendgemaakt)}, loopt nog en strekt zich uit tot dit besluit`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 6:19 lid 1 Awb',
        },
        describeAanvangNaBekendmaking(b),
        ...b.loop,
      ];
    }
  }
}

function describeTariefbeschikkingStap(t: Termijn): AfleidingStap {
  const soort = TARIEFBESCHIKKING_SOORT_LABEL[t.besluitSoort as TariefbeschikkingSoort] ?? t.besluitSoort;
  return {
    stap:
      `tariefbeschikking ${t.besluit} (${soort}, ${t.regio} ${t.jaar}) bekendgemaakt aan ${t.adressaat ?? t.partij} ` +
      `op ${formatDatumLang(t.bekendgemaakt)}`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 3:41 Awb',
  };
}

function describeContracteerruimteStap(t: Termijn): AfleidingStap {
  const wat = nameContracteerruimtebesluit(t.besluitSoort);
  return {
    stap: `${wat} ${t.besluit} over de contracteerruimte ${t.regio} ${t.jaar} bekendgemaakt op ${formatDatumLang(t.bekendgemaakt)}`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 3:41 en 3:42 Awb',
  };
}

// Rules versioned by date: art. 105 leden 2–4 Wmg apply by the date of the bekendmaking, not by today.
function describeRegimeStap(datum: IsoDatum, inwerkingtreding: IsoDatum | undefined): AfleidingStap {
  return inwerkingtreding === undefined
    ? { stap: 'art. 105 leden 2–4 Wmg toegepast; de datum van inwerkingtreding is niet bekend (zie twijfel)', datum, grondslag: 'art. 105 Wmg' }
    : {
        stap: `art. 105 leden 2–4 Wmg toegepast: bekendmaking op of na de inwerkingtreding (${formatDatumKort(inwerkingtreding)})`,
        datum,
        grondslag: 'art. 105 Wmg',
      };
}
