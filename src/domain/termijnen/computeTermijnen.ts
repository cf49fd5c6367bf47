import { formatDatumKort, formatDatumLang, jaarVan, laatsteDatum, type IsoDatum } from '../kalender/kalenderdatum';
import type { AtwKalender } from '../kalender/atwKalender';
import {
  heeftProductieafspraken,
  TARIEFBESCHIKKING_SOORT_LABEL,
  type Besluit,
  type Beroep,
  type Contracteerruimtebesluit,
  type Tariefbeschikking,
  type TermijnInvoer,
} from '../besluiten/besluit';
import {
  computeBezwaarOfBeroepstermijn,
  computeTermijnVanafAanvang,
  GRONDSLAG_AWB,
  withAtwGrondslag,
  type BerekendeTermijn,
} from './awbTermijn';
import type { RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting } from './termijn';
import { computeRegioJaarStatus, isOnherroepelijkOp, type CelMomentopname } from './regioJaarStatus';

export interface TermijnConfig {
  /** Entry into force of art. 105 leden 2–4 Wmg; earlier bekendmakingen follow the old route (no direct beroep). */
  inwerkingtreding: IsoDatum;
  kalender: AtwKalender;
}

interface Gebeurtenis {
  besluit: Besluit;
  volgorde: number;
}

interface CelToestand {
  huidigeContracteerruimte: Contracteerruimtebesluit | undefined;
  beroepstermijnen: Termijn[];
  /** Latest end among `beroepstermijnen`, kept so the lid-4 check stays O(1) at national scale. */
  laatsteEinde: IsoDatum | undefined;
}

// Ties list bezwaar before beroep, as in the example of spec/cli-termijnen.md.
const RECHTSMIDDEL_VOLGORDE = { bezwaar: 0, beroep: 1 } as const;

const GRONDSLAG_LID_2 = [...GRONDSLAG_AWB, 'art. 105 lid 2 Wmg'];
const GRONDSLAG_LID_3 = [...GRONDSLAG_AWB, 'art. 105 lid 3 Wmg'];

function celSleutel(regio: string, jaar: number): string {
  return `${regio}\u0000${jaar}`;
}

function regiojaar(regio: string, jaar: number): string {
  return `${regio} ${jaar}`;
}

function vergelijk<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The term engine: every term that opens, every term a user might expect that does not, and the state of beroep per
 * (regio, jaar) at the peildatum. Pure: everything it needs is in its arguments.
 */
