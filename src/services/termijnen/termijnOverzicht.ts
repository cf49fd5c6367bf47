import { addDagen, dagenTussen, toDagnummer, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { orderByGetalSleutel } from '../../domain/termijnen/volgorde';
import type { Rechtsmiddel, Termijn, Uitsluiting } from '../../domain/termijnen/termijn';
import { afgeleid, afgeleidPerRevisie, type BerekendOverzicht } from './termijnService';
import { findEersteVanaf, findTermijn } from './termijnKolommen';
import { toWeergaveTermijn, type WeergaveTermijn } from './termijnWeergave';

export type Urgentie = 'verlopen' | 'kritiek' | 'binnenkort' | 'normaal';

export interface OverzichtRegel {
  termijn: WeergaveTermijn;
  dagenOver: number;
  urgentie: Urgentie;
  /** The term starts after the peildatum (e.g. an art. 105 lid 3 window from 1 March): listed, but not open yet. */
  nogNietOpen: boolean;
  zorgaanbieder?: string;
  tariefbeschikkingId?: number;
  /** For a shared art. 105 lid 3 window: how many (regio, jaar) cells it covers. */
  gedeeldVenster?: { regios: number; jaren: number[]; besluiten: string[] };
}

/** The zorgaanbieder filter matches a part of the name, in any case. */
export function matchZorgaanbieder(naam: string | undefined, zoek: string): boolean {
  return naam !== undefined && naam.toLocaleLowerCase('nl').includes(zoek.toLocaleLowerCase('nl'));
}

export interface OverzichtFilter {
  regio?: string | undefined;
  jaar?: number | undefined;
  rechtsmiddel?: Rechtsmiddel | undefined;
  zorgaanbieder?: string | undefined;
}

/**
 * An exclusion that could be wrong, with the last day the term would have (termijnregels §6–§7): a date to file by as a
 * precaution, so it is listed and counted like a term, never only explained in a banner.
 */
export interface MogelijkeTermijn {
  uitsluiting: Uitsluiting;
  einde: IsoDatum;
  dagenOver: number;
  urgentie: Urgentie;
  zorgaanbieder?: string;
}

export interface Overzicht {
  /** The first `maximum` rows, soonest first. */
  regels: OverzichtRegel[];
  mogelijkeTermijnen: MogelijkeTermijn[];
  /** All possible terms in view, also those not shown. */
  aantalMogelijk: number;
  banners: Uitsluiting[];
  aantal: number;
  telling: Record<Urgentie, number>;
}

// Terms that ended recently stay visible, marked as expired, so a missed term is noticed rather than silently gone.
const VERLOPEN_ZICHTBAAR_DAGEN = 14;

export function classifyUrgentie(dagenOver: number): Urgentie {
  if (dagenOver < 0) return 'verlopen';
  if (dagenOver <= 7) return 'kritiek';
  if (dagenOver <= 14) return 'binnenkort';
  return 'normaal';
}

/**
 * The overview, soonest first; art. 105 lid 3 windows that coincide fold into one event. At national scale most terms
 * are only counted: the pass reads the term columns (last day, cell, rechtsmiddel, lid 3), and only shown rows and lid-3
 * windows look at a term itself.
 */
export function buildOverzicht(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: OverzichtFilter, maximum = Infinity): Overzicht {
  // One (regio, jaar): its own terms, in the same order (the whole list need not be merged after a write).
  const lijst = filter.regio && filter.jaar ? berekend.lijstVanCel(filter.regio, filter.jaar) : berekend.lijst;
  const { opzoeker } = berekend;
  const dag = toDagnummer(peildatum);
  const grenzen = { verlopen: dag, kritiek: dag + 7, binnenkort: dag + 14 };
  const telling: Record<Urgentie, number> = { verlopen: 0, kritiek: 0, binnenkort: 0, normaal: 0 };
  const regels: OverzichtRegel[] = [];
  const vensters = new Map<string, { regel: OverzichtRegel | undefined; regios: Set<string>; jaren: Set<number>; besluiten: Set<string> }>();
  let aantal = 0;
  const createRegel = (termijn: Termijn): OverzichtRegel => {
    const dagenOver = dagenTussen(peildatum, termijn.einde);
    const tb = termijn.besluitType === 'tariefbeschikking' ? berekend.tariefbeschikkingen.get(termijn.besluit) : undefined;
    const zorgaanbieder = tb?.zorgaanbieder ?? termijn.partij;
    return {
      termijn: toWeergaveTermijn(termijn, berekend.config),
      dagenOver,
      urgentie: classifyUrgentie(dagenOver),
      nogNietOpen: termijn.aanvang > peildatum,
      ...(zorgaanbieder ? { zorgaanbieder } : {}),
      ...(tb ? { tariefbeschikkingId: tb.id } : {}),
    };
  };
  // Region and year filter per cell number, decided once per cell.
  const celPast: (boolean | undefined)[] = [];
  const pastCel = (celId: number): boolean => {
    let past = celPast[celId];
    if (past === undefined) {
      const { regio, jaar } = berekend.celInfo(celId);
      celPast[celId] = past = (!filter.regio || regio === filter.regio) && (!filter.jaar || jaar === filter.jaar);
    }
    return past;
  };
  const rechtsmiddel = filter.rechtsmiddel === undefined ? -1 : filter.rechtsmiddel === 'beroep' ? 1 : 0;

  for (let i = findEersteVanaf(lijst, dag - VERLOPEN_ZICHTBAAR_DAGEN); i < lijst.lengte; i++) {
    if (rechtsmiddel >= 0 && lijst.rechtsmiddel[i] !== rechtsmiddel) continue;
    if ((filter.regio || filter.jaar) && !pastCel(lijst.cel[i]!)) continue;
    if (filter.zorgaanbieder) {
      const termijn = findTermijn(opzoeker, lijst, i);
      const tb = termijn.besluitType === 'tariefbeschikking' ? berekend.tariefbeschikkingen.get(termijn.besluit) : undefined;
      if (!matchZorgaanbieder(tb?.zorgaanbieder, filter.zorgaanbieder)) continue;
    }
    if (lijst.lid3[i] === 1) {
      const termijn = findTermijn(opzoeker, lijst, i);
      const sleutel = `${termijn.aanvang}|${termijn.einde}`;
      const venster = vensters.get(sleutel);
      if (venster) {
        venster.regios.add(termijn.regio);
        venster.jaren.add(termijn.jaar);
        venster.besluiten.add(termijn.besluit);
        continue;
      }
      const regel = regels.length < maximum ? createRegel(termijn) : undefined;
      vensters.set(sleutel, { regel, regios: new Set([termijn.regio]), jaren: new Set([termijn.jaar]), besluiten: new Set([termijn.besluit]) });
      if (regel) regels.push(regel);
    } else if (regels.length < maximum) {
      regels.push(createRegel(findTermijn(opzoeker, lijst, i)));
    }
    aantal++;
    const einde = lijst.einde[i]!;
    telling[einde < grenzen.verlopen ? 'verlopen' : einde <= grenzen.kritiek ? 'kritiek' : einde <= grenzen.binnenkort ? 'binnenkort' : 'normaal']++;
  }
  for (const { regel, regios, jaren, besluiten } of vensters.values()) {
    if (regel) regel.gedeeldVenster = { regios: regios.size, jaren: [...jaren].sort(), besluiten: [...besluiten] };
  }
  const isoGrenzen = { verlopen: peildatum, kritiek: addDagen(peildatum, 7), binnenkort: addDagen(peildatum, 14) };
  const urgentieVan = (einde: IsoDatum): Urgentie =>
    einde < isoGrenzen.verlopen ? 'verlopen' : einde <= isoGrenzen.kritiek ? 'kritiek' : einde <= isoGrenzen.binnenkort ? 'binnenkort' : 'normaal';
  const zichtbaarVanaf = addDagen(peildatum, -VERLOPEN_ZICHTBAAR_DAGEN);
  // Every possible term is counted; only the soonest `maximum` become rows. At five times national scale tens of
  // thousands qualify on an early peildatum: they are ordered as numbers (last day, then list order), not as objects.
  const uitsluitingen = listUitsluitingenVoor(berekend, filter);
  const zorgaanbiederVan = (u: Uitsluiting) => u.partij ?? berekend.tariefbeschikkingen.get(u.besluit)?.zorgaanbieder;
  // The possible terms' places in the list.
  const plaatsen: number[] = [];
  for (let k = 0; k < uitsluitingen.length; k++) {
    const u = uitsluitingen[k]!;
    // `eindeAlsToch` is set only with a doubt (the exclusion could be wrong), so the doubt's text is not written here.
    if (!u.eindeAlsToch || u.eindeAlsToch < zichtbaarVanaf) continue;
    if (
      (filter.regio && u.regio !== filter.regio) ||
      (filter.jaar && u.jaar !== filter.jaar) ||
      (filter.rechtsmiddel && u.rechtsmiddel !== filter.rechtsmiddel)
    )
      continue;
    if (filter.zorgaanbieder && !matchZorgaanbieder(zorgaanbiederVan(u), filter.zorgaanbieder)) continue;
    telling[urgentieVan(u.eindeAlsToch)]++;
    plaatsen.push(k);
  }
  const aantalMogelijk = plaatsen.length;
  // Soonest first, equal last days in the list's order.
  const volgorde = Array.from(
    orderByGetalSleutel(plaatsen.length, (j) => toDagnummer(uitsluitingen[plaatsen[j]!]!.eindeAlsToch!)).subarray(0, maximum),
    (j) => plaatsen[j]!,
  );
  const getoond: MogelijkeTermijn[] = [];
  for (const k of volgorde) {
    const u = uitsluitingen[k]!;
    const einde = u.eindeAlsToch!;
    const zorgaanbieder = zorgaanbiederVan(u);
    getoond.push({
      uitsluiting: u,
      einde,
      dagenOver: dagenTussen(peildatum, einde),
      urgentie: urgentieVan(einde),
      ...(zorgaanbieder ? { zorgaanbieder } : {}),
    });
  }
  // The banners depend on the data and the filter, not on the peildatum: one list per revision and filter.
  const banners = afgeleidPerRevisie(berekend, JSON.stringify(['banners', filter.regio, filter.jaar, filter.zorgaanbieder]), () =>
    selectBannerUitsluitingen(berekend, filter),
  );
  return { regels, mogelijkeTermijnen: getoond, aantalMogelijk, aantal, telling, banners };
}

/** The exclusions a region or year filter can show: the matching cells' own, in the order of the whole list; else all. */
function listUitsluitingenVoor(berekend: BerekendOverzicht, filter: OverzichtFilter): readonly Uitsluiting[] {
  if (!filter.regio && !filter.jaar) return berekend.uitkomst.uitsluitingen;
  const lijst: Uitsluiting[] = [];
  for (const { regio, jaar } of berekend.cellen) {
    if ((filter.regio && regio !== filter.regio) || (filter.jaar && jaar !== filter.jaar)) continue;
    for (const u of berekend.cel(regio, jaar)?.uitsluitingen ?? []) lijst.push(u);
  }
  return lijst;
}

/** Exclusions the user must see as a banner: sluittarief and onherroepelijk (art. 105 lid 2 and lid 4 Wmg). */
export function selectBannerUitsluitingen(berekend: BerekendOverzicht, filter: OverzichtFilter): Uitsluiting[] {
  return listUitsluitingenVoor(berekend, filter).filter(
    (u) =>
      (u.reden === 'sluittarief-nacalculatie' || u.reden === 'onherroepelijk') &&
      (!filter.regio || u.regio === filter.regio) &&
      (!filter.jaar || u.jaar === filter.jaar) &&
      (!filter.zorgaanbieder || matchZorgaanbieder(berekend.tariefbeschikkingen.get(u.besluit)?.zorgaanbieder, filter.zorgaanbieder)),
  );
}

/** The values the overview's filters offer (40,000 beschikkingen at national scale). */
export function listFilterOpties(berekend: BerekendOverzicht) {
  // The same at every peildatum: once per data revision.
  return afgeleidPerRevisie(berekend, 'filteropties', () => ({
    regios: [...new Set(berekend.cellen.map((s) => s.regio))].sort(),
    jaren: [...new Set(berekend.cellen.map((s) => s.jaar))].sort((a, b) => a - b),
    zorgaanbieders: berekend.tariefbeschikkingen.zorgaanbieders(),
  }));
}

/** buildOverzicht, derived once per computed result and filter (see `afgeleid`). */
export function loadOverzicht(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: OverzichtFilter, maximum: number): Overzicht {
  const sleutel = JSON.stringify(['overzicht', peildatum, filter.regio, filter.jaar, filter.rechtsmiddel, filter.zorgaanbieder, maximum]);
  return afgeleid(berekend, sleutel, () => buildOverzicht(berekend, peildatum, filter, maximum));
}
