import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isGeldigeIsoDatum, type IsoDatum } from '../domain/kalender/kalenderdatum';
import type { MailConfig } from '../mail/mailConfig';
import type { GriffierechtTarief } from '../domain/filings/griffierecht';

/**
 * The one place environment variables are read: once, at start, through this schema. A bad value stops the start
 * with a message naming the variable and the accepted values (see `formatConfigFouten`). README lists every variable.
 */

export const STANDAARD_DATABASE_PAD = 'data/termijnbewaking.sqlite';
/** Rechtspraak Open Data: `/zoeken` (Atom) and `/content?id=<ECLI>` below this. */
export const RECHTSPRAAK_URL = 'https://data.rechtspraak.nl/uitspraken';
/** KOOP's SRU 2.0 endpoint of the Officiële Bekendmakingen. */
export const SRU_URL = 'https://repository.overheid.nl/sru';

const leegIsAfwezig = (v: unknown) => (v === '' ? undefined : v);
const optioneel = <T extends z.ZodType>(schema: T) => z.preprocess(leegIsAfwezig, schema.optional());
const jaNee = (standaard: boolean) =>
  z.preprocess(
    leegIsAfwezig,
    z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? standaard : v === 'true')),
  );
const geheelGetal = (min: number, max: number, uitleg: string) =>
  z.coerce.number({ error: uitleg }).int({ error: uitleg }).min(min, { error: uitleg }).max(max, { error: uitleg });

const gelijkgesteldeDagSchema = z.object({
  datum: z.string().refine(isGeldigeIsoDatum, 'geen geldige datum (JJJJ-MM-DD)'),
  naam: z.string().min(1),
});

// Art. 8:41 Awb: the griffierecht, indexed every year; the operator enters the amounts with where they were read.
const griffierechtTariefSchema = z
  .object({
    geldigVanaf: z.string().refine(isGeldigeIsoDatum, 'geen geldige datum (JJJJ-MM-DD)'),
    geldigTot: z.string().refine(isGeldigeIsoDatum, 'geen geldige datum (JJJJ-MM-DD)'),
    rechtspersoonCenten: z.number().int().positive(),
    bron: z.string().trim().min(10, { error: 'noem de bron (bijvoorbeeld de pagina van rechtspraak.nl met de datum waarop u die las)' }),
  })
  .refine((t) => t.geldigVanaf <= t.geldigTot, { error: 'geldigVanaf ligt na geldigTot' });

const jsonLijst = z.string().transform((tekst, ctx) => {
  try {
    return JSON.parse(tekst) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'geen geldige JSON' });
    return z.NEVER;
  }
});

