// Termijnregels §10: each term's afleiding, the steps from trigger to last day in plain Dutch with their articles, written
// from the reference's own facts (the term and the six weeks it computed). The wording is the engine's choice, spec silent
// beyond its example; compared with `describeAfleiding` of src/domain/termijnen/afleiding.ts.
import { formatDatumKort, formatDatumLang, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import { describeNietWerkdag } from '../../src/domain/kalender/atwKalender';
import { TARIEFBESCHIKKING_SOORT_LABEL, type TariefbeschikkingSoort } from '../../src/domain/besluiten/besluit';
import type { AfleidingStap, Termijn, TermijnConfig } from '../../src/domain/termijnen/termijn';
import { nameContracteerruimtebesluit } from '../../src/domain/termijnen/twijfelTeksten';
import type { BerekendeTermijn } from './basistermijn_par2_3';

/** §2–§3: the first day, the six weeks, and each day art. 1 Atw skipped (or that none was skipped). */
function stappenVanZesWeken(berekend: BerekendeTermijn, aanvangStap: AfleidingStap | undefined): AfleidingStap[] {
  const stappen: AfleidingStap[] = [];
  if (aanvangStap) stappen.push(aanvangStap);
  stappen.push({ stap: `zes weken: laatste dag ${formatDatumLang(berekend.eindeVoorAtw)}`, datum: berekend.eindeVoorAtw, grondslag: 'art. 6:7 Awb' });
  if (berekend.overgeslagen.length === 0) {
    stappen.push({ stap: `geen verschuiving: ${formatDatumLang(berekend.einde)} is een werkdag`, datum: berekend.einde, grondslag: 'art. 1 lid 1 Atw' });
    return stappen;
  }
  for (const dag of berekend.overgeslagen)
    stappen.push({ stap: `${formatDatumLang(dag.datum)} is ${describeNietWerkdag(dag)}`, datum: dag.datum, grondslag: dag.grondslag });
  stappen.push({ stap: `de termijn loopt door tot en met ${formatDatumLang(berekend.einde)}`, datum: berekend.einde, grondslag: 'art. 1 lid 1 Atw' });
  return stappen;
}

/** Art. 6:8 lid 1 Awb: the term starts on the day after the bekendmaking. */
function dagNaBekendmaking(aanvang: IsoDatum): AfleidingStap {
  return { stap: `termijn vangt aan op ${formatDatumLang(aanvang)}, de dag na de bekendmaking`, datum: aanvang, grondslag: 'art. 6:8 lid 1 Awb' };
}

/** §8: which regime was applied, by the date of the bekendmaking. */
function regime(t: Termijn, inwerkingtreding: IsoDatum | undefined): AfleidingStap {
  if (inwerkingtreding === undefined) {
    return {
      stap: 'art. 105 leden 2–4 Wmg toegepast; de datum van inwerkingtreding is niet bekend (zie twijfel)',
      datum: t.bekendgemaakt,
      grondslag: 'art. 105 Wmg',
    };
  }
  return {
    stap: `art. 105 leden 2–4 Wmg toegepast: bekendmaking op of na de inwerkingtreding (${formatDatumKort(inwerkingtreding)})`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 105 Wmg',
  };
}

/** The trigger: a tariefbeschikking made known to its addressee (art. 3:41 Awb). */
function bekendmakingTariefbeschikking(t: Termijn): AfleidingStap {
  const soort = TARIEFBESCHIKKING_SOORT_LABEL[t.besluitSoort as TariefbeschikkingSoort];
  return {
    stap: `tariefbeschikking ${t.besluit} (${soort}, ${t.regio} ${t.jaar}) bekendgemaakt aan ${t.adressaat ?? t.partij} op ${formatDatumLang(t.bekendgemaakt)}`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 3:41 Awb',
  };
}

/** The trigger: a contracteerruimtebesluit made known (art. 3:41 and 3:42 Awb). */
function bekendmakingBesluit(t: Termijn): AfleidingStap {
  return {
    stap: `${nameContracteerruimtebesluit(t.besluitSoort)} ${t.besluit} over de contracteerruimte ${t.regio} ${t.jaar} bekendgemaakt op ${formatDatumLang(t.bekendgemaakt)}`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 3:41 en 3:42 Awb',
  };
}

/** §4, art. 105 lid 2 Wmg: the (gewijzigde) tariefbeschikking opens beroep against the contracteerruimte it applied. */
function opentBeroep(t: Termijn): AfleidingStap {
  const welke = t.besluitSoort === 'wijziging' ? 'de gewijzigde tariefbeschikking' : 'de tariefbeschikking';
  return {
    stap: `${welke} opent voor ${t.partij} beroep tegen de regionale contracteerruimte ${t.regio} ${t.jaar}`,
    datum: t.bekendgemaakt,
    grondslag: 'art. 105 lid 2 Wmg',
  };
}

export function afleidingVan(t: Termijn, berekend: BerekendeTermijn, config: TermijnConfig): AfleidingStap[] {
  const { inwerkingtreding } = config;
  const naDeBekendmaking = dagNaBekendmaking(berekend.aanvang);
  switch (t.regel) {
    case 'awb-bezwaar':
      return [bekendmakingTariefbeschikking(t), ...stappenVanZesWeken(berekend, naDeBekendmaking)];
    case 'art-105-lid-2':
      return [bekendmakingTariefbeschikking(t), opentBeroep(t), regime(t, inwerkingtreding), ...stappenVanZesWeken(berekend, naDeBekendmaking)];
    case 'art-105-lid-3': {
      const waarom =
        t.tariefbeschikkingVooraf === undefined
          ? `${t.jaar} is een toekomstig jaar zonder tariefbeschikking voor ${t.regio} vóór de dag van bekendmaking`
          : `${t.jaar} is een toekomstig jaar; voor ${t.regio} was al een tariefbeschikking bekendgemaakt vóór dit besluit (zie de twijfel)`;
      return [
        bekendmakingBesluit(t),
        { stap: waarom, datum: t.bekendgemaakt, grondslag: 'art. 105 lid 3 Wmg' },
        regime(t, inwerkingtreding),
        ...stappenVanZesWeken(berekend, {
          stap: `termijn vangt aan op ${formatDatumLang(berekend.aanvang)}: 1 maart van het jaar na de bekendmaking`,
          datum: berekend.aanvang,
          grondslag: 'art. 105 lid 3 Wmg',
        }),
      ];
    }
    case 'wijziging-zonder-tariefbeschikking': {
      const besluitNaam = `${nameContracteerruimtebesluit(t.besluitSoort)}`;
      const gevolgd = t.gevolgdDoorTariefbeschikking;
      const stap = gevolgd
        ? `de gewone termijn vanaf de bekendmaking van het ${besluitNaam}; tariefbeschikking ${gevolgd.besluit} aan ${t.partij} volgde op ${formatDatumKort(gevolgd.bekendgemaakt)} (eigen termijn)`
        : `geen gewijzigde tariefbeschikking aan ${t.partij} geregistreerd: de gewone termijn vanaf de bekendmaking van het ${besluitNaam}`;
      return [
        bekendmakingBesluit(t),
        { stap, datum: t.bekendgemaakt, grondslag: 'art. 105 lid 4 Wmg; art. 6:8 lid 1 Awb' },
        regime(t, inwerkingtreding),
        ...stappenVanZesWeken(berekend, naDeBekendmaking),
      ];
    }
    case 'besluit-zonder-tariefbeschikking': {
      const voorWie = t.partij ? ` voor ${t.partij}` : ', voor elke partij in de regio';
      return [
        bekendmakingBesluit(t),
        {
          stap: `${t.jaar} is geen toekomstig jaar en voor ${t.regio} ${t.jaar} was bij de bekendmaking nog geen tariefbeschikking bekendgemaakt: de gewone termijn vanaf de bekendmaking van het besluit${voorWie}`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 6:8 lid 1 Awb',
        },
        regime(t, inwerkingtreding),
        ...stappenVanZesWeken(berekend, naDeBekendmaking),
      ];
    }
    case 'art-6-19-voorzorg':
      return [
        bekendmakingBesluit(t),
        {
          stap: `beroep van ${t.partij}, ingesteld ${formatDatumKort(t.beroepIngesteld ?? t.bekendgemaakt)}, loopt nog en strekt zich uit tot dit besluit`,
          datum: t.bekendgemaakt,
          grondslag: 'art. 6:19 lid 1 Awb',
        },
        ...stappenVanZesWeken(berekend, naDeBekendmaking),
      ];
  }
}
