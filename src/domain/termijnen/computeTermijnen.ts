import { addDagen, formatDatumKort, formatDatumLang, jaarVan, laatsteDatum, type IsoDatum } from '../kalender/kalenderdatum';
import {
  heeftProductieafspraken,
  partijVan,
  TARIEFBESCHIKKING_SOORT_LABEL,
  type Besluit,
  type Beroep,
  type Contracteerruimtebesluit,
  type Tariefbeschikking,
  type TermijnInvoer,
} from '../besluiten/besluit';
import {
  assertBekendmakingInBereik,
  computeBezwaarOfBeroepstermijn,
  computeTermijnVanafAanvang,
  GRONDSLAG_AWB,
  withAtwGrondslag,
  type BerekendeTermijn,
} from './awbTermijn';
import type { PartijSoort, PartijStatus, RegioJaarStatus, Termijn, TermijnConfig, TermijnUitkomst, Uitsluiting } from './termijn';
import { computeStatus, isLopendOp, type StatusContext } from './regioJaarStatus';
import { TWIJFEL_INWERKINGTREDING } from './twijfelTeksten';
import { listWaarschuwingen } from './waarschuwingen';

export type { TermijnConfig } from './termijn';

interface Gebeurtenis {
  besluit: Besluit;
  volgorde: number;
}

/** One party's place in a (regio, jaar): its own beroep terms against the current version of the contracteerruimte. */
interface PartijToestand {
  soort: PartijSoort;
  termijnen: Termijn[];
}

interface CelToestand {
  /** 0 before any contracteerruimtebesluit; +1 with every vaststelling or wijziging. */
  versie: number;
  contracteerruimte: Contracteerruimtebesluit | undefined;
  /** Lid-3 windows of the current version: open to every party of the region. */
  regioTermijnen: Termijn[];
  partijen: Map<string, PartijToestand>;
  /** Latest last day among the statutory terms (soort `termijn`) of the current version, kept for O(1) checks. */
  laatsteEindeWettelijk: IsoDatum | undefined;
}

// Ties list bezwaar before beroep, as in the example of spec/cli-termijnen.md.
const RECHTSMIDDEL_VOLGORDE = { bezwaar: 0, beroep: 1 } as const;

const GRONDSLAG_LID_2 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 2 Wmg']);
const GRONDSLAG_LID_3 = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 3 Wmg']);
const GRONDSLAG_WIJZIGING = Object.freeze([...GRONDSLAG_AWB, 'art. 105 lid 4 Wmg']);
const GRONDSLAG_6_19 = Object.freeze(['art. 6:19 Awb', ...GRONDSLAG_AWB]);
const GRONDSLAG_SLUITTARIEF = Object.freeze(['art. 105 lid 2 Wmg']);

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

function celSleutel(regio: string, jaar: number): string {
  return `${regio}\u0000${jaar}`;
}

function regiojaar(regio: string, jaar: number): string {
  return `${regio} ${jaar}`;
}

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function joinTwijfels(...twijfels: (string | undefined)[]): string | undefined {
  const gezet = twijfels.filter((t): t is string => Boolean(t));
  if (gezet.length <= 1) return gezet[0];
  return gezet.join(' ');
}

/**
 * The term engine: every term that opens for every party, every term a user might expect that does not, and the
 * state of beroep per party and per (regio, jaar) at the peildatum. Pure: everything it needs is in its arguments.
 * Terms, exclusions and their afleiding depend on the decisions alone; only statuses and warnings on the peildatum.
 */
