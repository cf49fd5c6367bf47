// The reference engine: the rules of ../shared/spec/termijnregels.md written out plainly, one function per rule, to be
// compared with the engine (src/domain/termijnen/computeTermijnen.ts) by referentieGelijk.test.ts. Arrays, loops and
// objects only: no typed arrays, caches, memoisation or laziness. What decides is written here anew from the spec; the
// calendar (src/domain/kalender) and the wording (teksten.ts, statusTeksten.ts) are only used, never asked to decide.
import { addDagen, addWeken, formatDatumKort, jaarVan, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { AtwKalender, NietWerkdag } from '../../src/domain/kalender/atwKalender';
import type { Beroep, Besluit, Contracteerruimtebesluit, Tariefbeschikking, TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type {
  AfleidingStap,
  PartijSoort,
  PartijStatus,
  RegioJaarStatus,
  Termijn,
  TermijnConfig,
  TermijnRegel,
  TermijnUitkomst,
  Uitsluiting,
  Waarschuwing,
} from '../../src/domain/termijnen/termijn';
import { TWIJFEL_INWERKINGTREDING } from '../../src/domain/termijnen/twijfelTeksten';
import { describeTwijfelLid3NaTariefbeschikking } from '../../src/domain/termijnen/teksten/twijfels';
import * as tekst from './teksten';
import * as statusTekst from './statusTeksten';
import { afleidingVan } from './referentieAfleiding';

/** The engine's answer, and per term (in the same order) its afleiding (§10). */
export interface ReferentieUitkomst extends TermijnUitkomst {
  afleidingen: AfleidingStap[][];
}

/** Six weeks (or any statutory term) with its Atw move: the facts an afleiding is written from. */
export interface BerekendeTermijn {
  aanvang: IsoDatum;
  eindeVoorAtw: IsoDatum;
  einde: IsoDatum;
  /** The days art. 1 Atw skipped, in order. */
  overgeslagen: NietWerkdag[];
}

// ---------------------------------------------------------------------------------------------------------------
// §2 and §3: the base term and the Algemene termijnenwet
// ---------------------------------------------------------------------------------------------------------------

/** §3, art. 1 lid 1 Atw: a last day on a Saturday, Sunday or (equated) feestdag runs on through the next day that is none. */
export function atwVerschuiving_art1Atw(eindeVoorAtw: IsoDatum, kalender: AtwKalender): { einde: IsoDatum; overgeslagen: NietWerkdag[] } {
  const overgeslagen: NietWerkdag[] = [];
  let dag = eindeVoorAtw;
  while (kalender.nietWerkdag(dag) !== undefined) {
    overgeslagen.push(kalender.nietWerkdag(dag)!);
    dag = addDagen(dag, 1);
  }
  return { einde: dag, overgeslagen };
}

/** §2, art. 6:7 Awb: six weeks from the first day (the first day counts), the end moved by the Atw (only the end moves). */
export function zesWekenVanaf_art6_7Awb(aanvang: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  const eindeVoorAtw = addDagen(addWeken(aanvang, 6), -1);
  const { einde, overgeslagen } = atwVerschuiving_art1Atw(eindeVoorAtw, kalender);
  return { aanvang, eindeVoorAtw, einde, overgeslagen };
}

/** §2, art. 6:7 and 6:8 lid 1 Awb: six weeks starting on the day after the bekendmaking. */
export function basistermijn_art6_7_6_8Awb(bekendgemaakt: IsoDatum, kalender: AtwKalender): BerekendeTermijn {
  return zesWekenVanaf_art6_7Awb(addDagen(bekendgemaakt, 1), kalender);
}

/** §5, art. 105 lid 3 Wmg: the window from 1 March of the year after the bekendmaking, six weeks. */
export function lid3Venster_art105lid3Wmg(bekendmakingsjaar: number, kalender: AtwKalender): BerekendeTermijn {
  return zesWekenVanaf_art6_7Awb(`${bekendmakingsjaar + 1}-03-01`, kalender);
}

/** §9, art. 6:9 lid 2 Awb: a filing posted by the last day is on time when it arrives within a week after it. */
export function perPostUiterlijk_art6_9Awb(einde: IsoDatum): IsoDatum {
  return addDagen(einde, 7);
}

/** §3: the engine accepts bekendmakingen from 1 January 1994 (the Awb) through 2200 and refuses others clearly. */
export function controleerBereik_par3(besluiten: readonly Besluit[]): void {
  for (const besluit of besluiten) {
    if (besluit.bekendgemaakt < '1994-01-01' || besluit.bekendgemaakt > '2200-12-31') {
      throw new RangeError(`Bekendmaking ${besluit.bekendgemaakt} outside 1994-01-01..2200-12-31`);
    }
  }
}

/** §8: a decision made known before the (configured) entry into force of leden 2–4 follows the old route. */
export function isOudRegime_par8(bekendgemaakt: IsoDatum, config: TermijnConfig): boolean {
  return config.inwerkingtreding !== undefined && bekendgemaakt < config.inwerkingtreding;
}

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

// ---------------------------------------------------------------------------------------------------------------
// The partition per (regio, jaar): §4 "the engine decides per year"
// ---------------------------------------------------------------------------------------------------------------

interface BeroepMetPartij extends Beroep {
  partij: string;
}

interface RegioJaar {
  regio: string;
  jaar: number;
  /** Chronological; on one day a contracteerruimtebesluit before the tariefbeschikking applying it; else input order. */
  besluiten: Besluit[];
  beroepen: BeroepMetPartij[];
  /** The parties asked for in this region (input order). */
  gevraagd: { partij: string; soort: PartijSoort }[];
  /** Every provider of the region with the bekendmaking of its first tariefbeschikking there (any year, any soort), by name. */
  aanbiedersInRegio: { partij: string; eerste: IsoDatum }[];
}

/** Who filed a beroep: given, or the addressee of the tariefbeschikking it names; otherwise named by the beroep itself (engine's choice). */
function indienerVan(beroep: Beroep, besluit: Besluit): string {
  if (beroep.partij !== undefined) return beroep.partij;
  if (besluit.type === 'tariefbeschikking') return adressaatVan(besluit);
  return `indiener van het beroep tegen ${beroep.tegen} van ${formatDatumKort(beroep.ingesteld)}`;
}

function jarenVanBesluit(besluit: Besluit): number[] {
  return besluit.type === 'contracteerruimte' ? besluit.jaren : [besluit.jaar];
}

function verdeelInRegioJaren(invoer: TermijnInvoer): RegioJaar[] {
  const regioJaren: RegioJaar[] = [];
  const vind = (regio: string, jaar: number) => regioJaren.find((r) => r.regio === regio && r.jaar === jaar);
  for (const besluit of invoer.besluiten) {
    for (const jaar of jarenVanBesluit(besluit)) {
      let regioJaar = vind(besluit.regio, jaar);
      if (!regioJaar) {
        regioJaar = { regio: besluit.regio, jaar, besluiten: [], beroepen: [], gevraagd: [], aanbiedersInRegio: [] };
        regioJaren.push(regioJaar);
      }
      regioJaar.besluiten.push(besluit);
    }
  }
  for (const beroep of invoer.beroepen) {
    const besluit = invoer.besluiten.find((b) => b.id === beroep.tegen);
    if (!besluit) throw new Error(`Beroep refers to unknown besluit ${beroep.tegen}`);
    const regioJaar = vind(beroep.regio ?? besluit.regio, beroep.jaar);
    if (regioJaar) regioJaar.beroepen.push({ ...beroep, partij: indienerVan(beroep, besluit) });
  }
  for (const regioJaar of regioJaren) {
    // On one day a contracteerruimtebesluit precedes the tariefbeschikking applying it (engine's choice, spec silent).
    const rang = (b: Besluit) => (b.type === 'contracteerruimte' ? 0 : 1);
    regioJaar.besluiten.sort((a, b) => vergelijk(a.bekendgemaakt, b.bekendgemaakt) || rang(a) - rang(b));
    for (const g of invoer.partijen ?? []) if (g.regio === regioJaar.regio) regioJaar.gevraagd.push({ partij: g.partij, soort: g.soort });
    const eerste = new Map<string, IsoDatum>();
    for (const b of invoer.besluiten) {
      if (b.type !== 'tariefbeschikking' || b.regio !== regioJaar.regio) continue;
      const partij = adressaatVan(b);
      if (!eerste.has(partij) || b.bekendgemaakt < eerste.get(partij)!) eerste.set(partij, b.bekendgemaakt);
    }
    regioJaar.aanbiedersInRegio = [...eerste].map(([partij, datum]) => ({ partij, eerste: datum })).sort((a, b) => vergelijk(a.partij, b.partij));
  }
  return regioJaren.sort((a, b) => vergelijk(a.regio, b.regio) || a.jaar - b.jaar);
}

// ---------------------------------------------------------------------------------------------------------------
// The walk over one (regio, jaar): §4–§8
// ---------------------------------------------------------------------------------------------------------------

interface Partij {
  naam: string;
  soort: PartijSoort;
  /** The latest last day of its own statutory terms against the current version of the contracteerruimte (§6). */
  laatsteEinde?: IsoDatum;
}

interface RefTermijn {
  termijn: Termijn;
  berekend: BerekendeTermijn;
}

interface RefUitsluiting {
  uitsluiting: Uitsluiting;
  /** For an oud-regime exclusion near the entry into force: the new regime's term, counted by a status while it runs (§8). */
  alsToch?: BerekendeTermijn;
  /** For a lid-4 exclusion: its doubt, which the party's status repeats (§6). */
  lid4Twijfel?: string;
}

interface RegioJaarUitkomst {
  regioJaar: RegioJaar;
  /** In the order the rules were applied (the besluiten in order). */
  termijnen: RefTermijn[];
  uitsluitingen: RefUitsluiting[];
}

/** The state of the walk: what the besluiten so far have left for the next one. */
interface Stand {
  regioJaar: RegioJaar;
  config: TermijnConfig;
  /** The doubt every new-regime term carries while the entry into force is unknown (§8). */
  twijfelRegime: string | undefined;
  versie: number;
  /** The parties of the year, in the order they became parties. */
  partijen: Partij[];
  /** The current version's lid-3 window, if any (§5). */
  venster?: { termijn: RefTermijn; gemarkeerd: boolean };
  /** The latest last day of the current version's lid-3 windows (open to every party of the region). */
  laatsteEindeVenster?: IsoDatum;
  /** The latest last day of every statutory term against the current version. */
  laatsteEindeWettelijk?: IsoDatum;
  /** The first tariefbeschikking of the year (any soort). */
  eersteTariefbeschikking?: IsoDatum;
  termijnen: RefTermijn[];
  uitsluitingen: RefUitsluiting[];
}

function later(a: IsoDatum | undefined, b: IsoDatum | undefined): IsoDatum | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function vindPartij(stand: Stand, naam: string): Partij | undefined {
  return stand.partijen.find((p) => p.naam === naam);
}

function voegPartijToe(stand: Stand, naam: string, soort: PartijSoort): void {
  if (!vindPartij(stand, naam)) stand.partijen.push({ naam, soort });
}

const GRONDSLAG: Record<TermijnRegel, string[]> = {
  'awb-bezwaar': ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'],
  'art-105-lid-2': ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 2 Wmg'],
  // §10: a lid-3 window departs from 6:8 (it starts on 1 March).
  'art-105-lid-3': ['art. 6:7 Awb', 'art. 105 lid 3 Wmg'],
  'wijziging-zonder-tariefbeschikking': ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 105 lid 4 Wmg'],
  'art-6-19-voorzorg': ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb', 'art. 6:19 Awb'],
  'besluit-zonder-tariefbeschikking': ['art. 6:7 Awb', 'art. 6:8 lid 1 Awb'],
};

/** A term of the year; `partij` undefined for a date open to every party of the region. */
function maakTermijn(
  stand: Stand,
  besluit: Besluit,
  berekend: BerekendeTermijn,
  regel: TermijnRegel,
  partij: Partij | undefined,
  twijfel: string | undefined,
  extra: Partial<Termijn> = {},
): RefTermijn {
  const { regio, jaar } = stand.regioJaar;
  const beroep = regel !== 'awb-bezwaar';
  // §10: art. 1 Atw only when the end was moved.
  const grondslag = berekend.einde === berekend.eindeVoorAtw ? [...GRONDSLAG[regel]] : [...GRONDSLAG[regel], 'art. 1 Atw'];
  const termijn: Termijn = {
    besluit: besluit.id,
    rechtsmiddel: beroep ? 'beroep' : 'bezwaar',
    tegen: beroep ? 'contracteerruimte' : 'tariefbeschikking',
    regio,
    jaar,
    // §4, §6: a possibly fatal date or a precaution is `beschermend`; a statutory term is a `termijn`.
    soort: regel === 'awb-bezwaar' || regel === 'art-105-lid-2' || regel === 'art-105-lid-3' ? 'termijn' : 'beschermend',
    aanvang: berekend.aanvang,
    einde: berekend.einde,
    perPostUiterlijkOntvangen: perPostUiterlijk_art6_9Awb(berekend.einde),
    grondslag,
    regel,
    besluitSoort: besluit.soort,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
    eindeVoorAtw: berekend.eindeVoorAtw,
    // Bezwaar is against the tariefbeschikking, not against a version of the contracteerruimte (engine's choice: 0).
    versie: beroep ? stand.versie : 0,
    ...extra,
  };
  if (partij) {
    termijn.partij = partij.naam;
    termijn.partijSoort = partij.soort;
  }
  if (twijfel !== undefined) termijn.twijfel = twijfel;
  if (besluit.type === 'tariefbeschikking') termijn.adressaat = adressaatVan(besluit);
  const ref = { termijn, berekend };
  stand.termijnen.push(ref);
  return ref;
}

/**
 * A beroep term against the contracteerruimte. Statutory terms (lid 2, lid 3) count for lid 4 (§6); possibly fatal dates
 * and precautions do not close beroep (§4, §6), nor does a lid-3 window computed only for its doubt (§7).
 */
function voegBeroepstermijnToe(
  stand: Stand,
  besluit: Besluit,
  berekend: BerekendeTermijn,
  regel: Exclude<TermijnRegel, 'awb-bezwaar'>,
  partij: Partij | undefined,
  twijfel: string | undefined,
  telt = true,
  extra: Partial<Termijn> = {},
): RefTermijn {
  const ref = maakTermijn(stand, besluit, berekend, regel, partij, twijfel, extra);
  if (telt && (regel === 'art-105-lid-2' || regel === 'art-105-lid-3')) {
    stand.laatsteEindeWettelijk = later(stand.laatsteEindeWettelijk, berekend.einde);
    if (partij) partij.laatsteEinde = later(partij.laatsteEinde, berekend.einde);
    else stand.laatsteEindeVenster = later(stand.laatsteEindeVenster, berekend.einde);
  }
  return ref;
}

function voegUitsluitingToe(
  stand: Stand,
  besluit: Besluit,
  velden: Omit<Uitsluiting, 'besluit' | 'regio' | 'jaar' | 'tegen' | 'besluitType' | 'bekendgemaakt'>,
  extra: Partial<RefUitsluiting> = {},
): void {
  const { regio, jaar } = stand.regioJaar;
  const uitsluiting: Uitsluiting = {
    besluit: besluit.id,
    tegen: 'contracteerruimte',
    regio,
    jaar,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
    ...velden,
  };
  stand.uitsluitingen.push({ uitsluiting, ...extra });
}

function voegTwijfelToe(ref: RefTermijn, twijfel: string): void {
  ref.termijn.twijfel = tekst.voegTwijfelsSamen(ref.termijn.twijfel, twijfel);
}

/** §8: an oud-regime exclusion; near the boundary (the new regime's term runs past the entry into force) with its doubt. */
function overgangsrecht_par8(stand: Stand, besluit: Besluit, partij: string | undefined, nieuw: BerekendeTermijn | undefined): void {
  const inwerkingtreding = stand.config.inwerkingtreding!;
  const { regio, jaar } = stand.regioJaar;
  const alsToch = nieuw && nieuw.einde >= inwerkingtreding ? nieuw : undefined;
  const velden: Parameters<typeof voegUitsluitingToe>[2] = {
    rechtsmiddel: 'beroep',
    reden: 'oud-regime',
    grondslag: ['art. 105 Wmg (oud)', 'art. 8:1 Awb'],
    toelichting: tekst.toelichtingOudRegime(besluit, regio, jaar, inwerkingtreding),
  };
  if (partij !== undefined) velden.partij = partij;
  if (alsToch) {
    const venster = alsToch.aanvang > addDagen(besluit.bekendgemaakt, 1);
    velden.twijfel = tekst.twijfelOudRegime(besluit, inwerkingtreding, venster, alsToch.aanvang >= inwerkingtreding, alsToch.einde);
    velden.eindeAlsToch = alsToch.einde;
  }
  voegUitsluitingToe(stand, besluit, velden, alsToch ? { alsToch } : {});
}

/** The zorgkantoren asked for in the region, once per time asked (engine's choice), other than `adressaat`. */
function gevraagdeZorgkantoren(stand: Stand, adressaat: string): Partij[] {
  const zorgkantoren: Partij[] = [];
  for (const g of stand.regioJaar.gevraagd) if (g.soort === 'zorgkantoor' && g.partij !== adressaat) zorgkantoren.push(vindPartij(stand, g.partij)!);
  return zorgkantoren;
}

/** §6, art. 105 lid 4 Wmg: since when the contracteerruimte is onherroepelijk for `partij` on `datum`, if it is. */
function onherroepelijkSinds_art105lid4(stand: Stand, partij: Partij, datum: IsoDatum): IsoDatum | undefined {
  // Every term that opened for the party: its own and the region's lid-3 windows (open to every party).
  const laatste = later(partij.laatsteEinde, stand.laatsteEindeVenster);
  if (laatste === undefined || laatste >= datum) return undefined;
  let sinds = addDagen(laatste, 1);
  for (const beroep of stand.regioJaar.beroepen) {
    if (beroep.partij !== partij.naam) continue;
    if (isLopend(beroep, datum)) return undefined;
    // The party's beroep has ended: onherroepelijk from the uitspraak (no hoger beroep).
    if (beroep.afgerond !== null && beroep.afgerond <= datum && beroep.afgerond > sinds) sinds = beroep.afgerond;
  }
  return sinds;
}

/** §4, art. 105 lid 2 Wmg: a tariefbeschikking with productieafspraken opens beroep for `partij` — or lid 4 closes it. */
function lid2TermijnViaTariefbeschikking(stand: Stand, tb: Tariefbeschikking, partij: Partij, berekend: BerekendeTermijn, zorgkantoor: boolean): void {
  const sinds = onherroepelijkSinds_art105lid4(stand, partij, tb.bekendgemaakt);
  if (sinds !== undefined) {
    // §6: a newcomer after a lid-3 window was no belanghebbende while it ran (art. 1:2 Awb): its term, with the doubt.
    const eersteInRegio = stand.regioJaar.aanbiedersInRegio.find((a) => a.partij === partij.naam)?.eerste;
    const venster = stand.laatsteEindeVenster;
    if (partij.laatsteEinde === undefined && venster !== undefined && eersteInRegio !== undefined && eersteInRegio > venster) {
      voegBeroepstermijnToe(
        stand,
        tb,
        berekend,
        'art-105-lid-2',
        partij,
        tekst.voegTwijfelsSamen(tekst.twijfelNieuwkomer(stand.regioJaar.regio, venster), stand.twijfelRegime),
      );
      return;
    }
    // §6: onherroepelijk stays onherroepelijk; the exclusion carries what would change it and the date it would end.
    lid4Onherroepelijkheid_art105lid4(stand, tb, partij, sinds, berekend, zorgkantoor);
    return;
  }
  // §6: a party that never had a term while every other statutory term ended (and nothing is pending).
  const nooitEenTermijn =
    stand.laatsteEindeVenster === undefined &&
    partij.laatsteEinde === undefined &&
    stand.laatsteEindeWettelijk !== undefined &&
    stand.laatsteEindeWettelijk < tb.bekendgemaakt &&
    !stand.regioJaar.beroepen.some((b) => isLopend(b, tb.bekendgemaakt));
  const twijfel = tekst.voegTwijfelsSamen(
    zorgkantoor ? tekst.ZORGKANTOOR_TERMIJN : undefined,
    nooitEenTermijn ? tekst.NOOIT_EEN_TERMIJN : undefined,
    stand.twijfelRegime,
  );
  voegBeroepstermijnToe(stand, tb, berekend, 'art-105-lid-2', partij, twijfel);
}

/** §6, art. 105 lid 4 Wmg: no new beroep for a party for whom the contracteerruimte is onherroepelijk (an exclusion). */
function lid4Onherroepelijkheid_art105lid4(
  stand: Stand,
  tb: Tariefbeschikking,
  partij: Partij,
  sinds: IsoDatum,
  berekend: BerekendeTermijn,
  zorgkantoor: boolean,
): void {
  const { regio, jaar } = stand.regioJaar;
  const twijfel = tekst.twijfelLid4(regio, jaar, partij.naam, sinds, tb.id, berekend.einde, stand.config.inwerkingtreding === undefined, zorgkantoor);
  voegUitsluitingToe(
    stand,
    tb,
    {
      rechtsmiddel: 'beroep',
      partij: partij.naam,
      reden: 'onherroepelijk',
      grondslag: ['art. 105 lid 4 Wmg'],
      toelichting: tekst.toelichtingLid4(regio, jaar, partij.naam, sinds, tb.id),
      twijfel,
      eindeAlsToch: berekend.einde,
    },
    { lid4Twijfel: twijfel },
  );
}

/** §4: nacalculatie, sluittarief and vereffening open no beroep against the contracteerruimte (the sluittarief expressly). */
function sluittariefEnNacalculatie_art105lid2(stand: Stand, tb: Tariefbeschikking, partij: string, berekend: BerekendeTermijn): void {
  const { regio, jaar } = stand.regioJaar;
  if (tb.soort === 'sluittarief') {
    // Lid 2, last sentence: the law names it, so no doubt.
    voegUitsluitingToe(stand, tb, {
      rechtsmiddel: 'beroep',
      partij,
      reden: 'sluittarief-nacalculatie',
      grondslag: ['art. 105 lid 2 Wmg'],
      toelichting: tekst.toelichtingSluittarief(tb.id, regio, jaar),
    });
    return;
  }
  voegUitsluitingToe(stand, tb, {
    rechtsmiddel: 'beroep',
    partij,
    reden: 'geen-productieafspraken',
    grondslag: ['art. 105 lid 2 Wmg'],
    toelichting: tekst.toelichtingGeenProductieafspraken(tb, regio, jaar),
    twijfel: tekst.twijfelGeenProductieafspraken(berekend.einde),
    eindeAlsToch: berekend.einde,
  });
}

/** A tariefbeschikking: bezwaar against itself (§4, 6:7), and beroep against the contracteerruimte via lid 2 — or why not. */
function verwerkTariefbeschikking(stand: Stand, tb: Tariefbeschikking): void {
  const { kalender } = stand.config;
  const adressaat = adressaatVan(tb);
  const berekend = basistermijn_art6_7_6_8Awb(tb.bekendgemaakt, kalender);
  // Art. 6:7 and 6:8 Awb: bezwaar against the tariefbeschikking itself, whatever the rest of the rules say.
  maakTermijn(stand, tb, berekend, 'awb-bezwaar', { naam: adressaat, soort: 'zorgaanbieder' }, undefined);
  // The MvT assumes a zorgkantoor may make bezwaar too: a term with the doubt.
  for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) {
    maakTermijn(stand, tb, berekend, 'awb-bezwaar', { naam: zorgkantoor.naam, soort: 'zorgkantoor' }, tekst.ZORGKANTOOR_BEZWAAR);
  }
  voegPartijToe(stand, adressaat, 'zorgaanbieder');
  const partij = vindPartij(stand, adressaat)!;

  if (isOudRegime_par8(tb.bekendgemaakt, stand.config)) {
    // §8: six weeks that run past the entry into force may still be a term of the new regime (a sluittarief never opens one).
    const nieuw = tb.soort === 'sluittarief' ? undefined : berekend;
    overgangsrecht_par8(stand, tb, adressaat, nieuw);
    for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) overgangsrecht_par8(stand, tb, zorgkantoor.naam, nieuw);
    return;
  }
  if (!heeftProductieafspraken_art105lid2(tb.soort)) {
    sluittariefEnNacalculatie_art105lid2(stand, tb, adressaat, berekend);
    for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) sluittariefEnNacalculatie_art105lid2(stand, tb, zorgkantoor.naam, berekend);
    return;
  }
  // §5: made known after the besluit that opened a lid-3 window, before its 1 March: both terms carry the doubt.
  const venster = stand.venster;
  const voorMaart = venster !== undefined && tb.bekendgemaakt < venster.termijn.berekend.aanvang;
  if (venster && voorMaart && !venster.gemarkeerd) {
    const { regio, jaar } = stand.regioJaar;
    voegTwijfelToe(venster.termijn, tekst.twijfelVensterTariefbeschikkingVoorMaart(regio, jaar, tb.bekendgemaakt, venster.termijn.berekend.aanvang));
    venster.gemarkeerd = true;
  }
  const eerste = stand.termijnen.length;
  lid2TermijnViaTariefbeschikking(stand, tb, partij, berekend, false);
  // §4: whether each tariefbeschikking in the region opens a term for the zorgkantoor is not settled: computed, with the doubt.
  for (const zorgkantoor of gevraagdeZorgkantoren(stand, adressaat)) lid2TermijnViaTariefbeschikking(stand, tb, zorgkantoor, berekend, true);
  if (venster && voorMaart) {
    const { regio, jaar } = stand.regioJaar;
    for (const ref of stand.termijnen.slice(eerste)) voegTwijfelToe(ref, tekst.twijfelLid2VoorMaart(regio, jaar, venster.termijn.berekend.aanvang));
  }
}