export function computeTermijnen(invoer: TermijnInvoer, config: TermijnConfig): TermijnUitkomst {
  const { kalender, inwerkingtreding } = config;
  const termijnen: Termijn[] = [];
  const uitsluitingen: Uitsluiting[] = [];
  const zesWeken = new Map<IsoDatum, BerekendeTermijn>();
  const berekenZesWeken = (bekendgemaakt: IsoDatum): BerekendeTermijn => {
    let termijn = zesWeken.get(bekendgemaakt);
    if (!termijn) {
      termijn = computeBezwaarOfBeroepstermijn(bekendgemaakt, kalender);
      zesWeken.set(bekendgemaakt, termijn);
    }
    return termijn;
  };
  const datumTekst = new Map<IsoDatum, string>();
  const lang = (datum: IsoDatum): string => {
    let tekst = datumTekst.get(datum);
    if (tekst === undefined) {
      tekst = formatDatumLang(datum);
      datumTekst.set(datum, tekst);
    }
    return tekst;
  };
  const periode = (t: BerekendeTermijn): string =>
    `van ${lang(t.aanvang)} tot en met ${lang(t.eindeVoorAtw)}.${t.atwToelichting ? ` ${t.atwToelichting}` : ''}`;

  const besluitenPerId = new Map(invoer.besluiten.map((b) => [b.id, b]));
  const beroepenPerCel = groupBeroepenPerCel(invoer.beroepen, besluitenPerId);
  const gebeurtenissenPerCel = groupGebeurtenissenPerCel(invoer.besluiten);

  // Bezwaar against each tariefbeschikking itself (art. 6:7 Awb) opens whatever the rest of the rules say.
  for (const besluit of invoer.besluiten) {
    if (besluit.type !== 'tariefbeschikking') continue;
    const t = berekenZesWeken(besluit.bekendgemaakt);
    termijnen.push(
      maakTermijn(besluit, 'bezwaar', besluit.regio, besluit.jaar, t, GRONDSLAG_AWB, 'awb-bezwaar',
        `Bezwaar bij de NZa tegen tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}), ` +
          `bekendgemaakt op ${lang(besluit.bekendgemaakt)}: zes weken vanaf de dag na de bekendmaking, ${periode(t)}`),
    );
  }

  const status: RegioJaarStatus[] = [];
  for (const [sleutel, gebeurtenissen] of gebeurtenissenPerCel) {
    const [regio, jaarTekst] = sleutel.split('\u0000') as [string, string];
    const jaar = Number(jaarTekst);
    const beroepen = beroepenPerCel.get(sleutel) ?? [];
    const cel: CelToestand = { huidigeContracteerruimte: undefined, beroepstermijnen: [], laatsteEinde: undefined };
    let momentopname: CelMomentopname | undefined;
    const neemMomentopname = (): CelMomentopname => ({
      huidigeContracteerruimte: cel.huidigeContracteerruimte,
      beroepstermijnen: [...cel.beroepstermijnen],
      oudRegime: cel.huidigeContracteerruimte !== undefined && cel.huidigeContracteerruimte.bekendgemaakt < inwerkingtreding,
      heeftTariefbeschikking: gebeurtenissen.some(
        (g) => g.besluit.type === 'tariefbeschikking' && g.besluit.bekendgemaakt <= invoer.peildatum,
      ),
    });

    for (const { besluit } of gebeurtenissen) {
      if (!momentopname && besluit.bekendgemaakt > invoer.peildatum) momentopname = neemMomentopname();

      if (besluit.type === 'contracteerruimte') {
        cel.huidigeContracteerruimte = besluit;
        cel.beroepstermijnen = [];
        cel.laatsteEinde = undefined;
        if (besluit.bekendgemaakt < inwerkingtreding) {
          uitsluitingen.push(oudRegimeUitsluiting(besluit, regio, jaar, inwerkingtreding));
          continue;
        }
        uitsluitingen.push(maakUitsluiting(besluit, 'bezwaar', regio, jaar, 'geen-bezwaar-tegen-contracteerruimte', ['art. 7:1 Awb', 'Bijlage 1 Awb'],
            `Tegen contracteerruimtebesluit ${besluit.id} staat geen bezwaar open: alleen rechtstreeks beroep bij het CBb ` +
            `(art. 7:1 Awb met Bijlage 1 Awb), via de tariefbeschikking (art. 105 lid 2 Wmg) of voor toekomstige jaren vanaf 1 maart (art. 105 lid 3 Wmg).`));
        // Art. 105 lid 3 Wmg: a future year without any tariefbeschikking at the moment of bekendmaking.
        const bekendmakingsjaar = jaarVan(besluit.bekendgemaakt);
        const alTariefbeschikking = gebeurtenissen.some(
          (g) => g.besluit.type === 'tariefbeschikking' && g.besluit.bekendgemaakt < besluit.bekendgemaakt,
        );
        if (jaar > bekendmakingsjaar && !alTariefbeschikking) {
          const t = computeTermijnVanafAanvang(`${bekendmakingsjaar + 1}-03-01`, 6, kalender);
          const termijn = maakTermijn(besluit, 'beroep', regio, jaar, t, GRONDSLAG_LID_3, 'art-105-lid-3',
              `Beroep bij het CBb tegen de regionale contracteerruimte ${regiojaar(regio, jaar)}, vastgesteld bij besluit ${besluit.id} ` +
              `(bekendgemaakt ${formatDatumKort(besluit.bekendgemaakt)}) voor een toekomstig jaar zonder tariefbeschikking: ` +
              `de termijn begint op 1 maart ${bekendmakingsjaar + 1} (art. 105 lid 3 Wmg), ${periode(t)}`);
          termijnen.push(termijn);
          cel.beroepstermijnen.push(termijn);
          cel.laatsteEinde = termijn.einde;
        }
        continue;
      }

      // A tariefbeschikking.
      if (besluit.bekendgemaakt < inwerkingtreding) {
        uitsluitingen.push(oudRegimeUitsluiting(besluit, regio, jaar, inwerkingtreding));
        continue;
      }
      if (!heeftProductieafspraken(besluit.soort)) {
        uitsluitingen.push(productieafsprakenUitsluiting(besluit, regio, jaar));
        continue;
      }
      const onherroepelijkSinds = isOnherroepelijkOp(
        { beroepstermijnen: cel.beroepstermijnen, laatsteEinde: cel.laatsteEinde },
        beroepen,
        besluit.bekendgemaakt,
      );
      if (onherroepelijkSinds) {
        uitsluitingen.push(maakUitsluiting(besluit, 'beroep', regio, jaar, 'onherroepelijk', ['art. 105 lid 4 Wmg'],
            `De regionale contracteerruimte ${regiojaar(regio, jaar)} is sinds ${formatDatumKort(onherroepelijkSinds)} onherroepelijk ` +
            `en is daarna niet door de NZa gewijzigd: tariefbeschikking ${besluit.id} opent geen nieuw beroep daartegen ` +
            `(art. 105 lid 4 Wmg). Bezwaar tegen de tariefbeschikking zelf staat wel open.`));
        continue;
      }
      const t = berekenZesWeken(besluit.bekendgemaakt);
      const gewijzigd = besluit.soort === 'wijziging' ? 'gewijzigde ' : '';
      const niet_geregistreerd = cel.huidigeContracteerruimte
        ? ''
        : ' Het contracteerruimtebesluit dat deze beschikking toepast, is (nog) niet geregistreerd.';
      const termijn = maakTermijn(besluit, 'beroep', regio, jaar, t, GRONDSLAG_LID_2, 'art-105-lid-2',
          `Beroep bij het CBb tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} die de ${gewijzigd}tariefbeschikking ` +
          `${besluit.id} toepast: zes weken vanaf de dag na de bekendmaking op ${lang(besluit.bekendgemaakt)} (art. 105 lid 2 Wmg), ` +
          `${periode(t)}${niet_geregistreerd}`);
      termijnen.push(termijn);
      cel.beroepstermijnen.push(termijn);
      cel.laatsteEinde = cel.laatsteEinde === undefined ? termijn.einde : laatsteDatum([cel.laatsteEinde, termijn.einde]);
    }

    status.push(
      computeRegioJaarStatus(regio, jaar, momentopname ?? neemMomentopname(), beroepen, invoer.peildatum, inwerkingtreding),
    );
  }

  termijnen.sort(
    (a, b) =>
      vergelijk(a.einde, b.einde) ||
      vergelijk(a.regio, b.regio) ||
      vergelijk(a.jaar, b.jaar) ||
      vergelijk(a.bekendgemaakt, b.bekendgemaakt) ||
      vergelijk(a.besluit, b.besluit) ||
      RECHTSMIDDEL_VOLGORDE[a.rechtsmiddel] - RECHTSMIDDEL_VOLGORDE[b.rechtsmiddel],
  );
  uitsluitingen.sort(
    (a, b) =>
      vergelijk(a.regio, b.regio) ||
      vergelijk(a.jaar, b.jaar) ||
      vergelijk(a.bekendgemaakt, b.bekendgemaakt) ||
      vergelijk(a.besluit, b.besluit) ||
      RECHTSMIDDEL_VOLGORDE[a.rechtsmiddel] - RECHTSMIDDEL_VOLGORDE[b.rechtsmiddel],
  );
  status.sort((a, b) => vergelijk(a.regio, b.regio) || vergelijk(a.jaar, b.jaar));
  return { termijnen, uitsluitingen, status };

  function oudRegimeUitsluiting(besluit: Besluit, regio: string, jaar: number, iwt: IsoDatum): Uitsluiting {
    const wat =
      besluit.type === 'contracteerruimte'
        ? `Contracteerruimtebesluit ${besluit.id}`
        : `Tariefbeschikking ${besluit.id}`;
    return maakUitsluiting(besluit, 'beroep', regio, jaar, 'oud-regime', ['art. 105 Wmg (oud)', 'art. 8:1 Awb'],
        `${wat} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de inwerkingtreding van art. 105 leden 2–4 Wmg ` +
        `op ${formatDatumKort(iwt)}: tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} stond toen geen rechtstreeks beroep open; ` +
        `zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.`);
  }
}

