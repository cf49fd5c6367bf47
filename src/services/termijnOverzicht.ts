import { dagenTussen, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Rechtsmiddel, Termijn, Uitsluiting } from '../domain/termijnen/termijn';
import type { BerekendOverzicht } from './termijnService';

export type Urgentie = 'verlopen' | 'kritiek' | 'binnenkort' | 'normaal';

export interface OverzichtRegel {
  termijn: Termijn;
  dagenOver: number;
  urgentie: Urgentie;
  zorgaanbieder?: string;
  tariefbeschikkingId?: number;
  /** For a shared art. 105 lid 3 window: how many (regio, jaar) cells it covers. */
  gedeeldVenster?: { regios: number; jaren: number[]; besluiten: string[] };
}

export interface OverzichtFilter {
  regio?: string;
  jaar?: number;
  rechtsmiddel?: Rechtsmiddel;
  zorgaanbieder?: string;
}

// Terms that ended recently stay visible, marked as expired, so a missed term is noticed rather than silently gone.
const VERLOPEN_ZICHTBAAR_DAGEN = 14;

export function classifyUrgentie(dagenOver: number): Urgentie {
  if (dagenOver < 0) return 'verlopen';
  if (dagenOver <= 7) return 'kritiek';
  if (dagenOver <= 14) return 'binnenkort';
  return 'normaal';
}

/** The overview rows, soonest first; art. 105 lid 3 windows that coincide are folded into one event. */
export function buildOverzichtRegels(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: OverzichtFilter): OverzichtRegel[] {
  const regels: OverzichtRegel[] = [];
  const vensters = new Map<string, { regel: OverzichtRegel; regios: Set<string>; jaren: Set<number>; besluiten: Set<string> }>();
  for (const termijn of berekend.uitkomst.termijnen) {
    const dagenOver = dagenTussen(peildatum, termijn.einde);
    if (dagenOver < -VERLOPEN_ZICHTBAAR_DAGEN) continue;
    if (filter.regio && termijn.regio !== filter.regio) continue;
    if (filter.jaar && termijn.jaar !== filter.jaar) continue;
    if (filter.rechtsmiddel && termijn.rechtsmiddel !== filter.rechtsmiddel) continue;
    const tb = termijn.besluitType === 'tariefbeschikking' ? berekend.tariefbeschikkingen.get(termijn.besluit) : undefined;
    if (filter.zorgaanbieder && tb?.zorgaanbieder !== filter.zorgaanbieder) continue;
    if (termijn.regel === 'art-105-lid-3') {
      const sleutel = `${termijn.aanvang}|${termijn.einde}`;
      const venster = vensters.get(sleutel);
      if (venster) {
        venster.regios.add(termijn.regio);
        venster.jaren.add(termijn.jaar);
        venster.besluiten.add(termijn.besluit);
        continue;
      }
      const regel: OverzichtRegel = { termijn, dagenOver, urgentie: classifyUrgentie(dagenOver) };
      vensters.set(sleutel, { regel, regios: new Set([termijn.regio]), jaren: new Set([termijn.jaar]), besluiten: new Set([termijn.besluit]) });
      regels.push(regel);
      continue;
    }
    regels.push({
      termijn,
      dagenOver,
      urgentie: classifyUrgentie(dagenOver),
      ...(tb ? { zorgaanbieder: tb.zorgaanbieder, tariefbeschikkingId: tb.id } : {}),
    });
  }
  for (const { regel, regios, jaren, besluiten } of vensters.values()) {
    regel.gedeeldVenster = { regios: regios.size, jaren: [...jaren].sort(), besluiten: [...besluiten] };
  }
  return regels;
}

/** Exclusions the user must see as a banner: sluittarief and onherroepelijk (art. 105 lid 2 and lid 4 Wmg). */
export function selectBannerUitsluitingen(berekend: BerekendOverzicht, filter: OverzichtFilter): Uitsluiting[] {
  return berekend.uitkomst.uitsluitingen.filter(
    (u) =>
      (u.reden === 'sluittarief-nacalculatie' || u.reden === 'onherroepelijk') &&
      (!filter.regio || u.regio === filter.regio) &&
      (!filter.jaar || u.jaar === filter.jaar) &&
      (!filter.zorgaanbieder || berekend.tariefbeschikkingen.get(u.besluit)?.zorgaanbieder === filter.zorgaanbieder),
  );
}
