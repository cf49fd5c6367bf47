import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigFout, loadConfig, type AppConfig } from '../config/config';
import { createTermijnConfig } from '../config/termijnConfig';
import { vandaagInNederland } from '../config/klok';
import { openDatabase } from '../db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../db/seedDatabase';
import { createTermijnService } from '../services/termijnService';
import { createApp } from '../web/app';
import { createWeergave } from '../web/weergave';
import { createFilingRenderer } from '../documents/filingRenderer';
import { createVerzender } from '../mail/verzender';
import { startHerinneringJob } from '../herinneringen/herinneringService';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A session secret that survives restarts: from SESSION_SECRET, or generated once next to the database. */
function loadSessieGeheim(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  const bestand = join(dirname(resolve(config.databasePad)), 'sessie-geheim');
  if (!existsSync(bestand)) writeFileSync(bestand, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(bestand, 'utf8').trim();
}

let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigFout)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
}

const db = openDatabase(config.databasePad);
seedZorgkantoorregios(db);
if (config.seedDemo) seedDemoData(db);

const termijnen = createTermijnService(db, createTermijnConfig(config));
const app = createApp({
  db,
  termijnen,
  mail: config.mail,
  weergave: createWeergave(TEMPLATES),
  filings: createFilingRenderer(TEMPLATES),
  sessieGeheim: loadSessieGeheim(config),
  vandaag: vandaagInNederland,
});

serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Termijnbewaking serving http://localhost:${info.port} (database ${config.databasePad})`);
});
if (config.inwerkingtreding === null) {
  console.log('WMG105_INWERKINGTREDING is unknown: every decision gets the terms of the new regime, each with the doubt (termijnregels §8)');
}

// Reminders: a job in this process, at start (catching up) and every few minutes. With no SMTP configured the
// e-mails go to the embedded outbox: /outbox in the app and .eml files under data/outbox/.
if (config.herinneringen.aan) {
  const { mail } = config;
  const outboxMap = join(dirname(resolve(config.databasePad)), 'outbox');
  const verzender = createVerzender(db, mail, outboxMap);
  const minuten = config.herinneringen.intervalMinuten;
  startHerinneringJob({ db, termijnen, verzender, mail, klok: { vandaag: vandaagInNederland, nuMs: Date.now } }, minuten * 60_000);
  console.log(
    `Reminder job started (${verzender.soort === 'smtp' ? `SMTP ${mail.smtp!.host}:${mail.smtp!.port}` : `outbox ${outboxMap}`}, every ${minuten} min)`,
  );
}
