import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { ZORGKANTOORREGIOS } from '../../src/domain/regios/zorgkantoorregios';
import { buildLandelijkScenario } from '../support/landelijkScenario';
import { findVrijePoort } from '../support/vrijePoort';

/** Fills a database file with the national-scale scenario: 31 regions × 6 years of besluiten, 40,000 tariefbeschikkingen. */
export function fillLandelijkeDatabase(pad: string): void {
  const db = openDatabase(pad);
  seedZorgkantoorregios(db);
  seedDemoData(db);
  const scenario = buildLandelijkScenario({ tariefbeschikkingen: 40_000, eersteJaar: 2026, jaren: 6 });
  const sql = db.$client;
  const regioId = new Map((sql.prepare('SELECT id, naam FROM zorgkantoorregios').all() as { id: number; naam: string }[]).map((r) => [r.naam, r.id]));
  sql.transaction(() => {
    const za = sql.prepare('INSERT INTO zorgaanbieders (naam, kvk_nummer) VALUES (?, ?)');
    const ids: number[] = [];
    for (let i = 0; i < 2000; i++) ids.push(Number(za.run(`Bench zorgaanbieder ${i}`, String(80000000 + i)).lastInsertRowid));
    const cr = sql.prepare('INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES (?, ?, ?, ?)');
    const bedrag = sql.prepare('INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (?, ?, ?, ?)');
    const tb = sql.prepare(
      'INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let n = 0;
    for (const b of scenario.besluiten) {
      if (b.type === 'contracteerruimte') {
        const id = cr.run(`BENCH/${b.id}`, b.soort, b.bekendgemaakt, b.bekendgemaakt).lastInsertRowid;
        for (const jaar of b.jaren) bedrag.run(id, regioId.get(b.regio), jaar, 50_000_000_000 + jaar);
      } else {
        tb.run(`BENCH/${b.id}`, ids[n++ % ids.length], regioId.get(b.regio), b.jaar, b.soort, b.bekendgemaakt, b.bekendgemaakt);
      }
    }
  })();
  sql.close();
}

async function measure(url: string, pad: string): Promise<autocannon.Result> {
  return autocannon({ url: `${url}${pad}`, connections: 20, duration: 10, headers: { 'X-Demo-Gebruiker': 'e.devries@nza.example' } });
}

/** Overview and matrix under 20 concurrent clients at national scale, against the real server on 127.0.0.1. */
export async function runServerBench(): Promise<void> {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-bench-'));
  const pad = join(map, 'landelijk.sqlite');
  fillLandelijkeDatabase(pad);
  const port = await findVrijePoort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_PATH: pad, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const koud = performance.now();
    await fetch(`${url}/`, { headers: { 'X-Demo-Gebruiker': 'e.devries@nza.example' } });
    console.log(
      `server: first overview after start (engine run over ${ZORGKANTOORREGIOS.length} regions, 40,000 tariefbeschikkingen): ${(performance.now() - koud).toFixed(0)} ms`,
    );
    for (const pagina of ['/', '/matrix']) {
      const r = await measure(url, pagina);
      console.log(
        `server ${pagina.padEnd(8)} 20 connections, 10 s: ${r.requests.total} requests, ${r.requests.average.toFixed(0)} req/s, ` +
          `latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ` +
          `errors ${r.errors}, non-2xx ${r.non2xx}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(map, { recursive: true, force: true });
  }
}