/** A term with the fields every term shares; `grondslag` gains art. 1 Atw when the end moved. */
function maakTermijn(
  besluit: Besluit,
  rechtsmiddel: Termijn['rechtsmiddel'],
  regio: string,
  jaar: number,
  t: BerekendeTermijn,
  grondslag: readonly string[],
  regel: Termijn['regel'],
  toelichting: string,
): Termijn {
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: rechtsmiddel === 'bezwaar' ? 'tariefbeschikking' : 'contracteerruimte',
    regio,
    jaar,
    aanvang: t.aanvang,
    einde: t.einde,
    eindeVoorAtw: t.eindeVoorAtw,
    grondslag: withAtwGrondslag(grondslag, t),
    toelichting,
    regel,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
  };
}

/** An exclusion: a term a user might expect that does not open, with its reason. */
function maakUitsluiting(
  besluit: Besluit,
  rechtsmiddel: Uitsluiting['rechtsmiddel'],
  regio: string,
  jaar: number,
  reden: Uitsluiting['reden'],
  grondslag: string[],
  toelichting: string,
): Uitsluiting {
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: 'contracteerruimte',
    regio,
    jaar,
    reden,
    grondslag,
    toelichting,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
  };
}

function productieafsprakenUitsluiting(besluit: Tariefbeschikking, regio: string, jaar: number): Uitsluiting {
  if (besluit.soort === 'sluittarief') {
    return maakUitsluiting(besluit, 'beroep', regio, jaar, 'sluittarief-nacalculatie', ['art. 105 lid 2 Wmg'],
        `Tariefbeschikking ${besluit.id} stelt een Wlz-sluittarief vast in het kader van de nacalculatie ${jaar}: die opent geen ` +
        `beroep tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} (art. 105 lid 2, laatste zin, Wmg), omdat de ` +
        `definitieve afrekening zo'n beroep zinloos maakt. Bezwaar tegen de beschikking zelf staat wel open (art. 6:7 Awb).`);
  }
  return maakUitsluiting(besluit, 'beroep', regio, jaar, 'geen-productieafspraken', ['art. 105 lid 2 Wmg'],
      `Tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) is geen tariefbeschikking met goedgekeurde ` +
      `productieafspraken: zij opent alleen bezwaar tegen zichzelf, geen beroep tegen de regionale contracteerruimte ` +
      `${regiojaar(regio, jaar)} (art. 105 lid 2 Wmg).`);
}

