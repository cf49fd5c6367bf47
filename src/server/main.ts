import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigFout, loadConfig, type AppConfig } from '../config/config';
import { loadSessieGeheim } from '../config/sessieGeheim';
import { createTermijnConfig } from '../config/termijnConfig';
import { vandaagInNederland } from '../config/klok';
import { openDatabase } from '../db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../db/seedDatabase';
import { createTermijnService } from '../services/termijnService';
import { createApp } from '../web/app';
import { createWeergave } from '../web/weergave';
import { createFilingRenderer } from '../documents/filingRenderer';
import { createVerzender } from '../mail/verzender';
import { createAfzender, startHerinneringJob } from '../herinneringen/herinneringService';
import { seedDemoInloggegevens } from '../services/aanmeldService';
import { removeVerlopenSessies } from '../services/sessieService';
import { DEMO_EMAILS } from '../db/seedDatabase';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigFout)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
}

/** Demo mode only: one password for the demo accounts, generated once next to the database, printed and shown. */
function loadDemoWachtwoord(config: AppConfig): string {
  const bestand = join(dirname(resolve(config.databasePad)), 'demo-wachtwoord');
  if (!existsSync(bestand)) writeFileSync(bestand, `demo-${randomBytes(9).toString('base64url')}`, { mode: 0o600 });
  return readFileSync(bestand, 'utf8').trim();
}

const db = openDatabase(config.databasePad);
seedZorgkantoorregios(db);
let demoWachtwoord: string | undefined;
if (config.demo) {
  demoWachtwoord = loadDemoWachtwoord(config);
  if (config.seedDemo) seedDemoData(db);
  // The demo accounts (from seed/demo.json) sign in with the demo password and no second factor, in demo mode only.
  seedDemoInloggegevens(db, demoWachtwoord, DEMO_EMAILS);
}
removeVerlopenSessies(db, Date.now(), config.sessie);

const termijnen = createTermijnService(db, createTermijnConfig(config));
const outboxMap = join(dirname(resolve(config.databasePad)), 'outbox');
const verzender = createVerzender(db, config.mail, outboxMap);
const app = createApp({
  db,
  termijnen,
  mail: config.mail,
  verzender,
  weergave: createWeergave(TEMPLATES, { demo: config.demo }),
  filings: createFilingRenderer(TEMPLATES),
  sessieGeheim: loadSessieGeheim(config),
  beveiliging: {
    ...(config.basisUrl ? { basisUrl: config.basisUrl } : {}),
    secureCookie: config.basisUrl?.startsWith('https:') ?? false,
    sessie: config.sessie,
    ...(demoWachtwoord ? { demoWachtwoord } : {}),
  },
  vandaag: vandaagInNederland,
  grenzen: config.grenzen,
});

serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Termijnbewaking serving ${config.basisUrl ?? `http://localhost:${info.port}`} (database ${config.databasePad})`);
  if (demoWachtwoord) {
    console.log('Demo mode (NODE_ENV is not production): demo accounts sign in with this password, no second factor.');
    console.log(`Demo-wachtwoord: ${demoWachtwoord}`);
  }
});
if (config.inwerkingtreding === null) {
  console.log('WMG105_INWERKINGTREDING is unknown: every decision gets the terms of the new regime, each with the doubt (termijnregels §8)');
}

// Reminders: a job in this process, at start (catching up) and every few minutes. With no SMTP configured the
// e-mails go to the embedded outbox: /outbox in the app and .eml files under data/outbox/.
if (config.herinneringen.aan) {
  const { mail } = config;
  const minuten = config.herinneringen.intervalMinuten;
  // One sender per file: the lease row in the database (HERINNERING_LEASE_SECONDEN) keeps a second server quiet.
  const afzender = createAfzender(config.herinneringLeaseMs);
  startHerinneringJob({ db, termijnen, verzender, mail, klok: { vandaag: vandaagInNederland, nuMs: Date.now }, afzender }, minuten * 60_000);
  console.log(
    `Reminder job started (${verzender.soort === 'smtp' ? `SMTP ${mail.smtp!.host}:${mail.smtp!.port}` : `outbox ${outboxMap}`}, every ${minuten} min)`,
  );
}
