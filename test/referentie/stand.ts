// The state of the walk over one (regio, jaar), termijnregels §4–§8, and the records it leaves: the parties, the terms
// and exclusions with the facts behind them, the current version and what closes it (§6), the lid-3 window (§5). And
// the bookkeeping every rule uses: adding a party, a term (with what its rule implies: its grondslag, §10, its soort,
// §4/§6, and its postal week, §9), an exclusion or a doubt. Which rule applies, with which dates and parties, is decided
// in the par* modules and wandeling.ts.
import type { IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Besluit } from '../../src/domain/besluiten/besluit';
import type { PartijSoort, Termijn, TermijnConfig, TermijnRegel, Uitsluiting } from '../../src/domain/termijnen/termijn';
import * as tekst from './teksten';
import { adressaatVan } from './gedeeld';
import { perPostUiterlijk_art6_9Awb, type BerekendeTermijn } from './basistermijn_par2_3';
import type { RegioJaar } from './regioJaren';

export interface Partij {
  naam: string;
  soort: PartijSoort;
  /** The latest last day of its own statutory terms against the current version of the contracteerruimte (§6). */
  laatsteEinde?: IsoDatum;
}

export interface RefTermijn {
  termijn: Termijn;
  berekend: BerekendeTermijn;
}

export interface RefUitsluiting {
  uitsluiting: Uitsluiting;
  /** For an oud-regime exclusion near the entry into force: the new regime's term, counted by a status while it runs (§8). */
  alsToch?: BerekendeTermijn;
  /** For a lid-4 exclusion: its doubt, which the party's status repeats (§6). */
  lid4Twijfel?: string;
}

export interface RegioJaarUitkomst {
  regioJaar: RegioJaar;
  /** In the order the rules were applied (the besluiten in order). */
  termijnen: RefTermijn[];
  uitsluitingen: RefUitsluiting[];
}

/** The state of the walk: what the besluiten so far have left for the next one. */
export interface Stand {
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

export function later(a: IsoDatum | undefined, b: IsoDatum | undefined): IsoDatum | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

export function vindPartij(stand: Stand, naam: string): Partij | undefined {
  return stand.partijen.find((p) => p.naam === naam);
}

export function voegPartijToe(stand: Stand, naam: string, soort: PartijSoort): void {
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
export function maakTermijn(
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
export function voegBeroepstermijnToe(
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

export function voegUitsluitingToe(
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

export function voegTwijfelToe(ref: RefTermijn, twijfel: string): void {
  ref.termijn.twijfel = tekst.voegTwijfelsSamen(ref.termijn.twijfel, twijfel);
}

/** The zorgkantoren asked for in the region, once per time asked (engine's choice), other than `adressaat`. */
export function gevraagdeZorgkantoren(stand: Stand, adressaat: string): Partij[] {
  const zorgkantoren: Partij[] = [];
  for (const g of stand.regioJaar.gevraagd) if (g.soort === 'zorgkantoor' && g.partij !== adressaat) zorgkantoren.push(vindPartij(stand, g.partij)!);
  return zorgkantoren;
}
