import { addDagen, dagenTussen, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Rechtsmiddel, Termijn, Uitsluiting } from '../domain/termijnen/termijn';
import { afgeleid, type BerekendOverzicht } from './termijnService';
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

/** Index of the first term whose last day is on or after `datum` (the engine sorts terms by einde). */
function eersteVanaf(termijnen: readonly Termijn[], datum: IsoDatum): number {
  let laag = 0;
  let hoog = termijnen.length;
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (termijnen[midden]!.einde < datum) laag = midden + 1;
    else hoog = midden;
  }
  return laag;
}

/**
 * The overview, soonest first; art. 105 lid 3 windows that coincide fold into one event. At national scale most terms
 * are only counted: urgency comes from comparing ISO dates with three boundaries, and only shown rows are built.
 */
export function buildOverzicht(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: OverzichtFilter, maximum = Infinity): Overzicht {
  const termijnen = berekend.uitkomst.termijnen;
  const grenzen = { verlopen: peildatum, kritiek: addDagen(peildatum, 7), binnenkort: addDagen(peildatum, 14) };
  const urgentieVan = (einde: IsoDatum): Urgentie =>
    einde < grenzen.verlopen ? 'verlopen' : einde <= grenzen.kritiek ? 'kritiek' : einde <= grenzen.binnenkort ? 'binnenkort' : 'normaal';
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

  for (let i = eersteVanaf(termijnen, addDagen(peildatum, -VERLOPEN_ZICHTBAAR_DAGEN)); i < termijnen.length; i++) {
    const termijn = termijnen[i]!;
    if (filter.regio && termijn.regio !== filter.regio) continue;
    if (filter.jaar && termijn.jaar !== filter.jaar) continue;
    if (filter.rechtsmiddel && termijn.rechtsmiddel !== filter.rechtsmiddel) continue;
    if (filter.zorgaanbieder) {
      const tb = termijn.besluitType === 'tariefbeschikking' ? berekend.tariefbeschikkingen.get(termijn.besluit) : undefined;
      if (!matchZorgaanbieder(tb?.zorgaanbieder, filter.zorgaanbieder)) continue;
    }
    if (termijn.regel === 'art-105-lid-3') {
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
      regels.push(createRegel(termijn));
    }
    aantal++;
    telling[urgentieVan(termijn.einde)]++;
  }
  for (const { regel, regios, jaren, besluiten } of vensters.values()) {
    if (regel) regel.gedeeldVenster = { regios: regios.size, jaren: [...jaren].sort(), besluiten: [...besluiten] };
  }
  const zichtbaarVanaf = addDagen(peildatum, -VERLOPEN_ZICHTBAAR_DAGEN);
  const mogelijkeTermijnen: MogelijkeTermijn[] = [];
  let aantalMogelijk = 0;
  for (const u of berekend.uitkomst.uitsluitingen) {
    if (!u.twijfel || !u.eindeAlsToch || u.eindeAlsToch < zichtbaarVanaf) continue;
    if (
      (filter.regio && u.regio !== filter.regio) ||
      (filter.jaar && u.jaar !== filter.jaar) ||
      (filter.rechtsmiddel && u.rechtsmiddel !== filter.rechtsmiddel)
    )
      continue;
    const zorgaanbieder = u.partij ?? berekend.tariefbeschikkingen.get(u.besluit)?.zorgaanbieder;
    if (filter.zorgaanbieder && !matchZorgaanbieder(zorgaanbieder, filter.zorgaanbieder)) continue;
    const urgentie = urgentieVan(u.eindeAlsToch);
    telling[urgentie]++;
    aantalMogelijk++;
    mogelijkeTermijnen.push({ uitsluiting: u, einde: u.eindeAlsToch, dagenOver: 0, urgentie, ...(zorgaanbieder ? { zorgaanbieder } : {}) });
  }
  // Counted all; shown, like the terms, only the soonest `maximum`.
  mogelijkeTermijnen.sort((a, b) => (a.einde < b.einde ? -1 : a.einde > b.einde ? 1 : 0));
  const getoond = mogelijkeTermijnen.slice(0, maximum);
  for (const m of getoond) m.dagenOver = dagenTussen(peildatum, m.einde);
  return { regels, mogelijkeTermijnen: getoond, aantalMogelijk, aantal, telling, banners: selectBannerUitsluitingen(berekend, filter) };
}

/** Exclusions the user must see as a banner: sluittarief and onherroepelijk (art. 105 lid 2 and lid 4 Wmg). */
export function selectBannerUitsluitingen(berekend: BerekendOverzicht, filter: OverzichtFilter): Uitsluiting[] {
  return berekend.uitkomst.uitsluitingen.filter(
    (u) =>
      (u.reden === 'sluittarief-nacalculatie' || u.reden === 'onherroepelijk') &&
      (!filter.regio || u.regio === filter.regio) &&
      (!filter.jaar || u.jaar === filter.jaar) &&
      (!filter.zorgaanbieder || matchZorgaanbieder(berekend.tariefbeschikkingen.get(u.besluit)?.zorgaanbieder, filter.zorgaanbieder)),
  );
}

/** The values the overview's filters offer; derived once per computed result (40,000 beschikkingen at national scale). */
export function listFilterOpties(berekend: BerekendOverzicht) {
  return afgeleid(berekend, 'filteropties', () => ({
    regios: [...new Set(berekend.uitkomst.status.map((s) => s.regio))].sort(),
    jaren: [...new Set(berekend.uitkomst.status.map((s) => s.jaar))].sort((a, b) => a - b),
    zorgaanbieders: [...new Set([...berekend.tariefbeschikkingen.values()].map((t) => t.zorgaanbieder))].sort((a, b) => a.localeCompare(b, 'nl')),
  }));
}

/** buildOverzicht, derived once per computed result and filter (see `afgeleid`). */
export function loadOverzicht(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: OverzichtFilter, maximum: number): Overzicht {
  const sleutel = JSON.stringify(['overzicht', peildatum, filter.regio, filter.jaar, filter.rechtsmiddel, filter.zorgaanbieder, maximum]);
  return afgeleid(berekend, sleutel, () => buildOverzicht(berekend, peildatum, filter, maximum));
}