/** §5, art. 105 lid 3 Wmg: the window for a future year with no tariefbeschikking at the bekendmaking (or the doubtful one). */
function lid3Voorjaarsvenster_art105lid3(stand: Stand, besluit: Contracteerruimtebesluit, metTwijfelNaTariefbeschikking: boolean): void {
  const { regio, jaar } = stand.regioJaar;
  const berekend = lid3Venster_art105lid3Wmg(jaarVan(besluit.bekendgemaakt), stand.config.kalender);
  const zelfdeDag = stand.eersteTariefbeschikking === besluit.bekendgemaakt;
  let twijfel: string | undefined;
  if (zelfdeDag) twijfel = tekst.twijfelLid3ZelfdeDag(regio, jaar);
  else if (metTwijfelNaTariefbeschikking) twijfel = describeTwijfelLid3NaTariefbeschikking(`${regio} ${jaar}`, stand.eersteTariefbeschikking!);
  twijfel = tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime);
  if (metTwijfelNaTariefbeschikking) {
    // §7: kept with its doubt, never dropped; it does not count as a term that opened (lid 4).
    voegBeroepstermijnToe(stand, besluit, berekend, 'art-105-lid-3', undefined, twijfel, false, { tariefbeschikkingVooraf: stand.eersteTariefbeschikking! });
    return;
  }
  const ref = voegBeroepstermijnToe(stand, besluit, berekend, 'art-105-lid-3', undefined, twijfel);
  // A same-day tariefbeschikking is said already; one before 1 March adds its doubt when it comes.
  stand.venster = { termijn: ref, gemarkeerd: zelfdeDag };
}

