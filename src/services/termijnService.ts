import type { Actor } from '../actor/actor';
import { ziesAlles } from '../actor/actor';
import { computeTermijnen, type TermijnConfig } from '../domain/termijnen/computeTermijnen';
import type { TermijnUitkomst } from '../domain/termijnen/termijn';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Db } from '../db/verbinding';
import { readDataRevisie } from '../db/transactie';
import { loadTermijnInvoer, type GeladenInvoer } from './termijnInvoer';

export interface BerekendOverzicht extends GeladenInvoer {
  uitkomst: TermijnUitkomst;
  /** The configuration the result was computed with: the afleiding of a shown term is derived with the same. */
  config: TermijnConfig;
  /** Views derived from this result (rendered page bodies); they live and die with it, so they are never stale. */
  afgeleid: Map<string, unknown>;
}

/** A view derived from a computed result, made once per key and dropped with the result at the next write. */
export function afgeleid<T>(berekend: BerekendOverzicht, sleutel: string, maak: () => T): T {
  if (berekend.afgeleid.has(sleutel)) return berekend.afgeleid.get(sleutel) as T;
  if (berekend.afgeleid.size > 200) berekend.afgeleid.clear();
  const waarde = maak();
  berekend.afgeleid.set(sleutel, waarde);
  return waarde;
}

export interface TermijnService {
  /**
   * The engine's result for what the actor may see, at the peildatum; cached per data revision, so a write by any
   * process (they all go through writeTransaction) is seen by the next call.
   */
  computeVoorActor(actor: Actor, peildatum: IsoDatum): BerekendOverzicht;
  readonly config: TermijnConfig;
}

export function createTermijnService(db: Db, config: TermijnConfig): TermijnService {
  let revisieInCache = -1;
  const cache = new Map<string, BerekendOverzicht>();
  return {
    config,
    computeVoorActor(actor, peildatum) {
      const revisie = readDataRevisie(db);
      if (revisie !== revisieInCache) {
        cache.clear();
        revisieInCache = revisie;
      }
      const sleutel = `${revisie}|${ziesAlles(actor) ? 'nza' : actor.organisatieId}|${peildatum}`;
      const gevonden = cache.get(sleutel);
      if (gevonden) return gevonden;
      const geladen = loadTermijnInvoer(db, actor, peildatum);
      const berekend = { ...geladen, uitkomst: computeTermijnen(geladen.invoer, config), config, afgeleid: new Map<string, unknown>() };
      if (cache.size > 50) cache.clear();
      cache.set(sleutel, berekend);
      return berekend;
    },
  };
}
