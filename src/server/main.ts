import { deriveAuditSleutel } from '../db/auditKeten';
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { loadConfigOrExit, type AppConfig } from '../config/config';
import { loadSessieGeheim } from '../config/sessieGeheim';
import { createTermijnConfig } from '../config/termijnConfig';
import type { GelijkgesteldeDag } from '../domain/kalender/feestdagen';
import { vandaagInNederland } from '../config/klok';
import { openDatabase } from '../db/verbinding';
import { checkDatabaseBestand, DatabaseFout } from '../db/databaseControle';
import { BACKUP_PATROON, claimDatabase } from '../db/backup';
import { findDemoSeeddag, seedDemoData, seedZorgkantoorregios } from '../db/seedDatabase';
import { shiftDemoData } from '../db/demoVerschuiving';
import { demoDataSchema } from '../db/demoDataSchema';
import demoJson from '../../seed/demo.json';
import { createTermijnService } from '../services/termijnen/termijnService';
import { createApp } from '../web/app';
import { createApiTermijnLijsten } from '../web/apiTermijnLijst';
import { warmApiTermijnen } from '../web/routes/termijnen/termijnenApi';
import { listOrganisatieActoren } from '../services/toegang/actorService';
import { createWeergave } from '../web/weergave';
import { createFilingRenderer } from '../documents/filingRenderer';
import { createVerzender } from '../mail/verzender';
import { createAfzender, startHerinneringJob } from '../herinneringen/herinneringService';
import { sealBestaandeTotpGeheimen, seedDemoInloggegevens } from '../services/toegang/aanmeldService';
import { removeVerlopenSessies } from '../services/toegang/sessieService';
import { DEMO_EMAILS } from '../db/seedDatabase';
import { createLogger } from '../log/logger';
import { startDagelijkseBackup } from './dagelijkseBackup';
import { startWebhookJob } from '../webhooks/webhookJob';
import { startBronnenWacht } from '../bronnen/bronnenWacht';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

// Everything this process creates (database, -wal/-shm, backups, outbox mails, secrets) is readable by its own user
// only: files 0600, directories 0700.
process.umask(0o077);

const config = loadConfigOrExit(process.env, 78); // EX_CONFIG
const log = createLogger(config.logNiveau);
// Code that still writes to the console (the reminder job) writes JSON lines too.
console.log = console.info = (...delen: unknown[]) => log.info(format(...delen));
console.warn = (...delen: unknown[]) => log.warn(format(...delen));
console.error = (...delen: unknown[]) => log.error(format(...delen));

// The file is checked read-only before anything writes to it: SQLite, PRAGMA quick_check, a schema this version knows,
// an intact audit log (hash chain).
let losLaten: () => void;
mkdirSync(dirname(resolve(config.databasePad)), { recursive: true, mode: 0o700 });
// Keys session ids, links, tokens and the audit chain (the start check below verifies the chain with it).
const sessieGeheim = loadSessieGeheim(config);
try {
  const stand = checkDatabaseBestand(config.databasePad, { auditKeten: deriveAuditSleutel(sessieGeheim) });
  if (stand?.nogToeTePassen) log.info({ migrations: stand.nogToeTePassen }, 'Applying database migrations');
  else if (!stand) log.info({ database: resolve(config.databasePad) }, 'Creating the database and applying every migration');
  losLaten = claimDatabase(config.databasePad);
} catch (e) {
  if (!(e instanceof DatabaseFout)) throw e;
  process.stderr.write(`${e.nl}\n${e.en}\n`);
  log.fatal({ database: e.pad, soort: e.soort }, 'Database refused at start; not starting');
  process.exit(65); // EX_DATAERR
}
process.on('exit', () => losLaten());

/** Files made by older versions (0644) are narrowed to the owner too. */
function restrictBestaandeBestanden(config: AppConfig, outboxMap: string) {
  const db = resolve(config.databasePad);
  const map = dirname(db);
  for (const pad of [db, `${db}-wal`, `${db}-shm`, join(map, 'sessie-geheim'), join(map, 'demo-wachtwoord')]) {
    if (existsSync(pad)) chmodSync(pad, 0o600);
  }
  if (existsSync(outboxMap)) {
    chmodSync(outboxMap, 0o700);
    for (const naam of readdirSync(outboxMap)) chmodSync(join(outboxMap, naam), 0o600);
  }
  // BACKUP_MAP may be shared with other files: only our backups are narrowed.
  if (existsSync(config.backup.map)) {
    for (const naam of readdirSync(config.backup.map)) if (BACKUP_PATROON.test(naam)) chmodSync(join(config.backup.map, naam), 0o600);
  }
}