/** A contracteerruimtebesluit: a new version of (regio, jaar) with its terms (§4, §5, §6, §8). */
function verwerkContracteerruimtebesluit(stand: Stand, besluit: Contracteerruimtebesluit): void {
  const { regio, jaar, gevraagd } = stand.regioJaar;
  const { kalender } = stand.config;
  // §6: an amendment makes beroep possible again: what closed the previous version no longer counts.
  stand.versie += 1;
  stand.laatsteEindeVenster = undefined;
  stand.laatsteEindeWettelijk = undefined;
  for (const p of stand.partijen) p.laatsteEinde = undefined;
  stand.venster = undefined;
  const datum = besluit.bekendgemaakt;
  const bekendmakingsjaar = jaarVan(datum);
  const toekomstigJaar = jaar > bekendmakingsjaar;
  const alTariefbeschikking = stand.eersteTariefbeschikking !== undefined && stand.eersteTariefbeschikking < datum;
  const lid3 = toekomstigJaar && !alTariefbeschikking;
  if (isOudRegime_par8(datum, stand.config)) {
    overgangsrecht_par8(stand, besluit, undefined, lid3 ? lid3Venster_art105lid3Wmg(bekendmakingsjaar, kalender) : basistermijn_art6_7_6_8Awb(datum, kalender));
    return;
  }
  // §4: no bezwaar against a contracteerruimtebesluit, only direct beroep (art. 7:1 Awb, Bijlage 1).
  voegUitsluitingToe(stand, besluit, {
    rechtsmiddel: 'bezwaar',
    reden: 'geen-bezwaar-tegen-contracteerruimte',
    grondslag: ['art. 7:1 Awb', 'Bijlage 1 Awb'],
    toelichting: tekst.toelichtingGeenBezwaar(besluit.id),
  });
  // §5/§7: a future year whose first vaststelling comes after a tariefbeschikking for it: lid 3 asks that none was
  // issued, yet none can rest on this besluit: the window is computed too, with that doubt.
  const lid3Twijfelachtig = toekomstigJaar && alTariefbeschikking && stand.versie === 1 && besluit.soort === 'vaststelling';
  if (lid3 || lid3Twijfelachtig) lid3Voorjaarsvenster_art105lid3(stand, besluit, lid3Twijfelachtig);

  // §4: a year that is not future, no tariefbeschikking for it yet (one of the same day opens its own lid-2 term).
  const zonderTariefbeschikking = !toekomstigJaar && !alTariefbeschikking && stand.eersteTariefbeschikking !== datum;
  const zesWeken = basistermijn_art6_7_6_8Awb(datum, kalender);
  if (zonderTariefbeschikking) {
    // Every provider with an earlier tariefbeschikking in the region is a party; also one that became a party on the day
    // or while the six weeks ran — unless through a tariefbeschikking for this very year, which decides the year for it.
    for (const aanbieder of stand.regioJaar.aanbiedersInRegio) {
      if (aanbieder.eerste > zesWeken.einde) continue;
      const viaDitJaar = stand.regioJaar.besluiten.some(
        (b) => b.type === 'tariefbeschikking' && adressaatVan(b) === aanbieder.partij && b.bekendgemaakt === aanbieder.eerste,
      );
      if (aanbieder.eerste >= datum && viaDitJaar) continue;
      voegPartijToe(stand, aanbieder.partij, 'zorgaanbieder');
    }
  }
  // An appellant whose beroep is pending is a party of this year, also without a tariefbeschikking.
  for (const beroep of stand.regioJaar.beroepen) {
    if (isLopend(beroep, datum)) voegPartijToe(stand, beroep.partij, gevraagd.find((g) => g.partij === beroep.partij)?.soort ?? 'zorgaanbieder');
  }
  if (zonderTariefbeschikking && (stand.partijen.length === 0 || !gevraagd.some((g) => g.soort === 'zorgkantoor'))) {
    // §4: no party known, or the zorgkantoor not named: one date for the region, open to every party (never a party without a date).
    const twijfel = tekst.twijfelZonderTariefbeschikking(besluit, regio, jaar, 'regio', stand.partijen.length === 0);
    voegBeroepstermijnToe(stand, besluit, zesWeken, 'besluit-zonder-tariefbeschikking', undefined, tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime));
  }
  for (const partij of stand.partijen) {
    const lopend = stand.regioJaar.beroepen.find((b) => b.partij === partij.naam && b.tegen !== besluit.id && isLopend(b, datum));
    if (lopend) {
      voorzorg_art6_19Awb(stand, besluit, partij, lopend, zesWeken);
    } else if (!lid3 && alTariefbeschikking) {
      wijzigingZonderTariefbeschikking_art105lid4(stand, besluit, partij, zesWeken);
    } else if (zonderTariefbeschikking) {
      besluitZonderTariefbeschikking_par4(stand, besluit, partij, zesWeken);
    }
  }
}

