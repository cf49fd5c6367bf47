import { addDagen, formatDatumKort, formatDatumLang, jaarVan, type IsoDatum } from '../kalender/kalenderdatum';
import {
  heeftProductieafspraken,
  partijVan,
  TARIEFBESCHIKKING_SOORT_LABEL,
  type Besluit,
  type Beroep,
  type GevraagdePartij,
  type Tariefbeschikking,
} from '../besluiten/besluit';
import { computeBezwaarOfBeroepstermijn, computeTermijnVanafAanvang, GRONDSLAG_AWB, withAtwGrondslag, type BerekendeTermijn } from './awbTermijn';
import type { PartijSoort, Termijn, TermijnConfig, Uitsluiting } from './termijn';
import { isLopendOp } from './regioJaarStatus';
import { TWIJFEL_INWERKINGTREDING } from './twijfelTeksten';
import { compare, compareInCel } from './volgorde';

/**
 * Everything the terms of one (regio, jaar) depend on: one partition of the engine. Terms and exclusions depend on
 * these decisions alone, never on the peildatum; a decision touches the cells of its region and years only (and, through
 * `eersteTariefbeschikkingInRegio`, the other years of its region for its own party).
 */
export interface CelInvoer {
  regio: string;
  jaar: number;
  /** This cell's besluiten, chronological; on one day a contracteerruimtebesluit precedes the tariefbeschikking applying it. */
  besluiten: readonly Besluit[];
  /** Beroepen against this cell's contracteerruimte, each with its party resolved. */
  beroepen: readonly (Beroep & { partij: string })[];
  /** Parties whose terms were asked for although no tariefbeschikking addresses them (the zorgkantoor). */
  gevraagd: readonly Pick<GevraagdePartij, 'partij' | 'soort'>[];
  /** Each party's first tariefbeschikking in this region, any year: tells a newcomer after a lid-3 window. */
  eersteTariefbeschikkingInRegio: ReadonlyMap<string, IsoDatum>;
}

/** A lid-4 exclusion that may be wrong: the party's status repeats its doubt from the bekendmaking on. */
export interface Lid4Twijfel {
  partij: string;
  bekendgemaakt: IsoDatum;
  twijfel: string;
}

export interface CelUitkomst {
  invoer: CelInvoer;
  /** Every term of the cell, by last day and order within the cell: bezwaar against its tariefbeschikkingen, beroep against its contracteerruimte. */
  termijnen: Termijn[];
  /** Only the beroep terms against the contracteerruimte: what the status is reasoned from. */
  beroepstermijnen: Termijn[];
  /** In order within the cell. */
  uitsluitingen: Uitsluiting[];
  lid4Twijfels: Lid4Twijfel[];
}

/** What a run of the engine shares across cells: the configuration and six-week terms memoised per bekendmaking. */
export interface Rekencontext {
  config: TermijnConfig;
  computeZesWeken(bekendgemaakt: IsoDatum): BerekendeTermijn;
  isOudRegime(datum: IsoDatum): boolean;
  /** The doubt every new-regime term carries while the entry into force is unknown (termijnregels §8). */
  twijfelRegime: string | undefined;
  lid2Twijfels: readonly (string | undefined)[];
}