export const omgevingSchema = z.object({
  NODE_ENV: z.preprocess(leegIsAfwezig, z.enum(['development', 'production', 'test']).default('development')),
  DATABASE_PATH: z.preprocess(leegIsAfwezig, z.string().default(STANDAARD_DATABASE_PAD)),
  PORT: z.preprocess(leegIsAfwezig, geheelGetal(1, 65535, 'een poortnummer van 1 tot en met 65535').default(3000)),
  HOST: z.preprocess(leegIsAfwezig, z.string().default('127.0.0.1')),
  SEED_DEMO: jaNee(true),
  SESSION_SECRET: optioneel(z.string().min(16, { error: 'minstens 16 tekens' })),
  WMG105_INWERKINGTREDING: optioneel(z.string().refine((v) => v === 'onbekend' || isGeldigeIsoDatum(v), { error: 'een datum JJJJ-MM-DD of "onbekend"' })),
  ATW_GELIJKGESTELDE_DAGEN: z.preprocess(
    leegIsAfwezig,
    jsonLijst.pipe(z.array(gelijkgesteldeDagSchema, { error: 'een JSON-lijst [{"datum":"JJJJ-MM-DD","naam":"…"}]' })).optional(),
  ),
  GRIFFIERECHT_TARIEVEN: z.preprocess(
    leegIsAfwezig,
    jsonLijst
      .pipe(
        z.array(griffierechtTariefSchema, {
          error: 'een JSON-lijst [{"geldigVanaf":"JJJJ-MM-DD","geldigTot":"JJJJ-MM-DD","rechtspersoonCenten":…,"bron":"…"}]',
        }),
      )
      .refine((rijen) => rijen.every((a, i) => rijen.every((b, j) => i === j || a.geldigTot < b.geldigVanaf || b.geldigTot < a.geldigVanaf)), {
        error: 'twee tarieven gelden op dezelfde dag',
      })
      .optional(),
  ),
  HERINNERINGEN: z.preprocess(leegIsAfwezig, z.enum(['aan', 'uit']).default('aan')),
  HERINNERING_INTERVAL_MINUTEN: z.preprocess(leegIsAfwezig, geheelGetal(1, 1440, 'een geheel aantal minuten van 1 tot en met 1440').default(5)),
  SMTP_HOST: optioneel(z.string()),
  SMTP_PORT: optioneel(geheelGetal(1, 65535, 'een poortnummer van 1 tot en met 65535')),
  SMTP_SECURE: optioneel(z.enum(['true', 'false'])),
  SMTP_USER: optioneel(z.string()),
  SMTP_PASS: optioneel(z.string()),
  MAIL_FROM: optioneel(z.string()),
  APP_URL: optioneel(z.url({ protocol: /^https?$/, error: 'een http(s)-URL, bijvoorbeeld https://termijnen.example.nl' })),
  BASIS_URL: optioneel(
    z
      .url({ protocol: /^https?$/, error: 'een http(s)-URL zonder pad, bijvoorbeeld https://termijnen.example.nl' })
      .refine((u) => new URL(u).pathname === '/' && !new URL(u).search, { error: 'een http(s)-URL zonder pad, bijvoorbeeld https://termijnen.example.nl' }),
  ),
  SESSIE_INACTIEF_MINUTEN: z.preprocess(leegIsAfwezig, geheelGetal(5, 1440, 'een geheel aantal minuten van 5 tot en met 1440').default(60)),
  SESSIE_MAX_UREN: z.preprocess(leegIsAfwezig, geheelGetal(1, 720, 'een geheel aantal uren van 1 tot en met 720').default(12)),
  MAX_FORMULIER_MB: z.preprocess(leegIsAfwezig, geheelGetal(1, 100, 'een geheel aantal MB van 1 tot en met 100').default(1)),
  MAX_UPLOAD_MB: z.preprocess(leegIsAfwezig, geheelGetal(1, 500, 'een geheel aantal MB van 1 tot en met 500').default(10)),
  MAX_JSON_DIEPTE: z.preprocess(leegIsAfwezig, geheelGetal(2, 1000, 'een geheel getal van 2 tot en met 1000').default(32)),
  MAX_JSON_WAARDEN: z.preprocess(leegIsAfwezig, geheelGetal(10, 10_000_000, 'een geheel getal van 10 tot en met 10000000').default(100_000)),
  API_VERZOEKEN_PER_MINUUT: z.preprocess(leegIsAfwezig, geheelGetal(1, 100_000, 'een geheel aantal verzoeken van 1 tot en met 100000').default(600)),
  HERINNERING_LEASE_SECONDEN: z.preprocess(leegIsAfwezig, geheelGetal(2, 3600, 'een geheel aantal seconden van 2 tot en met 3600').default(120)),
  BACKUP_MAP: optioneel(z.string()),
  BACKUP_BEWAAR_DAGEN: z.preprocess(leegIsAfwezig, geheelGetal(0, 3650, 'een geheel aantal dagen van 0 (geen dagelijkse backup) tot en met 3650').default(14)),
  WEBHOOKS: z.preprocess(leegIsAfwezig, z.enum(['aan', 'uit']).default('aan')),
  WEBHOOK_INTERVAL_SECONDEN: z.preprocess(leegIsAfwezig, geheelGetal(1, 3600, 'een geheel aantal seconden van 1 tot en met 3600').default(30)),
  WEBHOOK_VERLOOPT_WERKDAGEN: z.preprocess(leegIsAfwezig, geheelGetal(0, 60, 'een geheel aantal werkdagen van 0 tot en met 60').default(5)),
  WEBHOOK_INTERNE_ADRESSEN: optioneel(z.enum(['toestaan', 'weigeren'])),
  LOG_NIVEAU: z.preprocess(leegIsAfwezig, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  // Issue 33: the watcher of the official sources, off unless switched on.
  BRONNEN: z.preprocess(leegIsAfwezig, z.enum(['aan', 'uit']).default('uit')),
  BRONNEN_INTERVAL_MINUTEN: z.preprocess(leegIsAfwezig, geheelGetal(5, 10080, 'een geheel aantal minuten van 5 tot en met 10080').default(60)),
  BRONNEN_TIMEOUT_SECONDEN: z.preprocess(leegIsAfwezig, geheelGetal(1, 600, 'een geheel aantal seconden van 1 tot en met 600').default(30)),
  BRONNEN_RECHTSPRAAK_URL: z.preprocess(
    leegIsAfwezig,
    z.url({ protocol: /^https?$/, error: 'een http(s)-URL, bijvoorbeeld https://data.rechtspraak.nl/uitspraken' }).default(RECHTSPRAAK_URL),
  ),
  BRONNEN_SRU_URL: z.preprocess(
    leegIsAfwezig,
    z.url({ protocol: /^https?$/, error: 'een http(s)-URL, bijvoorbeeld https://repository.overheid.nl/sru' }).default(SRU_URL),
  ),
});

export type LogNiveau = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databasePad: string;
  port: number;
  host: string;
  seedDemo: boolean;
  /** Absent: generated once next to the database. */
  sessionSecret?: string;
  /** Entry into force of art. 105 leden 2–4 Wmg; null = not known (yet). */
  inwerkingtreding: IsoDatum | null;
  gelijkgesteldeDagen: { datum: string; naam: string }[];
  /** Griffierecht amounts with their source (GRIFFIERECHT_TARIEVEN); empty: filings refer to the griffier's notice. */
  griffierechtTarieven: GriffierechtTarief[];
  herinneringen: { aan: boolean; intervalMinuten: number };
  mail: MailConfig;
  /** Demo mode (NODE_ENV is not production): demo accounts, their password on the sign-in page, the banner. */
  demo: boolean;
  /** BASIS_URL's origin: the only Host served, the base of links; absent (demo only): localhost. */
  basisUrl?: string;
  sessie: { inactiefMs: number; maxMs: number };
  /** Request limits: bodies (413), JSON nesting and size (400). */
  grenzen: { formulierBytes: number; uploadBytes: number; jsonDiepte: number; jsonWaarden: number };
  /** Requests per API token per minute (API_VERZOEKEN_PER_MINUUT); more: 429 with Retry-After. */
  apiVerzoekenPerMinuut: number;
  /** How long the reminder sender's lease lasts without renewal: a dead server's lease passes on after this. */
  herinneringLeaseMs: number;
  /** The server's daily backup: into `map` (default: backups/ next to the database), kept `bewaarDagen` days (0: none). */
  backup: { map: string; bewaarDagen: number };
  logNiveau: LogNiveau;
  /**
   * Webhooks (issue 32.3): the job (`aan`, every `intervalMs`), termijn.verloopt's window in working days, and where an
   * endpoint may point: production https only and no internal address unless WEBHOOK_INTERNE_ADRESSEN=toestaan.
   */
  webhooks: { aan: boolean; intervalMs: number; verlooptWerkdagen: number; beleid: { alleenHttps: boolean; interneAdressen: boolean } };
  /** The watcher of the official sources (issue 33): off by default; one request at a time, each with a timeout. */
  bronnen: { aan: boolean; intervalMinuten: number; timeoutMs: number; rechtspraakUrl: string; sruUrl: string };
}