/** §6, art. 6:19 Awb: a pending beroep extends to the new besluit; a letter with gronden by this date, as a precaution. */
function voorzorg_art6_19Awb(stand: Stand, besluit: Contracteerruimtebesluit, partij: Partij, lopend: BeroepMetPartij, zesWeken: BerekendeTermijn): void {
  const twijfel = tekst.twijfelVoorzorg619(partij.naam, lopend.ingesteld, besluit.id);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'art-6-19-voorzorg', partij, twijfel, true, { beroepIngesteld: lopend.ingesteld });
}

/** §6: amended after tariefbeschikkingen, no gewijzigde tariefbeschikking (yet): six weeks from the besluit, possibly fatal. */
function wijzigingZonderTariefbeschikking_art105lid4(stand: Stand, besluit: Contracteerruimtebesluit, partij: Partij, zesWeken: BerekendeTermijn): void {
  const twijfel = tekst.voegTwijfelsSamen(tekst.twijfelNaWijziging(besluit, partij.soort === 'zorgkantoor'), stand.twijfelRegime);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'wijziging-zonder-tariefbeschikking', partij, twijfel);
}

/** §4: a year that is not future with no tariefbeschikking yet: six weeks from the besluit, possibly fatal, per party. */
function besluitZonderTariefbeschikking_par4(stand: Stand, besluit: Contracteerruimtebesluit, partij: Partij, zesWeken: BerekendeTermijn): void {
  const { regio, jaar } = stand.regioJaar;
  const twijfel = tekst.twijfelZonderTariefbeschikking(besluit, regio, jaar, partij.soort, false);
  voegBeroepstermijnToe(stand, besluit, zesWeken, 'besluit-zonder-tariefbeschikking', partij, tekst.voegTwijfelsSamen(twijfel, stand.twijfelRegime));
}

