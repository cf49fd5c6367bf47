import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTermijnConfig } from '../config/termijnConfig';
import { vandaagInNederland } from '../config/klok';
import { openDatabase, STANDAARD_DATABASE_PAD } from '../db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../db/seedDatabase';
import { createTermijnService } from '../services/termijnService';
import { createApp } from '../web/app';
import { createWeergave } from '../web/weergave';
import { createFilingRenderer } from '../documents/filingRenderer';
import { loadMailConfig } from '../mail/mailConfig';
import { createVerzender } from '../mail/verzender';
import { startHerinneringJob } from '../herinneringen/herinneringService';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A session secret that survives restarts: from SESSION_SECRET, or generated once next to the database. */
function loadSessieGeheim(databasePad: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const bestand = join(dirname(resolve(databasePad)), 'sessie-geheim');
  if (!existsSync(bestand)) writeFileSync(bestand, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(bestand, 'utf8').trim();
}

const databasePad = process.env.DATABASE_PATH ?? STANDAARD_DATABASE_PAD;
const db = openDatabase(databasePad);
seedZorgkantoorregios(db);
if (process.env.SEED_DEMO !== 'false') seedDemoData(db);

const mail = loadMailConfig();
const termijnen = createTermijnService(db, loadTermijnConfig());
const app = createApp({
  db,
  termijnen,
  mail,
  weergave: createWeergave(TEMPLATES),
  filings: createFilingRenderer(TEMPLATES),
  sessieGeheim: loadSessieGeheim(databasePad),
  vandaag: vandaagInNederland,
});

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Termijnbewaking serving http://localhost:${info.port} (database ${databasePad})`);
});

// Reminders: a job in this process, at start (catching up) and every few minutes. With no SMTP configured the
// e-mails go to the embedded outbox: /outbox in the app and .eml files under data/outbox/.
if (process.env.HERINNERINGEN !== 'uit') {
  const outboxMap = join(dirname(resolve(databasePad)), 'outbox');
  const verzender = createVerzender(db, mail, outboxMap);
  const minuten = Number(process.env.HERINNERING_INTERVAL_MINUTEN ?? 5);
  startHerinneringJob({ db, termijnen, verzender, mail, klok: { vandaag: vandaagInNederland, nuMs: Date.now } }, Math.max(1, minuten) * 60_000);
  console.log(`Reminder job started (${verzender.soort === 'smtp' ? `SMTP ${mail.smtp!.host}:${mail.smtp!.port}` : `outbox ${outboxMap}`}, every ${minuten} min)`);
}