export class ConfigFout extends Error {
  constructor(readonly fouten: string[]) {
    super(`De configuratie is ongeldig; de server start niet:\n${fouten.map((f) => `  - ${f}`).join('\n')}`);
  }
}

function beschrijfFout(issue: z.core.$ZodIssue): string {
  const variabele = String(issue.path[0] ?? 'omgeving');
  const rest = issue.path.slice(1).map(String).join('.');
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${variabele}: ongeldige waarde; toegestaan: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${variabele}${rest ? `[${rest}]` : ''}: ${issue.message}`;
}

/**
 * For the entry points (server, CLI): the checked configuration, or the Dutch lines naming each bad variable on stderr
 * and exit with `exitCode` (78, EX_CONFIG, for the server; 2 for the CLI).
 */
export function loadConfigOrExit(omgeving: Record<string, string | undefined>, exitCode: number): AppConfig {
  try {
    return loadConfig(omgeving);
  } catch (e) {
    if (!(e instanceof ConfigFout)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(exitCode);
  }
}

/** Reads and checks every environment variable; throws ConfigFout naming each bad variable and what it accepts. */
export function loadConfig(omgeving: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = omgevingSchema.safeParse(omgeving);
  if (!parsed.success) throw new ConfigFout(parsed.error.issues.map(beschrijfFout));
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const fouten = [
      ...(e.WMG105_INWERKINGTREDING === undefined
        ? ['WMG105_INWERKINGTREDING: niet gezet; in productie moet u expliciet een datum JJJJ-MM-DD (de datum uit het Staatsblad) of "onbekend" opgeven']
        : []),
      ...(e.BASIS_URL
        ? []
        : ['BASIS_URL: niet gezet; in productie moet u het adres opgeven waarop de app bereikbaar is, bijvoorbeeld https://termijnen.example.nl']),
      ...(e.SESSION_SECRET ? [] : ['SESSION_SECRET: niet gezet; in productie moet u een geheim van minstens 16 tekens opgeven']),
      ...(omgeving.SEED_DEMO === 'true' ? ['SEED_DEMO: in productie worden nooit demogebruikers geladen; laat SEED_DEMO weg of zet het op false'] : []),
    ];
    if (fouten.length) throw new ConfigFout(fouten);
  }
  const demo = e.NODE_ENV !== 'production';
  const basisUrl = e.BASIS_URL ? new URL(e.BASIS_URL).origin : undefined;
  const smtpPoort = e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587);
  return {
    nodeEnv: e.NODE_ENV,
    databasePad: e.DATABASE_PATH,
    port: e.PORT,
    host: e.HOST,
    seedDemo: demo && e.SEED_DEMO,
    demo,
    ...(basisUrl ? { basisUrl } : {}),
    sessie: { inactiefMs: e.SESSIE_INACTIEF_MINUTEN * 60_000, maxMs: e.SESSIE_MAX_UREN * 3600_000 },
    grenzen: {
      formulierBytes: e.MAX_FORMULIER_MB * 1024 * 1024,
      uploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
      jsonDiepte: e.MAX_JSON_DIEPTE,
      jsonWaarden: e.MAX_JSON_WAARDEN,
    },
    apiVerzoekenPerMinuut: e.API_VERZOEKEN_PER_MINUUT,
    herinneringLeaseMs: e.HERINNERING_LEASE_SECONDEN * 1000,
    backup: { map: e.BACKUP_MAP ?? join(dirname(e.DATABASE_PATH), 'backups'), bewaarDagen: e.BACKUP_BEWAAR_DAGEN },
    logNiveau: e.LOG_NIVEAU,
    webhooks: {
      aan: e.WEBHOOKS === 'aan',
      intervalMs: e.WEBHOOK_INTERVAL_SECONDEN * 1000,
      verlooptWerkdagen: e.WEBHOOK_VERLOOPT_WERKDAGEN,
      beleid: { alleenHttps: !demo, interneAdressen: (e.WEBHOOK_INTERNE_ADRESSEN ?? (demo ? 'toestaan' : 'weigeren')) === 'toestaan' },
    },
    bronnen: {
      aan: e.BRONNEN === 'aan',
      intervalMinuten: e.BRONNEN_INTERVAL_MINUTEN,
      timeoutMs: e.BRONNEN_TIMEOUT_SECONDEN * 1000,
      rechtspraakUrl: e.BRONNEN_RECHTSPRAAK_URL.replace(/\/$/, ''),
      sruUrl: e.BRONNEN_SRU_URL,
    },
    ...(e.SESSION_SECRET ? { sessionSecret: e.SESSION_SECRET } : {}),
    inwerkingtreding: e.WMG105_INWERKINGTREDING === undefined || e.WMG105_INWERKINGTREDING === 'onbekend' ? null : (e.WMG105_INWERKINGTREDING as IsoDatum),
    gelijkgesteldeDagen: e.ATW_GELIJKGESTELDE_DAGEN ?? [],
    griffierechtTarieven: e.GRIFFIERECHT_TARIEVEN ?? [],
    herinneringen: { aan: e.HERINNERINGEN === 'aan', intervalMinuten: e.HERINNERING_INTERVAL_MINUTEN },
    mail: {
      ...(e.SMTP_HOST
        ? {
            smtp: {
              host: e.SMTP_HOST,
              port: smtpPoort,
              secure: e.SMTP_SECURE === 'true',
              ...(e.SMTP_USER ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASS ?? '' } } : {}),
            },
          }
        : {}),
      afzender: e.MAIL_FROM ?? 'Termijnbewaking <termijnen@termijnbewaking.local>',
      appUrl: (basisUrl ?? e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    },
  };
}