export function createRekencontext(config: TermijnConfig): Rekencontext {
  const { kalender, inwerkingtreding } = config;
  const zesWeken = new Map<IsoDatum, BerekendeTermijn>();
  const twijfelRegime = inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined;
  return {
    config,
    computeZesWeken(bekendgemaakt) {
      let termijn = zesWeken.get(bekendgemaakt);
      if (!termijn) {
        termijn = computeBezwaarOfBeroepstermijn(bekendgemaakt, kalender);
        zesWeken.set(bekendgemaakt, termijn);
      }
      return termijn;
    },
    isOudRegime: (datum) => inwerkingtreding !== undefined && datum < inwerkingtreding,
    twijfelRegime,
    // The four combinations of doubts a lid-2 term can carry, built once: (zorgkantoor?) + 2 × (never had a term?).
    lid2Twijfels: [
      joinTwijfels(twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, twijfelRegime),
      joinTwijfels(TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
      joinTwijfels(TWIJFEL_ZORGKANTOOR, TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
    ],
  };
}

/**
 * Whether the cell's result can change when the first tariefbeschikking in the region of one of `partijen` moves (art.
 * 105 lid 4 Wmg, the newcomer): `computeCel` reads that date only for the addressees of the cell's tariefbeschikkingen
 * and for the parties asked for.
 */
export function readsEersteTariefbeschikkingVan(invoer: CelInvoer, partijen: ReadonlySet<string>): boolean {
  for (const g of invoer.gevraagd) if (partijen.has(g.partij)) return true;
  for (const b of invoer.besluiten) if (b.type === 'tariefbeschikking' && partijen.has(partijVan(b))) return true;
  return false;
}

/** One party's place in a (regio, jaar) against the current version of the contracteerruimte. */
interface PartijToestand {
  soort: PartijSoort;
  /** Latest last day of the party's own statutory terms (soort `termijn`) against the current version. */
  laatsteEindeWettelijk: IsoDatum | undefined;
}

const GRONDSLAG_LID_2 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 2 Wmg']);
const GRONDSLAG_LID_3 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 3 Wmg']);
const GRONDSLAG_WIJZIGING = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 4 Wmg']);
const GRONDSLAG_6_19 = Object.freeze(['art. 6:19 Awb', ...GRONDSLAG_AWB]);
const GRONDSLAG_SLUITTARIEF = Object.freeze(['art. 105 lid 2 Wmg']);
const GRONDSLAG_GEEN_BEZWAAR = Object.freeze(['art. 7:1 Awb', 'Bijlage 1 Awb']);
const GRONDSLAG_LID_4 = Object.freeze(['art. 105 lid 4 Wmg']);
const GRONDSLAG_OUD_REGIME = Object.freeze(['art. 105 Wmg (oud)', 'art. 8:1 Awb']);

const TWIJFEL_NOOIT_EEN_TERMIJN =
  'Voor deze partij stond nog geen beroep tegen deze contracteerruimte open, maar de termijnen van andere partijen zijn ' +
  'verstreken. Art. 105 lid 4 Wmg kan zo worden gelezen dat de contracteerruimte al onherroepelijk is; de wet laat dat ' +
  'open. Stel beroep in uiterlijk op deze datum: een onnodig beroep kost alleen griffierecht.';

const TWIJFEL_ZORGKANTOOR =
  'Of elke tariefbeschikking in de regio ook voor het zorgkantoor een beroepstermijn opent, is niet beslist: het zorgkantoor ' +
  'is geen adressaat van de tariefbeschikking. De vroegste van deze termijnen is de veilige datum.';

// Kamerstuk 36 486 nr. 3 (MvT bij art. 105 lid 2) assumes a zorgkantoor may make bezwaar against the tariefbeschikking.
const TWIJFEL_ZORGKANTOOR_BEZWAAR =
  'Het zorgkantoor is geen adressaat van deze tariefbeschikking; de memorie van toelichting gaat ervan uit dat ook een ' +
  'zorgkantoor bezwaar kan maken tegen de tariefbeschikking. De termijn loopt voor de zekerheid vanaf de bekendmaking aan de zorgaanbieder.';

function regiojaar(regio: string, jaar: number): string {
  return `${regio} ${jaar}`;
}

export function joinTwijfels(...twijfels: (string | undefined)[]): string | undefined {
  const gezet = twijfels.filter((t): t is string => Boolean(t));
  if (gezet.length <= 1) return gezet[0];
  return gezet.join(' ');
}

function laterVan(a: IsoDatum | undefined, b: IsoDatum): IsoDatum {
  return a === undefined || b > a ? b : a;
}

/**
 * The terms and exclusions of one (regio, jaar), every party's, walking its besluiten in order (termijnregels §4–§7).
 * Pure and independent of the peildatum: the status at a peildatum is `computeCelStatus`'s.
 */
export function computeCel(invoer: CelInvoer, context: Rekencontext): CelUitkomst {
  const { regio, jaar, besluiten, beroepen, gevraagd } = invoer;
  const { config, computeZesWeken, isOudRegime, twijfelRegime, lid2Twijfels } = context;
  const { kalender, inwerkingtreding } = config;
  const termijnen: Termijn[] = [];
  const beroepstermijnen: Termijn[] = [];
  const uitsluitingen: Uitsluiting[] = [];
  const lid4Twijfels: Lid4Twijfel[] = [];

  let versie = 0;
  /** Latest last day of the lid-3 windows of the current version (open to every party of the region). */
  let laatsteEindeRegio: IsoDatum | undefined;
  /** Latest last day among every statutory term of the current version, kept for O(1) checks. */
  let laatsteEindeWettelijk: IsoDatum | undefined;
  const partijen = new Map<string, PartijToestand>();
  for (const g of gevraagd) partijen.set(g.partij, { soort: g.soort, laatsteEindeWettelijk: undefined });
  const beroepenPerPartij = new Map<string, (Beroep & { partij: string })[]>();
  for (const b of beroepen) {
    const lijst = beroepenPerPartij.get(b.partij);
    if (lijst) lijst.push(b);
    else beroepenPerPartij.set(b.partij, [b]);
  }
  const geenBeroepen: readonly (Beroep & { partij: string })[] = [];
  const beroepenVan = (partij: string) => beroepenPerPartij.get(partij) ?? geenBeroepen;
  const eersteTariefbeschikking = besluiten.find((b) => b.type === 'tariefbeschikking')?.bekendgemaakt;

  const addBeroepstermijn = (termijn: Termijn, partij?: PartijToestand) => {
    termijnen.push(termijn);
    beroepstermijnen.push(termijn);
    if (termijn.soort !== 'termijn') return;
    laatsteEindeWettelijk = laterVan(laatsteEindeWettelijk, termijn.einde);
    if (partij) partij.laatsteEindeWettelijk = laterVan(partij.laatsteEindeWettelijk, termijn.einde);
    else laatsteEindeRegio = laterVan(laatsteEindeRegio, termijn.einde);
  };

  /** Art. 105 lid 4 Wmg for a party: since when the contracteerruimte is onherroepelijk for it on `datum`, if so. */
  const computeOnherroepelijkSinds = (partij: string, toestand: PartijToestand, datum: IsoDatum): IsoDatum | undefined => {
    const eigen = toestand.laatsteEindeWettelijk;
    const laatste = eigen === undefined ? laatsteEindeRegio : laatsteEindeRegio === undefined ? eigen : laterVan(eigen, laatsteEindeRegio);
    if (laatste === undefined || laatste >= datum) return undefined;
    const eigenBeroepen = beroepenVan(partij);
    let sinds = addDagen(laatste, 1);
    for (const b of eigenBeroepen) {
      if (isLopendOp(b, datum)) return undefined;
      if (b.afgerond !== null && b.afgerond <= datum && b.afgerond > sinds) sinds = b.afgerond;
    }
    return sinds;
  };

  /** Art. 105 lid 2 Wmg: the beroep a tariefbeschikking opens for `partij`, or why it does not (lid 4). */
  const openBeroepViaTariefbeschikking = (besluit: Tariefbeschikking, partij: string, extraTwijfel?: string) => {
    const toestand = partijen.get(partij)!;
    const t = computeZesWeken(besluit.bekendgemaakt);
    const sinds = computeOnherroepelijkSinds(partij, toestand, besluit.bekendgemaakt);
    if (sinds) {
      const eersteInRegio = invoer.eersteTariefbeschikkingInRegio.get(partij);
      const nieuwkomer =
        toestand.laatsteEindeWettelijk === undefined && laatsteEindeRegio !== undefined && eersteInRegio !== undefined && eersteInRegio > laatsteEindeRegio
          ? ` ${partij} had vóór het einde van het venster van art. 105 lid 3 Wmg (${formatDatumKort(laatsteEindeRegio)}) nog geen ` +
            `tariefbeschikking in ${regio}: het is niet zeker dat lid 4 aan een nieuwkomer kan worden tegengeworpen. Stel ` +
            `daarom uit voorzorg beroep in uiterlijk op ${formatDatumLang(t.einde)}, ook als de contracteerruimte niet is gewijzigd.`
          : '';
      // Entry into force unknown: if leden 2–4 came into force after the party's earlier terms, those never existed in law.
      const regime =
        inwerkingtreding === undefined
          ? ` De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet bekend: trad de regeling pas na de eerdere ` +
            `termijn(en) van ${partij} in werking, dan stond daarvoor geen beroep open en is ${formatDatumLang(t.einde)} de fatale datum.`
          : '';
      const twijfel =
        `Controleer of de NZa de contracteerruimte ${regiojaar(regio, jaar)} sinds ${formatDatumKort(sinds)} heeft gewijzigd; ` +
        `zo ja, registreer dat wijzigingsbesluit: dan opent tariefbeschikking ${besluit.id} wel beroep, uiterlijk op ` +
        `${formatDatumLang(t.einde)}.${nieuwkomer}${regime}${extraTwijfel ? ` ${extraTwijfel}` : ''}`;
      lid4Twijfels.push({ partij, bekendgemaakt: besluit.bekendgemaakt, twijfel });
      uitsluitingen.push(
        createUitsluiting(besluit, 'beroep', regio, jaar, 'onherroepelijk', GRONDSLAG_LID_4, {
          partij,
          toelichting:
            `De regionale contracteerruimte ${regiojaar(regio, jaar)} is voor ${partij} sinds ${formatDatumKort(sinds)} onherroepelijk ` +
            `en is daarna niet door de NZa gewijzigd: tariefbeschikking ${besluit.id} opent geen nieuw beroep daartegen ` +
            `(art. 105 lid 4 Wmg). Bezwaar tegen de tariefbeschikking zelf staat wel open.`,
          twijfel,
          eindeAlsToch: t.einde,
        }),
      );
      return;
    }
    // The party never had a term against this version while other parties' statutory terms all ended (a pooled
    // reading of lid 4 would call it onherroepelijk). It has no statutory term here, so "all" are the others'.
    const eerderVerlopen =
      laatsteEindeRegio === undefined &&
      toestand.laatsteEindeWettelijk === undefined &&
      laatsteEindeWettelijk !== undefined &&
      laatsteEindeWettelijk < besluit.bekendgemaakt &&
      !beroepen.some((b) => isLopendOp(b, besluit.bekendgemaakt));
    addBeroepstermijn(
      createTermijn(besluit, 'beroep', regio, jaar, t, {
        partij,
        partijSoort: toestand.soort,
        soort: 'termijn',
        grondslag: GRONDSLAG_LID_2,
        regel: 'art-105-lid-2',
        versie,
        twijfel: lid2Twijfels[(extraTwijfel ? 1 : 0) + (eerderVerlopen ? 2 : 0)],
      }),
      toestand,
    );
  };

  /** Art. 6:7 and 6:8 Awb: bezwaar against the tariefbeschikking itself opens whatever the rest of the rules say. */
  const openBezwaar = (besluit: Tariefbeschikking) => {
    const t = computeZesWeken(besluit.bekendgemaakt);
    const partij = partijVan(besluit);
    termijnen.push(
      createTermijn(besluit, 'bezwaar', regio, jaar, t, {
        partij,
        partijSoort: 'zorgaanbieder',
        soort: 'termijn',
        grondslag: GRONDSLAG_AWB,
        regel: 'awb-bezwaar',
        versie: 0,
      }),
    );
    for (const g of gevraagd) {
      if (g.soort !== 'zorgkantoor' || g.partij === partij) continue;
      termijnen.push(
        createTermijn(besluit, 'bezwaar', regio, jaar, t, {
          partij: g.partij,
          partijSoort: 'zorgkantoor',
          soort: 'termijn',
          grondslag: GRONDSLAG_AWB,
          regel: 'awb-bezwaar',
          versie: 0,
          twijfel: TWIJFEL_ZORGKANTOOR_BEZWAAR,
        }),
      );
    }
  };

  for (const besluit of besluiten) {
    if (besluit.type === 'contracteerruimte') {
      versie += 1;
      laatsteEindeRegio = undefined;
      laatsteEindeWettelijk = undefined;
      for (const toestand of partijen.values()) toestand.laatsteEindeWettelijk = undefined;
      if (isOudRegime(besluit.bekendgemaakt)) {
        uitsluitingen.push(describeOudRegime(besluit, regio, jaar, inwerkingtreding!));
        continue;
      }
      uitsluitingen.push(
        createUitsluiting(besluit, 'bezwaar', regio, jaar, 'geen-bezwaar-tegen-contracteerruimte', GRONDSLAG_GEEN_BEZWAAR, {
          toelichting:
            `Tegen contracteerruimtebesluit ${besluit.id} staat geen bezwaar open: alleen rechtstreeks beroep bij het CBb ` +
            `(art. 7:1 Awb met Bijlage 1 Awb), via de tariefbeschikking (art. 105 lid 2 Wmg) of voor toekomstige jaren vanaf 1 maart (art. 105 lid 3 Wmg).`,
        }),
      );
      const bekendmakingsjaar = jaarVan(besluit.bekendgemaakt);
      const alTariefbeschikking = eersteTariefbeschikking !== undefined && eersteTariefbeschikking < besluit.bekendgemaakt;
      const lid3 = jaar > bekendmakingsjaar && !alTariefbeschikking;
      // A tariefbeschikking made known on the same day: whether one "was issued" at the moment of bekendmaking is open.
      const zelfdeDag = eersteTariefbeschikking === besluit.bekendgemaakt;
      if (lid3) {
        // Art. 105 lid 3 Wmg: a future year without any tariefbeschikking at the moment of bekendmaking.
        const t = computeTermijnVanafAanvang(`${bekendmakingsjaar + 1}-03-01`, 6, kalender);
        addBeroepstermijn(
          createTermijn(besluit, 'beroep', regio, jaar, t, {
            soort: 'termijn',
            grondslag: GRONDSLAG_LID_3,
            regel: 'art-105-lid-3',
            versie,
            twijfel: joinTwijfels(
              zelfdeDag
                ? `Op dezelfde dag is een tariefbeschikking voor ${regiojaar(regio, jaar)} bekendgemaakt. Of art. 105 lid 3 Wmg dan ` +
                    'geldt (geen tariefbeschikking afgegeven op het moment van bekendmaking), is niet zeker; de termijn via die ' +
                    'tariefbeschikking (lid 2) is daarom ook berekend, en de vroegste datum is de veilige.'
                : undefined,
              twijfelRegime,
            ),
          }),
        );
      }
      // One text per wijzigingsbesluit, shared by every party's date (the term names its party).
      const mogelijkFataal =
        'Mogelijk fatale datum. De NZa geeft na een wijziging van de contracteerruimte alleen "zo nodig" een gewijzigde ' +
        'tariefbeschikking af; krijgt deze partij er geen, dan loopt de gewone termijn (art. 6:7 en 6:8 Awb) vanaf de ' +
        `bekendmaking van wijzigingsbesluit ${besluit.id}. Beroep uiterlijk op deze datum is veilig: een beroep vóór een ` +
        'latere gewijzigde tariefbeschikking is niet te vroeg, want het wijzigingsbesluit bestaat al (art. 6:10 lid 1 sub a Awb). ' +
        'Een gewijzigde tariefbeschikking opent daarnaast een eigen termijn.';
      const twijfelWijziging = {
        zorgaanbieder: joinTwijfels(mogelijkFataal, twijfelRegime),
        zorgkantoor: joinTwijfels(mogelijkFataal, TWIJFEL_ZORGKANTOOR, twijfelRegime),
      };
      // An appellant whose beroep is pending is a party of this year even without a tariefbeschikking for it.
      for (const b of beroepen) {
        if (isLopendOp(b, besluit.bekendgemaakt) && !partijen.has(b.partij)) {
          partijen.set(b.partij, { soort: gevraagd.find((g) => g.partij === b.partij)?.soort ?? 'zorgaanbieder', laatsteEindeWettelijk: undefined });
        }
      }
      const t = computeZesWeken(besluit.bekendgemaakt);
      for (const [partij, toestand] of partijen) {
        const lopend = beroepenVan(partij).find((b) => isLopendOp(b, besluit.bekendgemaakt));
        if (lopend) {
          // Art. 6:19 Awb: the pending beroep extends to the amended besluit for the same year; a precaution date.
          addBeroepstermijn(
            createTermijn(besluit, 'beroep', regio, jaar, t, {
              partij,
              partijSoort: toestand.soort,
              soort: 'beschermend',
              grondslag: GRONDSLAG_6_19,
              regel: 'art-6-19-voorzorg',
              versie,
              beroepIngesteld: lopend.ingesteld,
              twijfel:
                `Het beroep van ${partij} (ingesteld ${formatDatumKort(lopend.ingesteld)}) loopt en strekt zich van rechtswege uit tot ` +
                `besluit ${besluit.id} (art. 6:19 lid 1 Awb), tenzij ${partij} daarbij onvoldoende belang heeft. Die reikwijdte ` +
                'is omstreden: stuur uit voorzorg uiterlijk op deze datum een brief met gronden tegen het nieuwe besluit aan het CBb.',
            }),
            toestand,
          );
        } else if (!lid3 && alTariefbeschikking) {
          // Termijnregels §6: amended, no gewijzigde tariefbeschikking (yet) — possibly the fatal date.
          addBeroepstermijn(
            createTermijn(besluit, 'beroep', regio, jaar, t, {
              partij,
              partijSoort: toestand.soort,
              soort: 'beschermend',
              grondslag: GRONDSLAG_WIJZIGING,
              regel: 'wijziging-zonder-tariefbeschikking',
              versie,
              twijfel: toestand.soort === 'zorgkantoor' ? twijfelWijziging.zorgkantoor : twijfelWijziging.zorgaanbieder,
            }),
            toestand,
          );
        }
      }
      continue;
    }

    // A tariefbeschikking.
    openBezwaar(besluit);
    const partij = partijVan(besluit);
    if (!partijen.has(partij)) partijen.set(partij, { soort: 'zorgaanbieder', laatsteEindeWettelijk: undefined });
    if (isOudRegime(besluit.bekendgemaakt)) {
      uitsluitingen.push(describeOudRegime(besluit, regio, jaar, inwerkingtreding!, partij));
      continue;
    }
    if (!heeftProductieafspraken(besluit.soort)) {
      uitsluitingen.push(describeZonderProductieafspraken(besluit, regio, jaar, partij, computeZesWeken(besluit.bekendgemaakt)));
      continue;
    }
    openBeroepViaTariefbeschikking(besluit, partij);
    for (const g of gevraagd) {
      if (g.soort === 'zorgkantoor' && g.partij !== partij) openBeroepViaTariefbeschikking(besluit, g.partij, TWIJFEL_ZORGKANTOOR);
    }
  }
  // Sorted within the cell, so that merging cells needs no comparison beyond the last day.
  termijnen.sort((a, b) => compare(a.einde, b.einde) || compareInCel(a, b));
  uitsluitingen.sort(compareInCel);
  return { invoer, termijnen, beroepstermijnen, uitsluitingen, lid4Twijfels };
}

interface TermijnVelden {
  partij?: string;
  partijSoort?: PartijSoort;
  soort: Termijn['soort'];
  grondslag: readonly string[];
  regel: Termijn['regel'];
  versie: number;
  twijfel?: string | undefined;
  beroepIngesteld?: IsoDatum;
}

/** A term with the fields every term shares; `grondslag` gains art. 1 Atw when the end moved. Its toelichting is lazy. */
function createTermijn(
  besluit: Besluit,
  rechtsmiddel: Termijn['rechtsmiddel'],
  regio: string,
  jaar: number,
  t: BerekendeTermijn,
  velden: TermijnVelden,
): Termijn {
  // Built by assignment rather than spreads, every field present: at national scale this runs some 100,000 times.
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: rechtsmiddel === 'bezwaar' ? 'tariefbeschikking' : 'contracteerruimte',
    regio,
    jaar,
    soort: velden.soort,
    aanvang: t.aanvang,
    einde: t.einde,
    perPostUiterlijkOntvangen: t.perPostUiterlijkOntvangen,
    eindeVoorAtw: t.eindeVoorAtw,
    grondslag: withAtwGrondslag(velden.grondslag, t),
    besluitSoort: besluit.soort,
    regel: velden.regel,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
    versie: velden.versie,
    partij: velden.partij,
    partijSoort: velden.partij !== undefined ? velden.partijSoort : undefined,
    twijfel: velden.twijfel || undefined,
    adressaat: besluit.type === 'tariefbeschikking' ? partijVan(besluit) : undefined,
    beroepIngesteld: velden.beroepIngesteld,
  };
}

/** An exclusion: a term a user might expect that does not open, with its reason (and its doubt, if any). */
function createUitsluiting(
  besluit: Besluit,
  rechtsmiddel: Uitsluiting['rechtsmiddel'],
  regio: string,
  jaar: number,
  reden: Uitsluiting['reden'],
  grondslag: readonly string[],
  velden: { toelichting: string; partij?: string; twijfel?: string; eindeAlsToch?: IsoDatum },
): Uitsluiting {
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: 'contracteerruimte',
    regio,
    jaar,
    partij: velden.partij,
    reden,
    grondslag: grondslag as string[],
    toelichting: velden.toelichting,
    twijfel: velden.twijfel,
    eindeAlsToch: velden.twijfel ? velden.eindeAlsToch : undefined,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
  };
}

