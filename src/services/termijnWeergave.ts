import { describeAfleiding } from '../domain/termijnen/afleiding';
import { listTermijnNoten } from '../domain/termijnen/termijnNoten';
import type { AfleidingStap, Termijn, TermijnConfig } from '../domain/termijnen/termijn';

export interface WeergaveTermijn extends Termijn {
  afleiding: AfleidingStap[];
  noten: string[];
  isBeschermend: boolean;
}

/** A term as pages, the API and calendars show it: with its afleiding (termijnregels §10) and the notes of §9. */
export function toWeergaveTermijn(t: Termijn, config: TermijnConfig): WeergaveTermijn {
  return { ...t, afleiding: describeAfleiding(t, config), noten: listTermijnNoten(t), isBeschermend: t.soort === 'beschermend' };
}
