import type { Actor } from '../actor/actor';
import { ziesAlles } from '../actor/actor';
import { computeTermijnen, type TermijnConfig } from '../domain/termijnen/computeTermijnen';
import type { TermijnUitkomst } from '../domain/termijnen/termijn';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { Db } from '../db/verbinding';
import { loadTermijnInvoer, type GeladenInvoer } from './termijnInvoer';

export interface BerekendOverzicht extends GeladenInvoer {
  uitkomst: TermijnUitkomst;
}

export interface TermijnService {
  /** The engine's result for what the actor may see, at the peildatum; cached until the next write. */
  computeVoorActor(actor: Actor, peildatum: IsoDatum): BerekendOverzicht;
  /** Every write calls this, so no page ever shows a term computed from stale data. */
  markeerGewijzigd(): void;
  readonly config: TermijnConfig;
}

export function createTermijnService(db: Db, config: TermijnConfig): TermijnService {
  let revisie = 0;
  const cache = new Map<string, BerekendOverzicht>();
  return {
    config,
    computeVoorActor(actor, peildatum) {
      const sleutel = `${revisie}|${ziesAlles(actor) ? 'nza' : actor.organisatieId}|${peildatum}`;
      const gevonden = cache.get(sleutel);
      if (gevonden) return gevonden;
      const geladen = loadTermijnInvoer(db, actor, peildatum);
      const berekend = { ...geladen, uitkomst: computeTermijnen(geladen.invoer, config) };
      if (cache.size > 50) cache.clear();
      cache.set(sleutel, berekend);
      return berekend;
    },
    markeerGewijzigd() {
      revisie += 1;
      cache.clear();
    },
  };
}