export function computeTermijnen(invoer: TermijnInvoer, config: TermijnConfig): TermijnUitkomst {
  const { kalender, inwerkingtreding } = config;
  const termijnen: Termijn[] = [];
  const uitsluitingen: Uitsluiting[] = [];
  const status: RegioJaarStatus[] = [];
  const partijStatus: PartijStatus[] = [];

  const zesWeken = new Map<IsoDatum, BerekendeTermijn>();
  const computeZesWeken = (bekendgemaakt: IsoDatum): BerekendeTermijn => {
    let termijn = zesWeken.get(bekendgemaakt);
    if (!termijn) {
      termijn = computeBezwaarOfBeroepstermijn(bekendgemaakt, kalender);
      zesWeken.set(bekendgemaakt, termijn);
    }
    return termijn;
  };
  // Texts and steps shared by many terms are built once per run.
  const periodes = new Map<BerekendeTermijn, string>();
  const periode = (t: BerekendeTermijn): string => {
    let tekst = periodes.get(t);
    if (tekst === undefined) {
      tekst = `van ${formatDatumLang(t.aanvang)} tot en met ${formatDatumLang(t.eindeVoorAtw)}.${t.atwToelichting ? ` ${t.atwToelichting}` : ''}`;
      periodes.set(t, tekst);
    }
    return tekst;
  };
  const isOudRegime = (datum: IsoDatum): boolean => inwerkingtreding !== undefined && datum < inwerkingtreding;
  const twijfelRegime = inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined;
  // The four combinations of doubts a lid-2 term can carry, built once: (zorgkantoor?) + 2 × (never had a term?).
  const lid2Twijfels = [
    joinTwijfels(twijfelRegime),
    joinTwijfels(TWIJFEL_ZORGKANTOOR, twijfelRegime),
    joinTwijfels(TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
    joinTwijfels(TWIJFEL_ZORGKANTOOR, TWIJFEL_NOOIT_EEN_TERMIJN, twijfelRegime),
  ];

  for (const besluit of invoer.besluiten) assertBekendmakingInBereik(besluit.bekendgemaakt);

  const besluitenPerId = new Map(invoer.besluiten.map((b) => [b.id, b]));
  const beroepenPerCel = groupBeroepenPerCel(invoer.beroepen, besluitenPerId);
  const gebeurtenissenPerCel = groupGebeurtenissenPerCel(invoer.besluiten);
  const eersteTariefbeschikkingInRegio = indexEersteTariefbeschikking(invoer.besluiten);
  const gevraagdPerRegio = new Map<string, { partij: string; soort: PartijSoort }[]>();
  for (const p of invoer.partijen ?? []) {
    const lijst = gevraagdPerRegio.get(p.regio) ?? [];
    lijst.push({ partij: p.partij, soort: p.soort });
    gevraagdPerRegio.set(p.regio, lijst);
  }

  // Bezwaar against each tariefbeschikking itself (art. 6:7 Awb) opens whatever the rest of the rules say.
  for (const besluit of invoer.besluiten) {
    if (besluit.type !== 'tariefbeschikking') continue;
    const t = computeZesWeken(besluit.bekendgemaakt);
    const partij = partijVan(besluit);
    termijnen.push(
      createTermijn(besluit, 'bezwaar', besluit.regio, besluit.jaar, t, {
        partij,
        partijSoort: 'zorgaanbieder',
        soort: 'termijn',
        grondslag: GRONDSLAG_AWB,
        regel: 'awb-bezwaar',
        versie: 0,
        toelichting:
          `Bezwaar bij de NZa tegen tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) aan ${partij}, ` +
          `bekendgemaakt op ${formatDatumLang(besluit.bekendgemaakt)}: zes weken vanaf de dag na de bekendmaking, ${periode(t)}`,
      }),
    );
    for (const g of gevraagdPerRegio.get(besluit.regio) ?? []) {
      if (g.soort !== 'zorgkantoor' || g.partij === partij) continue;
      termijnen.push(
        createTermijn(besluit, 'bezwaar', besluit.regio, besluit.jaar, t, {
          partij: g.partij,
          partijSoort: 'zorgkantoor',
          soort: 'termijn',
          grondslag: GRONDSLAG_AWB,
          regel: 'awb-bezwaar',
          versie: 0,
          twijfel: TWIJFEL_ZORGKANTOOR_BEZWAAR,
          toelichting:
            `Bezwaar bij de NZa van ${g.partij} tegen tariefbeschikking ${besluit.id} aan ${partij}, bekendgemaakt op ` +
            `${formatDatumLang(besluit.bekendgemaakt)}: zes weken vanaf de dag na de bekendmaking, ${periode(t)}`,
        }),
      );
    }
  }

  for (const [sleutel, gebeurtenissen] of gebeurtenissenPerCel) {
    const [regio, jaarTekst] = sleutel.split('\u0000') as [string, string];
    const jaar = Number(jaarTekst);
    const beroepen = beroepenPerCel.get(sleutel) ?? [];
    const celTermijnen: Termijn[] = [];
    const lid4Twijfels: { partij: string; bekendgemaakt: IsoDatum; twijfel: string }[] = [];
    const cel: CelToestand = { versie: 0, contracteerruimte: undefined, regioTermijnen: [], partijen: new Map(), laatsteEindeWettelijk: undefined };
    const gevraagd = gevraagdPerRegio.get(regio) ?? [];
    for (const g of gevraagd) cel.partijen.set(g.partij, { soort: g.soort, termijnen: [] });
    const eersteTariefbeschikking = gebeurtenissen.find((g) => g.besluit.type === 'tariefbeschikking')?.besluit.bekendgemaakt;
    const beroepenVan = (partij: string) => beroepen.filter((b) => b.partij === partij);
    const addBeroepstermijn = (termijn: Termijn, partij?: PartijToestand) => {
      termijnen.push(termijn);
      celTermijnen.push(termijn);
      if (termijn.soort === 'termijn' && (cel.laatsteEindeWettelijk === undefined || termijn.einde > cel.laatsteEindeWettelijk)) {
        cel.laatsteEindeWettelijk = termijn.einde;
      }
      if (partij) partij.termijnen.push(termijn);
      else cel.regioTermijnen.push(termijn);
    };

    /** Art. 105 lid 4 Wmg for party P: since when the contracteerruimte is onherroepelijk for P on `datum`, if so. */
    const computeOnherroepelijkSinds = (partij: string, datum: IsoDatum): IsoDatum | undefined => {
      const toestand = cel.partijen.get(partij);
      const gehad = [...cel.regioTermijnen, ...(toestand?.termijnen ?? []).filter((t) => t.soort === 'termijn')];
      if (gehad.length === 0) return undefined;
      const laatste = laatsteDatum(gehad.map((t) => t.einde));
      if (laatste >= datum) return undefined;
      const eigenBeroepen = beroepenVan(partij);
      if (eigenBeroepen.some((b) => isLopendOp(b, datum))) return undefined;
      const afgerond = eigenBeroepen.flatMap((b) => (b.afgerond !== null && b.afgerond <= datum ? [b.afgerond] : []));
      return laatsteDatum([addDagen(laatste, 1), ...afgerond]);
    };

    /** Art. 105 lid 2 Wmg: the beroep a tariefbeschikking opens for `partij`, or why it does not (lid 4). */
    const openBeroepViaTariefbeschikking = (besluit: Tariefbeschikking, partij: string, extraTwijfel?: string) => {
      const toestand = cel.partijen.get(partij)!;
      const t = computeZesWeken(besluit.bekendgemaakt);
      const sinds = computeOnherroepelijkSinds(partij, besluit.bekendgemaakt);
      if (sinds) {
        const alleenLid3 = toestand.termijnen.every((x) => x.soort !== 'termijn');
        const eersteInRegio = eersteTariefbeschikkingInRegio.get(`${partij}\u0000${regio}`);
        const laatsteVenster = cel.regioTermijnen.length > 0 ? laatsteDatum(cel.regioTermijnen.map((x) => x.einde)) : undefined;
        const nieuwkomer =
          alleenLid3 && laatsteVenster !== undefined && eersteInRegio !== undefined && eersteInRegio > laatsteVenster
            ? ` ${partij} had vóór het einde van het venster van art. 105 lid 3 Wmg (${formatDatumKort(laatsteVenster)}) nog geen ` +
              `tariefbeschikking in ${regio}: het is niet zeker dat lid 4 aan een nieuwkomer kan worden tegengeworpen. Stel ` +
              `daarom uit voorzorg beroep in uiterlijk op ${formatDatumLang(t.einde)}, ook als de contracteerruimte niet is gewijzigd.`
            : '';
        // Entry into force unknown: if leden 2–4 came into force after P's earlier terms, those never existed in law.
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
          createUitsluiting(besluit, 'beroep', regio, jaar, 'onherroepelijk', ['art. 105 lid 4 Wmg'], {
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
      // P never had a term against this version while other parties' statutory terms all ended (a pooled reading
      // of lid 4 would call it onherroepelijk). P has no statutory term here, so "all statutory terms" are the others'.
      const eerderVerlopen =
        cel.regioTermijnen.length === 0 &&
        !toestand.termijnen.some((x) => x.soort === 'termijn') &&
        cel.laatsteEindeWettelijk !== undefined &&
        cel.laatsteEindeWettelijk < besluit.bekendgemaakt &&
        !beroepen.some((b) => isLopendOp(b, besluit.bekendgemaakt));
      const twijfelLid4 = eerderVerlopen ? TWIJFEL_NOOIT_EEN_TERMIJN : undefined;
      const gewijzigd = besluit.soort === 'wijziging' ? 'gewijzigde ' : '';
      const nietGeregistreerd = cel.contracteerruimte ? '' : ' Het contracteerruimtebesluit dat deze beschikking toepast, is (nog) niet geregistreerd.';
      addBeroepstermijn(
        createTermijn(besluit, 'beroep', regio, jaar, t, {
          partij,
          partijSoort: toestand.soort,
          soort: 'termijn',
          grondslag: GRONDSLAG_LID_2,
          regel: 'art-105-lid-2',
          versie: cel.versie,
          twijfel: lid2Twijfels[(extraTwijfel ? 1 : 0) + (twijfelLid4 ? 2 : 0)],
          toelichting:
            `Beroep bij het CBb van ${partij} tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} die de ${gewijzigd}` +
            `tariefbeschikking ${besluit.id} toepast: zes weken vanaf de dag na de bekendmaking op ` +
            `${formatDatumLang(besluit.bekendgemaakt)} (art. 105 lid 2 Wmg), ${periode(t)}${nietGeregistreerd}`,
        }),
        toestand,
      );
    };

    for (const { besluit } of gebeurtenissen) {
      if (besluit.type === 'contracteerruimte') {
        cel.versie += 1;
        cel.contracteerruimte = besluit;
        cel.regioTermijnen = [];
        cel.laatsteEindeWettelijk = undefined;
        for (const toestand of cel.partijen.values()) toestand.termijnen = [];
        if (isOudRegime(besluit.bekendgemaakt)) {
          uitsluitingen.push(oudRegimeUitsluiting(besluit, regio, jaar));
          continue;
        }
        uitsluitingen.push(
          createUitsluiting(besluit, 'bezwaar', regio, jaar, 'geen-bezwaar-tegen-contracteerruimte', ['art. 7:1 Awb', 'Bijlage 1 Awb'], {
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
              versie: cel.versie,
              twijfel: joinTwijfels(
                zelfdeDag
                  ? `Op dezelfde dag is een tariefbeschikking voor ${regiojaar(regio, jaar)} bekendgemaakt. Of art. 105 lid 3 Wmg dan ` +
                      'geldt (geen tariefbeschikking afgegeven op het moment van bekendmaking), is niet zeker; de termijn via die ' +
                      'tariefbeschikking (lid 2) is daarom ook berekend, en de vroegste datum is de veilige.'
                  : undefined,
                twijfelRegime,
              ),
              toelichting:
                `Beroep bij het CBb tegen de regionale contracteerruimte ${regiojaar(regio, jaar)}, vastgesteld bij besluit ${besluit.id} ` +
                `(bekendgemaakt ${formatDatumKort(besluit.bekendgemaakt)}) voor een toekomstig jaar zonder tariefbeschikking: ` +
                `de termijn begint op 1 maart ${bekendmakingsjaar + 1} (art. 105 lid 3 Wmg), open voor elke partij in de regio, ${periode(t)}`,
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
          if (isLopendOp(b, besluit.bekendgemaakt) && !cel.partijen.has(b.partij!)) {
            cel.partijen.set(b.partij!, { soort: gevraagd.find((g) => g.partij === b.partij)?.soort ?? 'zorgaanbieder', termijnen: [] });
          }
        }
        // A beschermende datum of one party: six weeks from the day after this besluit's bekendmaking (art. 6:7, 6:8 Awb).
        const addBeschermendeDatum = (
          partij: string,
          toestand: PartijToestand,
          velden: Pick<TermijnVelden, 'grondslag' | 'regel' | 'twijfel' | 'beroepIngesteld'> & { toelichting: (t: BerekendeTermijn) => string },
        ) => {
          const t = computeZesWeken(besluit.bekendgemaakt);
          const { toelichting, ...rest } = velden;
          addBeroepstermijn(
            createTermijn(besluit, 'beroep', regio, jaar, t, {
              ...rest,
              partij,
              partijSoort: toestand.soort,
              soort: 'beschermend',
              versie: cel.versie,
              toelichting: toelichting(t),
            }),
            toestand,
          );
        };
        for (const [partij, toestand] of cel.partijen) {
          const lopend = beroepenVan(partij).find((b) => isLopendOp(b, besluit.bekendgemaakt));
          if (lopend) {
            // Art. 6:19 Awb: the pending beroep extends to the amended besluit for the same year; a precaution date.
            addBeschermendeDatum(partij, toestand, {
              grondslag: GRONDSLAG_6_19,
              regel: 'art-6-19-voorzorg',
              beroepIngesteld: lopend.ingesteld,
              twijfel:
                `Het beroep van ${partij} (ingesteld ${formatDatumKort(lopend.ingesteld)}) loopt en strekt zich van rechtswege uit tot ` +
                `besluit ${besluit.id} (art. 6:19 lid 1 Awb), tenzij ${partij} daarbij onvoldoende belang heeft. Die reikwijdte ` +
                'is omstreden: stuur uit voorzorg uiterlijk op deze datum een brief met gronden tegen het nieuwe besluit aan het CBb.',
              toelichting: (t) =>
                `Voorzorg: brief met gronden van ${partij} tegen wijzigingsbesluit ${besluit.id} over de contracteerruimte ` +
                `${regiojaar(regio, jaar)}, binnen zes weken na de bekendmaking, ${periode(t)}`,
            });
          } else if (!lid3 && alTariefbeschikking) {
            // Termijnregels §6: amended, no gewijzigde tariefbeschikking (yet) — possibly the fatal date.
            addBeschermendeDatum(partij, toestand, {
              grondslag: GRONDSLAG_WIJZIGING,
              regel: 'wijziging-zonder-tariefbeschikking',
              twijfel: toestand.soort === 'zorgkantoor' ? twijfelWijziging.zorgkantoor : twijfelWijziging.zorgaanbieder,
              toelichting: (t) =>
                `Beroep van ${partij} tegen de gewijzigde contracteerruimte ${regiojaar(regio, jaar)} (besluit ${besluit.id}, ` +
                `bekendgemaakt ${formatDatumKort(besluit.bekendgemaakt)}) zolang geen gewijzigde tariefbeschikking volgt, ${periode(t)}`,
            });
          }
        }
        continue;
      }

      // A tariefbeschikking.
      const partij = partijVan(besluit);
      if (!cel.partijen.has(partij)) cel.partijen.set(partij, { soort: 'zorgaanbieder', termijnen: [] });
      if (isOudRegime(besluit.bekendgemaakt)) {
        uitsluitingen.push(oudRegimeUitsluiting(besluit, regio, jaar, partij));
        continue;
      }
      if (!heeftProductieafspraken(besluit.soort)) {
        uitsluitingen.push(productieafsprakenUitsluiting(besluit, regio, jaar, partij, computeZesWeken(besluit.bekendgemaakt)));
        continue;
      }
      openBeroepViaTariefbeschikking(besluit, partij);
      for (const g of gevraagd) {
        if (g.soort === 'zorgkantoor' && g.partij !== partij) openBeroepViaTariefbeschikking(besluit, g.partij, TWIJFEL_ZORGKANTOOR);
      }
    }

    // Statuses at the peildatum: the version of the contracteerruimte then in force, and what was known by then.
    const peildatum = invoer.peildatum;
    const versieOpPeildatum = gebeurtenissen.filter((g) => g.besluit.type === 'contracteerruimte' && g.besluit.bekendgemaakt <= peildatum).length;
    const huidige = [...gebeurtenissen].reverse().find((g) => g.besluit.type === 'contracteerruimte' && g.besluit.bekendgemaakt <= peildatum)?.besluit;
    // Terms against an earlier version that still ran when the amendment came keep counting, with a doubt (§7: an
    // amendment never silently moves a safe date later).
    const geldend = celTermijnen.filter(
      (t) =>
        t.bekendgemaakt <= peildatum &&
        (t.versie === versieOpPeildatum || (huidige !== undefined && t.versie < versieOpPeildatum && t.einde >= huidige.bekendgemaakt)),
    );
    const context: StatusContext = {
      regio,
      jaar,
      peildatum,
      oudRegime: huidige !== undefined && isOudRegime(huidige.bekendgemaakt),
      inwerkingtreding,
      wachtOpGewijzigdeTariefbeschikking:
        huidige !== undefined &&
        eersteTariefbeschikking !== undefined &&
        eersteTariefbeschikking <= peildatum &&
        huidige.bekendgemaakt > eersteTariefbeschikking,
      contracteerruimte: huidige?.id,
      versie: versieOpPeildatum,
    };
    const partijenOpPeildatum = new Set<string>(gevraagd.map((g) => g.partij));
    for (const { besluit } of gebeurtenissen) {
      if (besluit.type === 'tariefbeschikking' && besluit.bekendgemaakt <= peildatum) partijenOpPeildatum.add(partijVan(besluit));
    }
    for (const b of beroepen) if (b.partij !== undefined && b.ingesteld <= peildatum) partijenOpPeildatum.add(b.partij);
    const regioVensters = geldend.filter((t) => t.partij === undefined);
    const geldendPerPartij = groupBy(geldend, (t) => t.partij);
    const beroepenPerPartij = groupBy(beroepen, (b) => b.partij);
    const lid4PerPartij = new Map<string, string>();
    for (const x of lid4Twijfels) if (x.bekendgemaakt <= peildatum) lid4PerPartij.set(x.partij, x.twijfel);
    for (const partij of partijenOpPeildatum) {
      const eigen = [...regioVensters, ...(geldendPerPartij.get(partij) ?? [])];
      const stand = computeStatus(eigen, beroepenPerPartij.get(partij) ?? [], context, partij);
      // A lid-4 exclusion could be wrong (an amendment not registered): the party's status says so too.
      const lid4 = lid4PerPartij.has(partij) ? { twijfel: lid4PerPartij.get(partij)! } : undefined;
      if (stand.status === 'onherroepelijk' && lid4 && !stand.twijfel) stand.twijfel = lid4.twijfel;
      partijStatus.push({ partij, ...stand });
    }
    status.push(computeStatus(geldend, beroepen, context));
  }

  // Within a (regio, jaar): by bekendmaking, besluit, bezwaar before beroep, party.
  const compareInCel = (a: Termijn | Uitsluiting, b: Termijn | Uitsluiting) =>
    compare(a.bekendgemaakt, b.bekendgemaakt) ||
    compare(a.besluit, b.besluit) ||
    RECHTSMIDDEL_VOLGORDE[a.rechtsmiddel] - RECHTSMIDDEL_VOLGORDE[b.rechtsmiddel] ||
    compare(a.partij ?? '', b.partij ?? '');
  termijnen.sort((a, b) => compare(a.einde, b.einde) || compare(a.regio, b.regio) || compare(a.jaar, b.jaar) || compareInCel(a, b));
  uitsluitingen.sort((a, b) => compare(a.regio, b.regio) || compare(a.jaar, b.jaar) || compareInCel(a, b));
  status.sort((a, b) => compare(a.regio, b.regio) || compare(a.jaar, b.jaar));
  partijStatus.sort((a, b) => compare(a.regio, b.regio) || compare(a.jaar, b.jaar) || compare(a.partij, b.partij));
  const waarschuwingen = listWaarschuwingen(invoer, termijnen, config);
  return { termijnen, uitsluitingen, status, partijStatus, waarschuwingen };

  function oudRegimeUitsluiting(besluit: Besluit, regio: string, jaar: number, partij?: string): Uitsluiting {
    const wat = besluit.type === 'contracteerruimte' ? `Contracteerruimtebesluit ${besluit.id}` : `Tariefbeschikking ${besluit.id}`;
    return createUitsluiting(besluit, 'beroep', regio, jaar, 'oud-regime', ['art. 105 Wmg (oud)', 'art. 8:1 Awb'], {
      ...(partij ? { partij } : {}),
      toelichting:
        `${wat} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de ingestelde datum van inwerkingtreding van ` +
        `art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding!)}): tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} stond toen geen rechtstreeks beroep open; ` +
        `zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.`,
    });
  }
}

function groupBy<T>(lijst: readonly T[], sleutel: (x: T) => string | undefined): Map<string, T[]> {
  const groepen = new Map<string, T[]>();
  for (const x of lijst) {
    const k = sleutel(x);
    if (k === undefined) continue;
    const groep = groepen.get(k);
    if (groep) groep.push(x);
    else groepen.set(k, [x]);
  }
  return groepen;
}

interface TermijnVelden {
  partij?: string;
  partijSoort?: PartijSoort;
  soort: Termijn['soort'];
  grondslag: readonly string[];
  regel: Termijn['regel'];
  versie: number;
  twijfel?: string | undefined;
  toelichting: string;
  beroepIngesteld?: IsoDatum;
}

/** A term with the fields every term shares; `grondslag` gains art. 1 Atw when the end moved. */
function createTermijn(
  besluit: Besluit,
  rechtsmiddel: Termijn['rechtsmiddel'],
  regio: string,
  jaar: number,
  t: BerekendeTermijn,
  velden: TermijnVelden,
): Termijn {
  // Built by assignment rather than spreads: at national scale this runs some 100,000 times.
  const termijn: Termijn = {
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
    toelichting: velden.toelichting,
    besluitSoort: besluit.soort,
    regel: velden.regel,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
    versie: velden.versie,
    // Every term has every field (undefined where absent): one object shape keeps property access fast.
    partij: velden.partij,
    partijSoort: velden.partij !== undefined ? velden.partijSoort : undefined,
    twijfel: velden.twijfel || undefined,
    adressaat: besluit.type === 'tariefbeschikking' ? partijVan(besluit) : undefined,
    beroepIngesteld: velden.beroepIngesteld,
  };
  return termijn;
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

function productieafsprakenUitsluiting(besluit: Tariefbeschikking, regio: string, jaar: number, partij: string, t: BerekendeTermijn): Uitsluiting {
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
      (a, b) => compare(a.besluit.bekendgemaakt, b.besluit.bekendgemaakt) || typeVolgorde(a.besluit) - typeVolgorde(b.besluit) || a.volgorde - b.volgorde,
    );
  }
  return perCel;
}

/** Each party's first tariefbeschikking in each region (any year): tells a newcomer after a lid-3 window. */
function indexEersteTariefbeschikking(besluiten: readonly Besluit[]): Map<string, IsoDatum> {
  const eerste = new Map<string, IsoDatum>();
  for (const b of besluiten) {
    if (b.type !== 'tariefbeschikking') continue;
    const sleutel = `${partijVan(b)}\u0000${b.regio}`;
    const bekend = eerste.get(sleutel);
    if (bekend === undefined || b.bekendgemaakt < bekend) eerste.set(sleutel, b.bekendgemaakt);
  }
  return eerste;
}

/** Beroepen per (regio, jaar), each with its party: given, or the addressee of the tariefbeschikking it names. */
function groupBeroepenPerCel(beroepen: readonly Beroep[], besluitenPerId: Map<string, Besluit>): Map<string, Beroep[]> {
  const perCel = new Map<string, Beroep[]>();
  for (const beroep of beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (!besluit) throw new Error(`Beroep refers to unknown besluit ${beroep.tegen}`);
    // Who filed it: given, or the addressee of the tariefbeschikking it names; otherwise named by the beroep itself,
    // so its 6:19 precaution date still has a party to belong to.
    const partij =
      beroep.partij ??
      (besluit.type === 'tariefbeschikking' ? partijVan(besluit) : `indiener van het beroep tegen ${beroep.tegen} van ${formatDatumKort(beroep.ingesteld)}`);
    const sleutel = celSleutel(beroep.regio ?? besluit.regio, beroep.jaar);
    let lijst = perCel.get(sleutel);
    if (!lijst) perCel.set(sleutel, (lijst = []));
    lijst.push({ ...beroep, partij });
  }
  return perCel;
}