/** Demo mode only: one password for the demo accounts, generated once next to the database, printed and shown. */
function loadDemoWachtwoord(config: AppConfig): string {
  const bestand = join(dirname(resolve(config.databasePad)), 'demo-wachtwoord');
  if (!existsSync(bestand)) writeFileSync(bestand, `demo-${randomBytes(9).toString('base64url')}`, { mode: 0o600 });
  return readFileSync(bestand, 'utf8').trim();
}

const outboxMap = join(dirname(resolve(config.databasePad)), 'outbox');
restrictBestaandeBestanden(config, outboxMap);
const db = openDatabase(config.databasePad, sessieGeheim);
seedZorgkantoorregios(db);
let demoWachtwoord: string | undefined;
if (config.demo) {
  demoWachtwoord = loadDemoWachtwoord(config);
  // The demo laid out as of today (issue 30.6): every stage exists whenever it is first started.
  if (config.seedDemo) {
    const begin = performance.now();
    seedDemoData(db, shiftDemoData(demoDataSchema.parse(demoJson), findDemoSeeddag(db) ?? vandaagInNederland()));
    log.info({ ms: Math.round(performance.now() - begin) }, 'Demo data loaded, laid out as of today (existing rows kept)');
  }
  // The demo accounts (from seed/demo.json) sign in with the demo password and no second factor, in demo mode only.
  seedDemoInloggegevens(db, demoWachtwoord, DEMO_EMAILS);
}
removeVerlopenSessies(db, Date.now(), config.sessie);
// TOTP secrets stored as typed by older versions are encrypted with the session secret's key before anyone signs in.
const verzegeld = sealBestaandeTotpGeheimen(db, sessieGeheim);
if (verzegeld) log.info({ count: verzegeld }, 'Encrypted TOTP secrets stored in plain text by an older version');

let gereed = false;
const termijnen = createTermijnService(db, createTermijnConfig(config), { gelijkgesteldeDagen: config.gelijkgesteldeDagen as GelijkgesteldeDag[] });
const verzender = createVerzender(db, config.mail, outboxMap);
const apiTermijnLijsten = createApiTermijnLijsten();
const appDeps = {
  db,
  // Read at each /gezond: the job starts after the app.
  herinneringRonde: () => herinneringJob?.stand(),
  termijnen,
  mail: config.mail,
  verzender,
  weergave: createWeergave(TEMPLATES, { demo: config.demo }),
  filings: createFilingRenderer(TEMPLATES),
  sessieGeheim,
  beveiliging: {
    ...(config.basisUrl ? { basisUrl: config.basisUrl } : {}),
    secureCookie: config.basisUrl?.startsWith('https:') ?? false,
    sessie: config.sessie,
    ...(demoWachtwoord ? { demoWachtwoord } : {}),
  },
  vandaag: vandaagInNederland,
  grenzen: config.grenzen,
  apiVerzoekenPerMinuut: config.apiVerzoekenPerMinuut,
  griffierechtTarieven: config.griffierechtTarieven,
  log,
  gereed: () => gereed,
  webhookBeleid: config.webhooks.beleid,
  apiTermijnLijsten,
};
const app = createApp(appDeps);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info({ database: resolve(config.databasePad) }, `Termijnbewaking serving ${config.basisUrl ?? `http://localhost:${info.port}`}`);
  if (demoWachtwoord) {
    log.info('Demo mode (NODE_ENV is not production): demo accounts sign in with the demo password, no second factor.');
    // Issue 30.6: the password on a plain line of its own, not inside a JSON log line.
    process.stderr.write(
      `\nDemo: open ${config.basisUrl ?? `http://localhost:${info.port}`}; de demo-accounts staan op de aanmeldpagina.\nDemo-wachtwoord: ${demoWachtwoord}\n\n`,
    );
  }
  // Issue 32.4: /gereed says ready only once every organisation's terms and first API page are computed. One
  // synchronous block right after listening: a request that comes meanwhile waits, then finds them ready.
  setImmediate(() => {
    const begin = performance.now();
    try {
      // The NZa first; as many organisations as the term cache keeps scopes (20), the rest compute on first use.
      const actoren = listOrganisatieActoren(db).sort((a, b) => Number(b.organisatieSoort === 'nza') - Number(a.organisatieSoort === 'nza'));
      warmApiTermijnen(appDeps, actoren.slice(0, 20));
      log.info({ ms: Math.round(performance.now() - begin) }, "Engine warm: every organisation's terms computed");
    } catch (err) {
      log.error({ err }, 'Warming the engine failed; the first requests compute instead');
    }
    if (!stoppen) gereed = true;
  });
}) as Server;
if (config.inwerkingtreding === null) {
  log.warn('WMG105_INWERKINGTREDING is unknown: every decision gets the terms of the new regime, each with the doubt (termijnregels §8)');
}