function describeOudRegime(besluit: Besluit, regio: string, jaar: number, inwerkingtreding: IsoDatum, partij?: string): Uitsluiting {
  const wat = besluit.type === 'contracteerruimte' ? `Contracteerruimtebesluit ${besluit.id}` : `Tariefbeschikking ${besluit.id}`;
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'oud-regime', GRONDSLAG_OUD_REGIME, {
    ...(partij ? { partij } : {}),
    toelichting:
      `${wat} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de ingestelde datum van inwerkingtreding van ` +
      `art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding)}): tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} stond toen geen rechtstreeks beroep open; ` +
      `zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.`,
  });
}

function describeZonderProductieafspraken(besluit: Tariefbeschikking, regio: string, jaar: number, partij: string, t: BerekendeTermijn): Uitsluiting {
  if (besluit.soort === 'sluittarief') {
    // Art. 105 lid 2 Wmg, last sentence: the law itself names the sluittarief, so no doubt.
    return createUitsluiting(besluit, 'beroep', regio, jaar, 'sluittarief-nacalculatie', GRONDSLAG_SLUITTARIEF, {
      partij,
      toelichting:
        `Tariefbeschikking ${besluit.id} stelt een Wlz-sluittarief vast in het kader van de nacalculatie ${jaar}: die opent geen ` +
        `beroep tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} (art. 105 lid 2, laatste zin, Wmg), omdat de ` +
        `definitieve afrekening zo'n beroep zinloos maakt. Bezwaar tegen de beschikking zelf staat wel open (art. 6:7 Awb).`,
    });
  }
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'geen-productieafspraken', GRONDSLAG_SLUITTARIEF, {
    partij,
    toelichting:
      `Tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) is geen tariefbeschikking met goedgekeurde ` +
      `productieafspraken: zij opent alleen bezwaar tegen zichzelf, geen beroep tegen de regionale contracteerruimte ` +
      `${regiojaar(regio, jaar)} (art. 105 lid 2 Wmg).`,
    twijfel:
      'Art. 105 lid 2 Wmg sluit met zoveel woorden alleen het Wlz-sluittarief uit. Dat andere nacalculatie- en ' +
      'vereffeningsbeschikkingen geen beroep tegen de contracteerruimte openen, volgt uit de eis van goedgekeurde ' +
      `productieafspraken, maar is niet door de rechter bevestigd. Wie zeker wil zijn, stelt beroep in uiterlijk op ${formatDatumLang(t.einde)}.`,
    eindeAlsToch: t.einde,
  });
}