/** §6: after an amendment, the gewijzigde tariefbeschikking to the party that did follow under the same version (its own term). */
function gevolgdDoorTariefbeschikking(regioJaar: RegioJaar, versie: number, partij: string): Termijn['gevolgdDoorTariefbeschikking'] {
  let v = 0;
  for (const b of regioJaar.besluiten) {
    if (b.type === 'contracteerruimte') v += 1;
    else if (v === versie && heeftProductieafspraken_art105lid2(b.soort) && adressaatVan(b) === partij)
      return { besluit: b.id, bekendgemaakt: b.bekendgemaakt };
  }
  return undefined;
}

function rekenRegioJaar(regioJaar: RegioJaar, config: TermijnConfig): RegioJaarUitkomst {
  const stand: Stand = {
    regioJaar,
    config,
    twijfelRegime: config.inwerkingtreding === undefined ? TWIJFEL_INWERKINGTREDING : undefined,
    versie: 0,
    partijen: [],
    termijnen: [],
    uitsluitingen: [],
  };
  // The parties asked for come first; one asked twice keeps its first place and its last kind (engine's choice).
  for (const g of regioJaar.gevraagd) {
    const bekend = vindPartij(stand, g.partij);
    if (bekend) bekend.soort = g.soort;
    else stand.partijen.push({ naam: g.partij, soort: g.soort });
  }
  stand.eersteTariefbeschikking = regioJaar.besluiten.find((b) => b.type === 'tariefbeschikking')?.bekendgemaakt;
  for (const besluit of regioJaar.besluiten) {
    if (besluit.type === 'contracteerruimte') verwerkContracteerruimtebesluit(stand, besluit);
    else verwerkTariefbeschikking(stand, besluit);
  }
  for (const ref of stand.termijnen) {
    if (ref.termijn.regel === 'wijziging-zonder-tariefbeschikking') {
      const gevolgd = gevolgdDoorTariefbeschikking(regioJaar, ref.termijn.versie, ref.termijn.partij!);
      if (gevolgd) ref.termijn.gevolgdDoorTariefbeschikking = gevolgd;
    }
  }
  return { regioJaar, termijnen: stand.termijnen, uitsluitingen: stand.uitsluitingen };
}