// Reminders: a job in this process, at start (catching up) and every few minutes. With no SMTP configured the
// e-mails go to the embedded outbox: /outbox in the app and .eml files under data/outbox/.
let herinneringJob: ReturnType<typeof startHerinneringJob> | undefined;
if (config.herinneringen.aan) {
  const { mail } = config;
  const minuten = config.herinneringen.intervalMinuten;
  // One sender per file: the lease row in the database (HERINNERING_LEASE_SECONDEN) keeps a second server quiet.
  const afzender = createAfzender(config.herinneringLeaseMs);
  // The catching-up run waits a second after the start: the first pages are not queued behind its engine run.
  herinneringJob = startHerinneringJob({ db, termijnen, verzender, mail, klok: { vandaag: vandaagInNederland, nuMs: Date.now }, afzender }, minuten * 60_000, {
    eersteRondeNaMs: 1000,
  });
  log.info(
    {
      verzender: verzender.soort,
      ...(verzender.soort === 'smtp' ? { smtp: `${mail.smtp!.host}:${mail.smtp!.port}` } : { outbox: outboxMap }),
      everyMinutes: minuten,
    },
    'Reminder job started',
  );
}

// Webhooks (issue 32.3): one server tells and sends (the `webhooks` lease); the ledger survives a restart.
const webhookJob = config.webhooks.aan
  ? startWebhookJob(
      {
        db,
        termijnen,
        sessieGeheim,
        beleid: config.webhooks.beleid,
        klok: { vandaag: vandaagInNederland, nuMs: Date.now },
        afzender: createAfzender(config.herinneringLeaseMs),
        verlooptWerkdagen: config.webhooks.verlooptWerkdagen,
      },
      config.webhooks.intervalMs,
      { eersteRondeNaMs: 1000 },
    )
  : undefined;
// The watcher of the official sources (issue 33, BRONNEN=aan): proposes, never changes data; one server holds its lease.
const bronnenWacht = config.bronnen.aan
  ? startBronnenWacht(
      {
        db,
        config: config.bronnen,
        klok: { nuMs: Date.now },
        houder: createAfzender(config.herinneringLeaseMs),
        log: (bericht, gegevens) => log.info(gegevens ?? {}, bericht),
      },
      config.bronnen.intervalMinuten * 60_000,
    )
  : undefined;
if (bronnenWacht)
  log.info(
    { everyMinutes: config.bronnen.intervalMinuten, rechtspraak: config.bronnen.rechtspraakUrl, sru: config.bronnen.sruUrl },
    'Official sources watcher started',
  );

const backup = config.backup.bewaarDagen > 0 ? startDagelijkseBackup(db.$client, config.backup, log) : undefined;

/**
 * SIGTERM/SIGINT: /gereed turns 503, no new connections, requests in flight finish, the reminder run and a backup in
 * progress finish, the WAL is checkpointed into the database file and the database closed; exit 0.
 */
let stoppen: Promise<void> | undefined;
function stop(signaal: string) {
  stoppen ??= (async () => {
    gereed = false;
    log.info({ signal: signaal }, 'Shutting down: finishing requests in flight');
    const noodstop = setTimeout(() => {
      log.error('Shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    noodstop.unref();
    const gesloten = new Promise<void>((klaar) => server.close(() => klaar()));
    // Keep-alive connections become idle once their request is answered: close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    await gesloten;
    clearInterval(idle);
    await herinneringJob?.stop();
    await webhookJob?.stop();
    await bronnenWacht?.stop();
    await backup?.stop();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    losLaten();
    log.info('Stopped: database checkpointed and closed');
    process.exit(0);
  })();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
