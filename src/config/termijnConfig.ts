import { createAtwKalender } from '../domain/kalender/atwKalender';
import type { TermijnConfig } from '../domain/termijnen/computeTermijnen';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import { ConfigFout, omgevingSchema, type AppConfig } from './config';

/**
 * Fallback entry into force of art. 105 leden 2–4 Wmg while the engine cannot take "unknown". The MvT (Kamerstuk
 * 36 486 nr. 3) names no date; its Artikel V takes 1 January 2025 as the reference date for NZa beleidsregels.
 */
export const STANDAARD_INWERKINGTREDING = '2025-01-01';

/** The ONE place that builds the engine's configuration from the app configuration. */
export function createTermijnConfig(config: Pick<AppConfig, 'inwerkingtreding' | 'gelijkgesteldeDagen'>): TermijnConfig {
  return {
    // TODO(engine v2): pass unknown through
    inwerkingtreding: config.inwerkingtreding ?? STANDAARD_INWERKINGTREDING,
    kalender: createAtwKalender(config.gelijkgesteldeDagen),
  };
}

const termijnOmgeving = omgevingSchema.pick({ NODE_ENV: true, WMG105_INWERKINGTREDING: true, ATW_GELIJKGESTELDE_DAGEN: true });

/** For the CLI: only the variables the engine needs, through the same schema as the server's configuration. */
export function loadTermijnConfig(omgeving: Record<string, string | undefined> = process.env): TermijnConfig {
  const parsed = termijnOmgeving.safeParse(omgeving);
  if (!parsed.success) throw new ConfigFout(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  const w = parsed.data.WMG105_INWERKINGTREDING;
  return createTermijnConfig({
    inwerkingtreding: w === undefined || w === 'onbekend' ? null : (w as IsoDatum),
    gelijkgesteldeDagen: parsed.data.ATW_GELIJKGESTELDE_DAGEN ?? [],
  });
}