// ---------------------------------------------------------------------------------------------------------------
// §6: the status per party and per (regio, jaar) at the peildatum
// ---------------------------------------------------------------------------------------------------------------

/** A term as a status reads it (a term of the year, or the new-regime date of an oud-regime exclusion, §8). */
interface StatusTermijn {
  aanvang: IsoDatum;
  einde: IsoDatum;
  soort: Termijn['soort'];
  versie: number;
  twijfel: string | undefined;
}

interface Peilcontext {
  regio: string;
  jaar: number;
  peildatum: IsoDatum;
  versie: number;
  huidige: Contracteerruimtebesluit | undefined;
  oudRegime: boolean;
  inwerkingtreding: IsoDatum | undefined;
  wachtOpGewijzigdeTariefbeschikking: boolean;
}

/**
 * §6: the state of beroep against the contracteerruimte at the peildatum, for one party (`partij`) or for the region-year,
 * from the terms that count (oldest first) and the beroepen of that party (or of everyone).
 */
export function statusOpPeildatum_art105lid4(termijnen: StatusTermijn[], beroepen: Beroep[], context: Peilcontext, partij?: string): RegioJaarStatus {
  const { regio, jaar, peildatum } = context;
  const nogNietVerstreken = termijnen.filter((t) => t.einde >= peildatum);
  const geopend = nogNietVerstreken.filter((t) => t.aanvang <= peildatum);
  // §7: the earliest last day of the running terms is the safe date.
  const veilig = geopend.length > 0 ? nogNietVerstreken.map((t) => t.einde).sort()[0] : undefined;

  // The doubts of the running terms, each once in the order of the terms (the unknown entry into force is said on every
  // page already); then the amendment's (engine's choice).
  const twijfels: string[] = [];
  for (const t of nogNietVerstreken) {
    for (const deel of (t.twijfel ?? '').split(tekst.ALINEA)) {
      const alinea = deel.trim();
      if (alinea !== '' && alinea !== TWIJFEL_INWERKINGTREDING && !twijfels.includes(alinea)) twijfels.push(alinea);
    }
  }
  if (nogNietVerstreken.some((t) => t.versie < context.versie) && context.huidige) {
    const wijziging = statusTekst.twijfelTegenEerdereVersie(context.huidige.id);
    if (!twijfels.includes(wijziging)) twijfels.push(wijziging);
  }
  const twijfel = twijfels.length > 0 ? twijfels.join(tekst.ALINEA) : undefined;

  const lopend = beroepen.filter((b) => isLopend(b, peildatum));
  if (lopend.length > 0) {
    const eersteIngesteld = lopend.map((b) => b.ingesteld).sort()[0]!;
    const status: RegioJaarStatus = { regio, jaar, status: 'in-beroep', toelichting: statusTekst.toelichtingInBeroep(eersteIngesteld, veilig) };
    if (veilig) status.veiligeUitersteDatum = veilig;
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (veilig) {
    const eindes = [...new Set(nogNietVerstreken.map((t) => t.einde))].sort();
    const status: RegioJaarStatus = {
      regio,
      jaar,
      status: 'open',
      veiligeUitersteDatum: veilig,
      toelichting: statusTekst.toelichtingOpen(veilig, eindes, partij !== undefined),
    };
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (nogNietVerstreken.length > 0) {
    // §5: a lid-3 window that has not opened yet.
    const opent = nogNietVerstreken.map((t) => t.aanvang).sort()[0]!;
    const status: RegioJaarStatus = { regio, jaar, status: 'nog-niet-open', opent, toelichting: statusTekst.toelichtingNogNietOpenVenster(opent) };
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (termijnen.length > 0) {
    // Onherroepelijk: the day after the last day — or the uitspraak, when a beroep ended later.
    const laatsteDag = termijnen.map((t) => t.einde).sort()[termijnen.length - 1]!;
    const dagNaLaatsteDag = addDagen(laatsteDag, 1);
    let sinds = dagNaLaatsteDag;
    for (const b of beroepen) if (b.afgerond !== null && b.afgerond <= peildatum && b.afgerond > sinds) sinds = b.afgerond;
    // §6, art. 6:9 lid 2 Awb: only while the last day closed it, for the postal week.
    const uiterlijk = perPostUiterlijk_art6_9Awb(laatsteDag);
    const perPost = sinds === dagNaLaatsteDag && peildatum <= uiterlijk;
    const status: RegioJaarStatus = {
      regio,
      jaar,
      status: 'onherroepelijk',
      sinds,
      toelichting: statusTekst.toelichtingOnherroepelijk(sinds, partij, perPost ? { laatsteDag, uiterlijk } : undefined),
    };
    if (perPost) status.perPostUiterlijkOntvangen = uiterlijk;
    if (termijnen.every((t) => t.soort === 'beschermend')) {
      status.twijfel = statusTekst.twijfelAlleenBeschermend(context.wachtOpGewijzigdeTariefbeschikking, context.huidige?.soort, context.huidige?.id);
    }
    return status;
  }
  const status: RegioJaarStatus = {
    regio,
    jaar,
    status: 'nog-niet-open',
    toelichting: statusTekst.toelichtingWachten(
      context.oudRegime,
      context.inwerkingtreding,
      context.wachtOpGewijzigdeTariefbeschikking,
      context.huidige?.soort,
      context.huidige?.id,
    ),
  };
  if (context.oudRegime) status.oudRegime = true;
  return status;
}

/** The status of one (regio, jaar) and of each of its parties at the peildatum (§6). */
function statussenVanRegioJaar(
  uitkomst: RegioJaarUitkomst,
  peildatum: IsoDatum,
  config: TermijnConfig,
): { status: RegioJaarStatus; partijStatus: PartijStatus[] } {
  const { regioJaar } = uitkomst;
  const bekend = (b: { bekendgemaakt: IsoDatum }) => b.bekendgemaakt <= peildatum;
  // The version in force at the peildatum, and what was known by then.
  const versies = regioJaar.besluiten.filter((b): b is Contracteerruimtebesluit => b.type === 'contracteerruimte' && bekend(b));
  const huidige = versies[versies.length - 1];
  const versie = versies.length;
  const eersteTariefbeschikking = regioJaar.besluiten.find((b) => b.type === 'tariefbeschikking')?.bekendgemaakt;
  const context: Peilcontext = {
    regio: regioJaar.regio,
    jaar: regioJaar.jaar,
    peildatum,
    versie,
    huidige,
    oudRegime: huidige !== undefined && isOudRegime_par8(huidige.bekendgemaakt, config),
    inwerkingtreding: config.inwerkingtreding,
    wachtOpGewijzigdeTariefbeschikking:
      huidige !== undefined && eersteTariefbeschikking !== undefined && eersteTariefbeschikking <= peildatum && huidige.bekendgemaakt > eersteTariefbeschikking,
  };
  // The beroep terms that count: against the version in force; or against an earlier one while they still ran when the
  // amendment came (§7: an amendment never silently moves a safe date later).
  const gelden = (t: Termijn) =>
    t.rechtsmiddel === 'beroep' && bekend(t) && (t.versie === versie || (huidige !== undefined && t.versie < versie && t.einde >= huidige.bekendgemaakt));
  const geldend = uitkomst.termijnen.map((r) => r.termijn).filter(gelden);
  // §8: the new-regime date of an oud-regime exclusion counts while it runs, as a date that may be the fatal one.
  const oudRegimeDatums = uitkomst.uitsluitingen
    .filter((u) => u.alsToch !== undefined && bekend(u.uitsluiting) && u.alsToch.einde >= peildatum)
    .map((u) => ({
      partij: u.uitsluiting.partij,
      termijn: { aanvang: u.alsToch!.aanvang, einde: u.alsToch!.einde, soort: 'beschermend' as const, versie, twijfel: u.uitsluiting.twijfel },
    }));
  const alsStatusTermijn = (t: Termijn): StatusTermijn => ({ aanvang: t.aanvang, einde: t.einde, soort: t.soort, versie: t.versie, twijfel: t.twijfel });

  const partijStatus: PartijStatus[] = [];
  // The parties at the peildatum: asked for, addressed by a tariefbeschikking, appellants, and those a date names.
  const namen = new Set<string>();
  for (const g of regioJaar.gevraagd) namen.add(g.partij);
  for (const b of regioJaar.besluiten) if (b.type === 'tariefbeschikking' && bekend(b)) namen.add(adressaatVan(b));
  for (const b of regioJaar.beroepen) if (b.ingesteld <= peildatum) namen.add(b.partij);
  for (const r of uitkomst.termijnen)
    if (r.termijn.rechtsmiddel === 'beroep' && r.termijn.partij !== undefined && bekend(r.termijn)) namen.add(r.termijn.partij);
  for (const naam of [...namen].sort(vergelijk)) {
    // §6: the region's windows (open to every party that was belanghebbende) and its own terms.
    const eigen = [...geldend.filter((t) => t.partij === undefined), ...geldend.filter((t) => t.partij === naam)].map(alsStatusTermijn);
    for (const d of oudRegimeDatums) if (d.partij === undefined || d.partij === naam) eigen.push(d.termijn);
    const status = statusOpPeildatum_art105lid4(
      eigen,
      regioJaar.beroepen.filter((b) => b.partij === naam),
      context,
      naam,
    );
    // §6: a lid-4 exclusion could be wrong (an amendment not registered): the party's status says so too.
    const lid4 = uitkomst.uitsluitingen.filter((u) => u.lid4Twijfel !== undefined && u.uitsluiting.partij === naam && bekend(u.uitsluiting));
    if (status.status === 'onherroepelijk' && lid4.length > 0 && !status.twijfel) status.twijfel = lid4[lid4.length - 1]!.lid4Twijfel;
    partijStatus.push({ partij: naam, ...status });
  }

  const alle = [...geldend.map(alsStatusTermijn), ...oudRegimeDatums.map((d) => d.termijn)];
  const status = statusOpPeildatum_art105lid4(alle, regioJaar.beroepen, context);
  // Art. 6:9 lid 2 Awb: while a party's posted beroep may still arrive, the region-year says so too.
  if (status.status === 'onherroepelijk' && !status.perPostUiterlijkOntvangen) {
    const perPost = partijStatus.map((p) => p.perPostUiterlijkOntvangen).filter((d): d is IsoDatum => d !== undefined);
    const laatsteDag = alle.map((t) => t.einde).sort()[alle.length - 1]!;
    if (perPost.length > 0 && peildatum <= perPostUiterlijk_art6_9Awb(laatsteDag)) {
      const uiterlijk = perPost.sort()[perPost.length - 1]!;
      status.perPostUiterlijkOntvangen = uiterlijk;
      status.toelichting += statusTekst.postNootRegio(uiterlijk);
    }
  }
  return { status, partijStatus };
}

// ---------------------------------------------------------------------------------------------------------------
// §3, §7, §8: the warnings
// ---------------------------------------------------------------------------------------------------------------

/** §7: a beroep filed before the besluit it is against (6:10), or before its term began — unless saved by art. 6:19. */
function beroepWaarschuwingen_art6_10Awb(beroep: Beroep, invoer: TermijnInvoer, uitkomsten: RegioJaarUitkomst[]): Waarschuwing[] {
  const tegen = invoer.besluiten.find((b) => b.id === beroep.tegen)!;
  const regio = beroep.regio ?? tegen.regio;
  const versies = invoer.besluiten
    .filter((b) => b.type === 'contracteerruimte' && b.regio === regio && b.jaren.includes(beroep.jaar))
    .sort((a, b) => vergelijk(a.bekendgemaakt, b.bekendgemaakt));
  // The contracteerruimtebesluit the beroep is against: `tegen` itself, or the version in force when the tariefbeschikking came.
  let contracteerruimte: Besluit | undefined;
  if (tegen.type === 'contracteerruimte') contracteerruimte = tegen;
  else for (const v of versies) if (v.bekendgemaakt <= tegen.bekendgemaakt) contracteerruimte = v;

  if (contracteerruimte && beroep.ingesteld < contracteerruimte.bekendgemaakt) {
    // Filed in time against an earlier version and still pending when this one came: extended by art. 6:19 Awb, not early.
    const lopendToen = beroep.afgerond === null || beroep.afgerond >= contracteerruimte.bekendgemaakt;
    if (
      lopendToen &&
      versies.some((v) => v.bekendgemaakt <= beroep.ingesteld) &&
      isTijdigTegenEerdereVersie(beroep, regio, contracteerruimte.bekendgemaakt, uitkomsten)
    ) {
      return [];
    }
    return [
      {
        code: 'beroep-voor-besluit',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepVoorBesluit(regio, beroep.jaar, beroep.ingesteld, contracteerruimte.id, contracteerruimte.bekendgemaakt),
      },
    ];
  }
  // The earliest statutory beroep term against `tegen` in the beroep's year (any region: engine's choice, spec silent).
  const aanvangen: IsoDatum[] = [];
  for (const u of uitkomsten) {
    for (const r of u.termijnen) {
      const t = r.termijn;
      if (t.rechtsmiddel === 'beroep' && t.soort === 'termijn' && t.besluit === beroep.tegen && t.jaar === beroep.jaar) aanvangen.push(t.aanvang);
    }
  }
  const aanvang = aanvangen.sort()[0];
  if (aanvang !== undefined && beroep.ingesteld < aanvang) {
    return [
      {
        code: 'beroep-voor-aanvang',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepVoorAanvang(beroep.tegen, beroep.jaar, beroep.ingesteld, aanvang, regio, contracteerruimte),
      },
    ];
  }
  return [];
}

/** Whether a beroep was filed while a beroep term of its party (or of the region) ran against a besluit made known before `voor`. */
function isTijdigTegenEerdereVersie(beroep: Beroep, regio: string, voor: IsoDatum, uitkomsten: RegioJaarUitkomst[]): boolean {
  const uitkomst = uitkomsten.find((u) => u.regioJaar.regio === regio && u.regioJaar.jaar === beroep.jaar);
  if (!uitkomst) return false;
  const besluit = uitkomst.regioJaar.besluiten.find((b) => b.id === beroep.tegen);
  const partij = beroep.partij ?? (besluit?.type === 'tariefbeschikking' ? adressaatVan(besluit) : undefined);
  return uitkomst.termijnen.some(({ termijn: t }) => {
    if (t.rechtsmiddel !== 'beroep' || t.bekendgemaakt > beroep.ingesteld || t.bekendgemaakt >= voor) return false;
    if (t.partij !== undefined && t.partij !== partij) return false;
    return t.einde >= beroep.ingesteld;
  });
}

// More decisions after the peildatum than this become one warning (engine's choice, spec silent).
const MAX_LOSSE_WAARSCHUWINGEN = 25;

/** §3, §7, §8: what the input or the reference data cannot tell — never a silent result. */
function waarschuwingen_par3_7_8(invoer: TermijnInvoer, config: TermijnConfig, uitkomsten: RegioJaarUitkomst[]): Waarschuwing[] {
  const { peildatum } = invoer;
  const waarschuwingen: Waarschuwing[] = [];
  // §8: the entry into force is not set.
  if (config.inwerkingtreding === undefined) waarschuwingen.push({ code: 'inwerkingtreding-onbekend', melding: statusTekst.MELDING_INWERKINGTREDING_ONBEKEND });
  // §3, art. 3 lid 3 Atw: a last day in a year no shipped KB covers may still move.
  const eindjaren = new Set<number>();
  for (const u of uitkomsten) for (const r of u.termijnen) eindjaren.add(jaarVan(r.termijn.einde));
  // The last day an exclusion's doubt advises filing by (`eindeAlsToch`) is a computed end date too.
  for (const u of uitkomsten) for (const r of u.uitsluitingen) if (r.uitsluiting.eindeAlsToch) eindjaren.add(jaarVan(r.uitsluiting.eindeAlsToch));
  for (const jaar of [...eindjaren].sort((a, b) => a - b)) {
    if (!config.kalender.isKbBekend(jaar)) waarschuwingen.push({ code: 'kb-onbekend', jaar, melding: statusTekst.meldingKbOnbekend(jaar) });
  }
  // §7: a bekendmaking after the peildatum.
  const inToekomst = invoer.besluiten.filter((b) => b.bekendgemaakt > peildatum);
  if (inToekomst.length > MAX_LOSSE_WAARSCHUWINGEN) {
    const eersteVijf = inToekomst.slice(0, 5).map((b) => b.id);
    waarschuwingen.push({ code: 'bekendmaking-in-toekomst', melding: statusTekst.meldingVeleBesluitenInToekomst(inToekomst.length, peildatum, eersteVijf) });
  } else {
    for (const b of inToekomst) {
      waarschuwingen.push({ code: 'bekendmaking-in-toekomst', besluit: b.id, melding: statusTekst.meldingBesluitInToekomst(b.id, b.bekendgemaakt, peildatum) });
    }
  }
  // §7: a tariefbeschikking for a year the region's contracteerruimtebesluiten do not cover (a region without any is not judged).
  const gedektPerRegio = new Map<string, Set<number>>();
  for (const c of invoer.besluiten) {
    if (c.type !== 'contracteerruimte') continue;
    if (!gedektPerRegio.has(c.regio)) gedektPerRegio.set(c.regio, new Set());
    for (const j of c.jaren) gedektPerRegio.get(c.regio)!.add(j);
  }
  for (const b of invoer.besluiten) {
    if (b.type !== 'tariefbeschikking') continue;
    const gedekt = gedektPerRegio.get(b.regio);
    if (gedekt && !gedekt.has(b.jaar)) {
      waarschuwingen.push({
        code: 'jaar-niet-gedekt',
        besluit: b.id,
        melding: statusTekst.meldingJaarNietGedekt(b.id, b.jaar, b.regio, [...gedekt].sort().join(', ')),
      });
    }
  }
  // §7: per beroep, one filed after the peildatum, and one filed too early.
  for (const beroep of invoer.beroepen) {
    if (beroep.ingesteld > peildatum) {
      waarschuwingen.push({
        code: 'beroep-in-toekomst',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepInToekomst(beroep.tegen, beroep.jaar, beroep.ingesteld),
      });
    }
    waarschuwingen.push(...beroepWaarschuwingen_art6_10Awb(beroep, invoer, uitkomsten));
  }
  return waarschuwingen;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole
// ---------------------------------------------------------------------------------------------------------------

/** Within a (regio, jaar): by bekendmaking, besluit, bezwaar before beroep, party (engine's choice, spec silent). */
function volgordeInRegioJaar(a: Termijn | Uitsluiting, b: Termijn | Uitsluiting): number {
  return (
    vergelijk(a.bekendgemaakt, b.bekendgemaakt) ||
    vergelijk(a.besluit, b.besluit) ||
    (a.rechtsmiddel === b.rechtsmiddel ? 0 : a.rechtsmiddel === 'bezwaar' ? -1 : 1) ||
    vergelijk(a.partij ?? '', b.partij ?? '')
  );
}

export function computeReferentie(invoer: TermijnInvoer, config: TermijnConfig): ReferentieUitkomst {
  controleerBereik_par3(invoer.besluiten);
  const uitkomsten = verdeelInRegioJaren(invoer).map((regioJaar) => rekenRegioJaar(regioJaar, config));
  // Terms by last day, then region and year, then their order within the year (engine's choice, spec silent).
  const alleTermijnen: RefTermijn[] = [];
  for (const u of uitkomsten) alleTermijnen.push(...u.termijnen);
  const gesorteerd = alleTermijnen.sort(
    (a, b) =>
      vergelijk(a.termijn.einde, b.termijn.einde) ||
      vergelijk(a.termijn.regio, b.termijn.regio) ||
      a.termijn.jaar - b.termijn.jaar ||
      volgordeInRegioJaar(a.termijn, b.termijn),
  );
  // Exclusions by region and year, then their order within the year.
  const uitsluitingen: Uitsluiting[] = [];
  for (const u of uitkomsten) uitsluitingen.push(...u.uitsluitingen.map((r) => r.uitsluiting).sort(volgordeInRegioJaar));
  const status: RegioJaarStatus[] = [];
  const partijStatus: PartijStatus[] = [];
  for (const u of uitkomsten) {
    const s = statussenVanRegioJaar(u, invoer.peildatum, config);
    status.push(s.status);
    partijStatus.push(...s.partijStatus);
  }
  return {
    termijnen: gesorteerd.map((r) => r.termijn),
    uitsluitingen,
    status,
    partijStatus,
    waarschuwingen: waarschuwingen_par3_7_8(invoer, config, uitkomsten),
    afleidingen: gesorteerd.map((r) => afleidingVan(r.termijn, r.berekend, config)),
  };
}
