import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { addDagen, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { AtwKalender } from '../../domain/kalender/atwKalender';
import type { Termijn } from '../../domain/termijnen/termijn';
import { afgeleid, type BerekendOverzicht } from '../termijnen/termijnService';
import { loadZaken } from '../zaken/zaakOverzicht';
import { findZaakTermijnen } from '../termijnen/zaakTermijnen';
import { formatTermijnSleutel } from '../termijnen/termijnSleutel';

/** From a term in the engine's result to the work on it (issue 14): its case, whether it is a client's, how to open one. */

/** The case a term belongs to, as its page shows it. */
export interface TermijnZaak {
  id: number;
  status: 'concept' | 'ingediend' | 'afgerond';
  verantwoordelijke: string | null;
  verantwoordelijkeId: number | null;
}

/**
 * Every term of the actor's organisation that has a case, with that case: the same matching as the case page
 * (findZaakTermijnen), so a row and its case never name different dates. The NZa has no cases.
 */
export function loadZaakPerTermijn(db: Db, berekend: BerekendOverzicht, actor: Actor): Map<string, TermijnZaak> {
  const perTermijn = new Map<string, TermijnZaak>();
  for (const zaak of loadZaken(db, actor)) {
    const gevonden = findZaakTermijnen(berekend, zaak);
    const waarde = { id: zaak.id, status: zaak.status, verantwoordelijke: zaak.verantwoordelijke, verantwoordelijkeId: zaak.verantwoordelijkeId };
    // The case's own term first; a party's other dates only where no case of their own exists.
    for (const t of gevonden.termijnen) perTermijn.set(formatTermijnSleutel(t), waarde);
    for (const t of gevonden.partijDatums) if (!perTermijn.has(formatTermijnSleutel(t))) perTermijn.set(formatTermijnSleutel(t), waarde);
  }
  return perTermijn;
}

/**
 * Whether a term concerns the organisation's clients: a term of a party is in its result only when it is a client's;
 * a term open to every party of a region (an art. 105 lid 3 window) only where a client has a tariefbeschikking.
 */
export function createClientFilter(berekend: BerekendOverzicht): (t: Pick<Termijn, 'partij' | 'regio'>) => boolean {
  return afgeleid(berekend, 'clientRegios', () => {
    const regios = new Set([...berekend.tariefbeschikkingen.values()].map((tb) => tb.regio));
    return (t: Pick<Termijn, 'partij' | 'regio'>) => t.partij !== undefined || regios.has(t.regio);
  });
}

/** Index of the first term whose last day is on or after `datum` (the engine sorts terms by einde). */
export function findEersteVanaf(termijnen: readonly Pick<Termijn, 'einde'>[], datum: IsoDatum): number {
  let laag = 0;
  let hoog = termijnen.length;
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (termijnen[midden]!.einde < datum) laag = midden + 1;
    else hoog = midden;
  }
  return laag;
}

/** The n-th working day after `vandaag` (Saturday, Sunday and Atw feestdagen do not count). */
export function addWerkdagen(vandaag: IsoDatum, n: number, kalender: AtwKalender): IsoDatum {
  let datum = vandaag;
  for (let geteld = 0; geteld < n;) {
    datum = addDagen(datum, 1);
    if (!kalender.nietWerkdag(datum)) geteld++;
  }
  return datum;
}

/** The fields of POST /zaken that open a case for a term, prefilled from it; undefined where no case route exists. */
export function buildZaakOpenen(berekend: BerekendOverzicht, t: Termijn): Record<string, string | number> | undefined {
  if (t.besluitType === 'tariefbeschikking') {
    const tb = berekend.tariefbeschikkingen.get(t.besluit);
    return tb ? { soort: t.rechtsmiddel, tariefbeschikkingId: tb.id } : undefined;
  }
  if (t.rechtsmiddel !== 'beroep') return undefined;
  const cr = berekend.contracteerruimte.find((r) => r.kenmerk === t.besluit);
  return cr ? { soort: 'beroep', contracteerruimtebesluitId: cr.id, regio: t.regio, jaar: t.jaar } : undefined;
}

/**
 * The stable key of a term in the API (issue 32.2): its identity (decision, remedy, region, year, party, kind, rule),
 * never its dates, so a corrected date keeps the key. Opaque to clients (base64url).
 */
export function formatTermijnApiSleutel(t: Termijn): string {
  return Buffer.from(JSON.stringify([t.besluitType, t.besluit, t.rechtsmiddel, t.regio, t.jaar, t.partij ?? '', t.soort, t.regel])).toString('base64url');
}

/** The term of the engine's result with this API key, if it is there. */
export function findTermijnBijSleutel(berekend: BerekendOverzicht, sleutel: string): Termijn | undefined {
  return berekend.uitkomst.termijnen.find((t) => formatTermijnApiSleutel(t) === sleutel);
}
