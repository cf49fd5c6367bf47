import { describeAfleiding } from '../../domain/termijnen/afleiding';
import { listTermijnNoten } from '../../domain/termijnen/termijnNoten';
import { describeToelichting } from '../../domain/termijnen/termijnToelichting';
import type { AfleidingStap, Termijn, TermijnConfig } from '../../domain/termijnen/termijn';

export interface WeergaveTermijn extends Termijn {
  toelichting: string;
  afleiding: AfleidingStap[];
  noten: string[];
  isBeschermend: boolean;
}

/** A term as pages, the API and calendars show it: with its toelichting, its afleiding (termijnregels §10) and the notes of §9. */
export function toWeergaveTermijn(t: Termijn, config: TermijnConfig): WeergaveTermijn {
  return {
    ...t,
    toelichting: describeToelichting(t, config),
    afleiding: describeAfleiding(t, config),
    noten: listTermijnNoten(t),
    isBeschermend: t.soort === 'beschermend',
  };
}
