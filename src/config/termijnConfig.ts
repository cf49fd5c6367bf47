import { createAtwKalender } from '../domain/kalender/atwKalender';
import type { TermijnConfig } from '../domain/termijnen/computeTermijnen';
import type { IsoDatum } from '../domain/kalender/kalenderdatum';
import type { GelijkgesteldeDag } from '../domain/kalender/feestdagen';
import { ConfigFout, omgevingSchema, type AppConfig } from './config';

/** The ONE place that builds the engine's configuration from the app configuration. */
export function createTermijnConfig(config: Pick<AppConfig, 'inwerkingtreding' | 'gelijkgesteldeDagen'>): TermijnConfig {
  return {
    // Termijnregels §8: the date is not known to us; unset or `onbekend` means both regimes, with the doubt.
    inwerkingtreding: config.inwerkingtreding ?? undefined,
    kalender: createAtwKalender(config.gelijkgesteldeDagen),
  };
}

const termijnOmgeving = omgevingSchema.pick({ NODE_ENV: true, WMG105_INWERKINGTREDING: true, ATW_GELIJKGESTELDE_DAGEN: true });

/** For the CLI: only the variables the engine needs, through the same schema as the server's configuration. */
export function loadTermijnConfig(omgeving: Record<string, string | undefined> = process.env): TermijnConfig & { gelijkgesteldeDagen: GelijkgesteldeDag[] } {
  const parsed = termijnOmgeving.safeParse(omgeving);
  if (!parsed.success) throw new ConfigFout(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  const w = parsed.data.WMG105_INWERKINGTREDING;
  const gelijkgesteldeDagen = parsed.data.ATW_GELIJKGESTELDE_DAGEN ?? [];
  return {
    ...createTermijnConfig({ inwerkingtreding: w === undefined || w === 'onbekend' ? null : (w as IsoDatum), gelijkgesteldeDagen }),
    gelijkgesteldeDagen,
  };
}