function groupGebeurtenissenPerCel(besluiten: readonly Besluit[]): Map<string, Gebeurtenis[]> {
  const perCel = new Map<string, Gebeurtenis[]>();
  besluiten.forEach((besluit, volgorde) => {
    const jaren = besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
    for (const jaar of jaren) {
      const sleutel = celSleutel(besluit.regio, jaar);
      let lijst = perCel.get(sleutel);
      if (!lijst) perCel.set(sleutel, (lijst = []));
      lijst.push({ besluit, volgorde });
    }
  });
  // Chronological; on the same day a contracteerruimtebesluit precedes the tariefbeschikking that applies it.
  const typeVolgorde = (b: Besluit): number => (b.type === 'contracteerruimte' ? 0 : 1);
  for (const lijst of perCel.values()) {
    lijst.sort(
      (a, b) =>
        vergelijk(a.besluit.bekendgemaakt, b.besluit.bekendgemaakt) ||
        typeVolgorde(a.besluit) - typeVolgorde(b.besluit) ||
        a.volgorde - b.volgorde,
    );
  }
  return perCel;
}

function groupBeroepenPerCel(beroepen: readonly Beroep[], besluitenPerId: Map<string, Besluit>): Map<string, Beroep[]> {
  const perCel = new Map<string, Beroep[]>();
  for (const beroep of beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (!besluit) throw new Error(`Beroep refers to unknown besluit ${beroep.tegen}`);
    const sleutel = celSleutel(beroep.regio ?? besluit.regio, beroep.jaar);
    let lijst = perCel.get(sleutel);
    if (!lijst) perCel.set(sleutel, (lijst = []));
    lijst.push(beroep);
  }
  return perCel;
}

