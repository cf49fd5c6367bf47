import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger: JSON lines on standard output (pino), English messages, never personal data — users are named by
 * their id, never by e-mail address or name. The level comes from LOG_NIVEAU (src/config/config.ts).
 */
export function createLogger(niveau: string, bestemming?: DestinationStream): Logger {
  return pino(
    {
      level: niveau,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    bestemming ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** For tests and tools that want no log output. */
export const stilleLogger: Logger = pino({ level: 'silent' });
