import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { openDatabase, type Db } from '../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { createTermijnService } from '../../src/services/termijnService';
import { createApp } from '../../src/web/app';
import { createWeergave } from '../../src/web/weergave';
import { createFilingRenderer } from '../../src/documents/filingRenderer';

export const DEMO = {
  nza: 'e.devries@nza.example',
  advocaat: 'j.kuipers@vandamkuipers.example',
  inhouse: 's.bakker@heuvelrand.example',
} as const;

/** The real app on a real SQLite file with the demo data, "today" pinned to 22 November 2026. */
export function createTestApp(vandaag = '2026-11-22', inwerkingtreding: string | null = '2025-01-01') {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-app-'));
  const db: Db = openDatabase(join(map, 'app.sqlite'));
  seedZorgkantoorregios(db);
  seedDemoData(db);
  const termijnen = createTermijnService(db, { inwerkingtreding: inwerkingtreding ?? undefined, kalender: createAtwKalender() });
  const app = createApp({
    db,
    termijnen,
    weergave: createWeergave(resolve('templates')),
    filings: createFilingRenderer(resolve('templates')),
    sessieGeheim: 'test-geheim',
    vandaag: () => vandaag,
    mail: { afzender: 'Termijnbewaking <termijnen@test.local>', appUrl: 'http://app.test' },
  });
  const als =
    (email: string) =>
    (pad: string, init: RequestInit = {}) =>
      app.request(pad, { ...init, headers: { 'X-Demo-Gebruiker': email, ...(init.headers as Record<string, string> | undefined) } });
  return {
    app,
    db,
    termijnen,
    als,
    /** Every row of every table, to prove a failed request changed nothing. */
    momentopname(): string {
      const tabellen = (
        db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
      ).map((t) => t.name);
      return JSON.stringify(tabellen.map((t) => [t, db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
    },
    sluit() {
      db.$client.close();
      rmSync(map, { recursive: true, force: true });
    },
  };
}

export function formulier(velden: Record<string, string | string[]>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(velden)) for (const w of Array.isArray(v) ? v : [v]) p.append(k, w);
  return p;
}
