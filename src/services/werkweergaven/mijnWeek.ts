import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { addDagen, dagenTussen, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Rechtsmiddel } from '../../domain/termijnen/termijn';
import { buildControleWeergave, loadFataleDatumControles, type ControleWeergave } from '../controle/controleWeergave';
import { loadVierOgen } from '../controle/vierOgen';
import type { BerekendOverzicht } from '../termijnen/termijnService';
import { toWeergaveTermijn, type WeergaveTermijn } from '../termijnen/termijnWeergave';
import { addWerkdagen, buildZaakOpenen, createClientFilter, findEersteVanaf, loadZaakPerTermijn, type TermijnZaak } from './termijnWerk';
import { formatTermijnSleutel } from '../termijnen/termijnSleutel';

export interface MijnWeekFilter {
  /** A user id, or 'niemand' for terms no one is responsible for. */
  verantwoordelijke?: number | 'niemand' | undefined;
  rechtsmiddel?: Rechtsmiddel | undefined;
  regio?: string | undefined;
}

export interface MijnWeekRegel {
  termijn: WeergaveTermijn;
  /** Negative: the last day passed (only for a case still a concept: issue 30.3). */
  dagenOver: number;
  verlopen: boolean;
  nogNietOpen: boolean;
  zaak?: TermijnZaak;
  controle?: ControleWeergave;
  /** How to open a case for a term without one: the fields of POST /zaken. */
  openen?: Record<string, string | number>;
  /** Who is reminded of it (issue 30.1): names, and why them. */
  herinnerd?: { namen: string; via: string };
}

/** Who the reminder job reminds of a term, by formatTermijnSleutel (src/services/herinneringen/openTermijnen.ts buildHerinnerdIndex). */
export type HerinnerdIndex = ReadonlyMap<string, { personen: readonly { naam: string }[]; via: string }>;

export interface MijnWeek {
  totEnMet: IsoDatum;
  groepen: { naam: string; id: number | 'niemand'; regels: MijnWeekRegel[] }[];
  aantal: number;
  ongecontroleerd: number;
}

// "The next 10 working days" (issue 14): the horizon of a counsel's week.
export const MIJN_WEEK_WERKDAGEN = 10;
/** How far back a passed term of a case still a concept is shown (issue 30.3): it needs a decision (art. 6:11 Awb). */
export const MIJN_WEEK_VERLOPEN_DAGEN = 14;

/**
 * "Mijn week": every term of the organisation's clients ending in the next 10 working days, grouped by the person
 * responsible for its case (or no one), with its four-eyes check. Read through the engine's result, from the first term
 * ending today on (binary search on the sorted terms), never the whole list.
 */
export function buildMijnWeek(
  db: Db,
  berekend: BerekendOverzicht,
  actor: Actor,
  vandaag: IsoDatum,
  filter: MijnWeekFilter,
  herinnerdIndex: HerinnerdIndex = new Map(),
): MijnWeek {
  const totEnMet = addWerkdagen(vandaag, MIJN_WEEK_WERKDAGEN, berekend.config.kalender);
  const zaakPerTermijn = loadZaakPerTermijn(db, berekend, actor);
  const controles = loadFataleDatumControles(db, actor.organisatieId);
  const vierOgen = loadVierOgen(db, actor, berekend);
  const termijnen = berekend.uitkomst.termijnen;
  const vanClienten = createClientFilter(berekend);
  const groepen = new Map<number | 'niemand', { naam: string; id: number | 'niemand'; regels: MijnWeekRegel[] }>();
  let aantal = 0;
  let ongecontroleerd = 0;
  for (let i = findEersteVanaf(termijnen, addDagen(vandaag, -MIJN_WEEK_VERLOPEN_DAGEN)); i < termijnen.length && termijnen[i]!.einde <= totEnMet; i++) {
    const t = termijnen[i]!;
    if (filter.rechtsmiddel && t.rechtsmiddel !== filter.rechtsmiddel) continue;
    if (filter.regio && t.regio !== filter.regio) continue;
    if (!vanClienten(t)) continue;
    const zaak = zaakPerTermijn.get(formatTermijnSleutel(t));
    // A filed or closed case has nothing left to do for this date; a passed one only while its case is still a concept.
    if (zaak && zaak.status !== 'concept') continue;
    const verlopen = t.einde < vandaag;
    if (verlopen && !zaak) continue;
    const wie = zaak?.verantwoordelijkeId ?? 'niemand';
    if (filter.verantwoordelijke !== undefined && filter.verantwoordelijke !== wie) continue;
    const controle = buildControleWeergave(actor, controles, t, vandaag, vierOgen);
    const openen = zaak ? undefined : buildZaakOpenen(berekend, t);
    const ontvangers = herinnerdIndex.get(formatTermijnSleutel(t));
    const regel: MijnWeekRegel = {
      termijn: toWeergaveTermijn(t, berekend.config),
      dagenOver: dagenTussen(vandaag, t.einde),
      verlopen,
      nogNietOpen: t.aanvang > vandaag,
      ...(zaak ? { zaak } : {}),
      ...(controle ? { controle } : {}),
      ...(openen ? { openen } : {}),
      ...(ontvangers ? { herinnerd: { namen: ontvangers.personen.map((p) => p.naam).join(', '), via: ontvangers.via } } : {}),
    };
    let groep = groepen.get(wie);
    if (!groep)
      groepen.set(wie, (groep = { naam: zaak?.verantwoordelijke ?? 'Geen zaak of geen verantwoordelijke (herinnerd: zie per termijn)', id: wie, regels: [] }));
    groep.regels.push(regel);
    aantal++;
    if (controle?.nodig) ongecontroleerd++;
  }
  const gesorteerd = [...groepen.values()].sort((a, b) => (a.id === 'niemand' ? 1 : b.id === 'niemand' ? -1 : a.naam.localeCompare(b.naam, 'nl')));
  return { totEnMet, groepen: gesorteerd, aantal, ongecontroleerd };
}
