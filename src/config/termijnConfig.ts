import { z } from 'zod';
import { createAtwKalender } from '../domain/kalender/atwKalender';
import { isGeldigeIsoDatum } from '../domain/kalender/kalenderdatum';
import type { TermijnConfig } from '../domain/termijnen/computeTermijnen';

/**
 * Default entry into force of art. 105 leden 2–4 Wmg. The MvT (Kamerstuk 36 486 nr. 3) names no date; its Artikel V
 * takes 1 January 2025 as the reference date for NZa beleidsregels, so that is the documented default. Override with
 * WMG105_INWERKINGTREDING=YYYY-MM-DD once the Staatsblad date is known.
 */
export const STANDAARD_INWERKINGTREDING = '2025-01-01';

const gelijkgesteldeDagSchema = z.object({
  datum: z.string().refine(isGeldigeIsoDatum, 'geen geldige datum'),
  naam: z.string().min(1),
});

/**
 * Reads the engine's configuration from the environment. ATW_GELIJKGESTELDE_DAGEN holds days equated to a feestdag by
 * decree (art. 3 lid 2 Atw) as JSON: [{"datum":"2030-05-06","naam":"…"}].
 */
export function loadTermijnConfig(env: NodeJS.ProcessEnv = process.env): TermijnConfig {
  const inwerkingtreding = env.WMG105_INWERKINGTREDING ?? STANDAARD_INWERKINGTREDING;
  if (!isGeldigeIsoDatum(inwerkingtreding)) {
    throw new Error(`WMG105_INWERKINGTREDING is not a valid ISO date: ${inwerkingtreding}`);
  }
  const gelijkgesteld = z
    .array(gelijkgesteldeDagSchema)
    .parse(env.ATW_GELIJKGESTELDE_DAGEN ? JSON.parse(env.ATW_GELIJKGESTELDE_DAGEN) : []);
  return { inwerkingtreding, kalender: createAtwKalender(gelijkgesteld) };
}
