import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';
import { createSessie } from '../../src/services/toegang/sessieService';
import { createApiToken } from '../../src/services/toegang/apiTokenService';
import { buildLandelijkScenario } from '../support/landelijkScenario';
import { findVrijePoort } from '../support/vrijePoort';
import { addDagen, formatDatumKort } from '../../src/domain/kalender/kalenderdatum';
import { vandaagInNederland } from '../../src/config/klok';
import { createGewoneEinddatum } from './gewoneEinddatum';

const GEHEIM = 'benchmark-geheim-van-minstens-16';
const NZA = 'e.devries@nza.example';
const ADVOCAAT = 'j.kuipers@vandamkuipers.example';

/** Fills a database file with `schaal` × the national scenario: 31 regions × 6 years of besluiten, 40,000 tariefbeschikkingen × schaal. */
export function fillLandelijkeDatabase(pad: string, schaal = 1): void {
  const db = openDatabase(pad, GEHEIM);
  seedZorgkantoorregios(db);
  seedDemoData(db);
  const scenario = buildLandelijkScenario({ tariefbeschikkingen: 40_000 * schaal, eersteJaar: 2026, jaren: 6, zorgaanbieders: 2_000 * schaal });
  const sql = db.$client;
  const regioId = new Map((sql.prepare('SELECT id, naam FROM zorgkantoorregios').all() as { id: number; naam: string }[]).map((r) => [r.naam, r.id]));
  // The NZa's own records (issue 28): it issued every tariefbeschikking; the benchmark reads as the NZa.
  const nza = sql.prepare("SELECT id FROM organisaties WHERE soort = 'nza'").pluck().get() as number;
  sql.transaction(() => {
    const za = sql.prepare('INSERT INTO zorgaanbieders (naam, kvk_nummer, organisatie_id) VALUES (?, ?, ?)');
    const ids: number[] = [];
    for (let i = 0; i < 2000 * schaal; i++) ids.push(Number(za.run(`Bench zorgaanbieder ${i}`, String(80000000 + i), nza).lastInsertRowid));
    const cr = sql.prepare('INSERT INTO contracteerruimtebesluiten (kenmerk, soort, besluitdatum, bekendgemaakt) VALUES (?, ?, ?, ?)');
    const bedrag = sql.prepare('INSERT INTO contracteerruimtebedragen (besluit_id, regio_id, jaar, bedrag_centen) VALUES (?, ?, ?, ?)');
    const tb = sql.prepare(
      'INSERT INTO tariefbeschikkingen (kenmerk, zorgaanbieder_id, organisatie_id, regio_id, jaar, soort, besluitdatum, bekendgemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let n = 0;
    for (const b of scenario.besluiten) {
      if (b.type === 'contracteerruimte') {
        const id = cr.run(`BENCH/${b.id}`, b.soort, b.bekendgemaakt, b.bekendgemaakt).lastInsertRowid;
        for (const jaar of b.jaren) bedrag.run(id, regioId.get(b.regio), jaar, 50_000_000_000 + jaar);
      } else {
        tb.run(`BENCH/${b.id}`, ids[n++ % ids.length], nza, regioId.get(b.regio), b.jaar, b.soort, b.bekendgemaakt, b.bekendgemaakt);
      }
    }
  })();
  sql.close();
}

interface Last {
  totaal: number;
  perSeconde: number;
  p50: number;
  p90: number;
  /** autocannon has no p95: p97.5 bounds it from above. */
  p975: number;
  p99: number;
  max: number;
  fouten: number;
  niet2xx: number;
}

function runLast(url: string, headers: Record<string, string>, duur = 10): Promise<Last> {
  return new Promise((resolve, reject) => {
    const kind = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/bench/lastGenerator.ts', JSON.stringify({ url, headers, connections: 20, duration: duur })],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let uit = '';
    kind.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
    kind.on('exit', (code) => (code === 0 ? resolve(JSON.parse(uit.trim().split('\n').pop()!) as Last) : reject(new Error(`load generator exited ${code}`))));
  });
}

function startServer(argv: string[], env: Record<string, string>): Promise<{ kind: ChildProcess; klaarMs: number }> {
  const begin = performance.now();
  const kind = spawn(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    kind.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && resolve({ kind, klaarMs: performance.now() - begin }));
    kind.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Waits until /gereed answers 200: the server is warm (issue 32.4). */
async function waitGereed(url: string): Promise<void> {
  for (;;) {
    const r = await fetch(`${url}/gereed`).catch(() => undefined);
    if (r?.status === 200) return;
    await r?.arrayBuffer();
    await new Promise((klaar) => setTimeout(klaar, 20));
  }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

export interface ServerMeting {
  schaal: number;
  /** From spawning the compiled server until it listens, on this database. */
  startMs: number;
  /** From spawning it until /gereed says ready (the engine warm, issue 32.4). */
  gereedMs: number;
  eerstePaginaMs: number;
  paginas: { pad: string; last: Last }[];
  kaal: Last;
  wijzigingZichtbaarMs: number;
  wijzigingInOverzichtMs: number;
  /** Ten further edits of other tariefbeschikkingen, each POST and the next overview: median and slowest. */
  verdereWijzigingenMs: { mediaan: number; max: number };
  peildataRssVoorMb: number;
  peildataRssNaMb: number;
  peildataRssNa200Mb: number;
}

/** The compiled server at `schaal` × national scale under 20 connections, against a bare Hono server, on 127.0.0.1. */
export async function measureServer(schaal: number): Promise<ServerMeting> {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-bench-'));
  const pad = join(map, 'landelijk.sqlite');
  fillLandelijkeDatabase(pad, schaal);
  // A signed-in NZa session made in the database the server will read (same secret), as the sign-in page would.
  const db = openDatabase(pad, GEHEIM);
  const gebruikerId = db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').pluck().get(NZA) as number;
  const { token, sessie } = createSessie(db, GEHEIM, gebruikerId, Date.now());
  const tb = db.$client
    .prepare(
      `SELECT t.id, t.kenmerk, t.besluitdatum, t.jaar, r.code AS regio, z.naam AS zorgaanbieder FROM tariefbeschikkingen t
       JOIN zorgkantoorregios r ON r.id = t.regio_id JOIN zorgaanbieders z ON z.id = t.zorgaanbieder_id
       WHERE t.kenmerk LIKE 'BENCH/%' AND t.soort = 'vaststelling' ORDER BY t.id LIMIT 12`,
    )
    .all() as {
    id: number;
    kenmerk: string;
    besluitdatum: string;
    jaar: number;
    regio: string;
    zorgaanbieder: string;
  }[];
  // The case page is a counsel's page: a session of the firm's jurist and one of its cases.
  const advocaatId = db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').pluck().get(ADVOCAAT) as number;
  const advocaat = createSessie(db, GEHEIM, advocaatId, Date.now());
  const zaak = db.$client
    .prepare("SELECT id FROM zaken WHERE organisatie_id = (SELECT organisatie_id FROM gebruikers WHERE id = ?) AND soort = 'beroep' ORDER BY id LIMIT 1")
    .pluck()
    .get(advocaatId) as number;
  db.$client.close();

  const port = await findVrijePoort();
  const url = `http://localhost:${port}`;
  const kop = { Cookie: `sessie=${token}` };
  // Pages are loaded as a browser loads them: accepting gzip (every browser sends this header).
  const alsBrowser = { ...kop, 'Accept-Encoding': 'gzip' };
  const env = { DATABASE_PATH: pad, PORT: String(port), SESSION_SECRET: GEHEIM, WMG105_INWERKINGTREDING: '2025-01-01' };
  const gestart = performance.now();
  const { kind: server, klaarMs: startMs } = await startServer([process.execPath, 'dist/server/main.mjs'], env);
  try {
    await waitGereed(url);
    const gereedMs = performance.now() - gestart;
    const koud = performance.now();
    await (await fetch(`${url}/`, { headers: kop })).text();
    const eerstePaginaMs = performance.now() - koud;
    const paginas: { pad: string; last: Last }[] = [];
    for (const p of ['/', '/matrix']) paginas.push({ pad: p, last: await runLast(`${url}${p}`, alsBrowser) });
    paginas.push({ pad: `/zaken/${zaak}`, last: await runLast(`${url}/zaken/${zaak}`, { Cookie: `sessie=${advocaat.token}`, 'Accept-Encoding': 'gzip' }) });

    // An edit of one tariefbeschikking: how long until the next page shows the new date — the decision's own page, and
    // the overview (filtered to the party, region and year, so that the term is on its first page).
    const bewerk = async (t: (typeof tb)[number], datum: string) => {
      const r = await fetch(`${url}/besluiten/tariefbeschikking/${t.id}/bewerken`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...kop, 'X-CSRF-Token': sessie.csrfToken, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ besluitdatum: datum, bekendgemaakt: datum }),
      });
      if (r.status >= 400) throw new Error(`edit refused: ${r.status} ${(await r.text()).slice(0, 200)}`);
      await r.arrayBuffer();
    };
    let begin = performance.now();
    // Dates in the recent past (a bekendmaking after today is refused since issue 14), counted from the server's today.
    const dagenGeleden = (n: number) => addDagen(vandaagInNederland(), -n);
    const invoer = (iso: string) => iso.split('-').reverse().join('-');
    const eerste = dagenGeleden(10);
    const tweede = dagenGeleden(7);
    await bewerk(tb[0]!, invoer(eerste));
    const pagina = await (await fetch(`${url}/besluiten/tariefbeschikking/${tb[0]!.id}`, { headers: kop })).text();
    const wijzigingZichtbaarMs = performance.now() - begin;
    if (!pagina.includes(formatDatumKort(eerste))) throw new Error('the edited date is not on the next page');
    const overzichtVan = (t: (typeof tb)[number]) => `${url}/?${new URLSearchParams({ regio: t.regio, jaar: String(t.jaar), zorgaanbieder: t.zorgaanbieder })}`;
    // The overview of the second decision's party once, as a user who has it open would have it.
    await (await fetch(overzichtVan(tb[1]!), { headers: kop })).text();
    begin = performance.now();
    await bewerk(tb[1]!, invoer(tweede));
    const overzicht = await (await fetch(overzichtVan(tb[1]!), { headers: kop })).text();
    const wijzigingInOverzichtMs = performance.now() - begin;
    // The bezwaar term's last day by the plain rule (art. 6:7, 6:8 Awb, art. 1 Atw), not by the engine under test.
    const controleer = (html: string, t: (typeof tb)[number], datum: string) => {
      const jaar = Number(datum.slice(0, 4));
      const einde = createGewoneEinddatum(jaar, jaar + 1).zesWekenNaBekendmaking(datum);
      if (!html.includes(t.kenmerk) || !html.includes(formatDatumKort(einde))) throw new Error(`the edited term ${t.kenmerk} is not in the next overview`);
    };
    controleer(overzicht, tb[1]!, tweede);
    // Ten more edits, as a server that has been running a while sees them: each until its overview shows it.
    const verder: number[] = [];
    for (const [i, t] of tb.slice(2).entries()) {
      await (await fetch(overzichtVan(t), { headers: kop })).text();
      const datum = dagenGeleden(12 + i);
      begin = performance.now();
      await bewerk(t, invoer(datum));
      const html = await (await fetch(overzichtVan(t), { headers: kop })).text();
      verder.push(performance.now() - begin);
      controleer(html, t, datum);
    }
    const verdereWijzigingenMs = { mediaan: [...verder].sort((a, b) => a - b)[Math.floor(verder.length / 2)]!, max: Math.max(...verder) };

    // 100 distinct peildata, then 100 more: memory must not grow with them (the second hundred tells growth apart from
    // the heap settling at its working size during the first).
    const peildataRssVoorMb = rssMb(server.pid!);
    const vraagPeildata = async (vanaf: number) => {
      for (let i = vanaf; i < vanaf + 100; i++) {
        const datum = addDagen('2026-01-01', 3 * i);
        await (await fetch(`${url}/?peildatum=${datum}`, { headers: kop })).arrayBuffer();
      }
    };
    await vraagPeildata(0);
    const peildataRssNaMb = rssMb(server.pid!);
    await vraagPeildata(100);
    const peildataRssNa200Mb = rssMb(server.pid!);
    server.kill('SIGTERM');

    const { kind: kaleServer } = await startServer([process.execPath, '--import', 'tsx', 'test/bench/kaleHono.ts'], { PORT: String(port) });
    const kaal = await runLast(`http://127.0.0.1:${port}/`, {});
    kaleServer.kill('SIGTERM');
    return {
      schaal,
      startMs,
      gereedMs,
      eerstePaginaMs,
      paginas,
      kaal,
      wijzigingZichtbaarMs,
      wijzigingInOverzichtMs,
      verdereWijzigingenMs,
      peildataRssVoorMb,
      peildataRssNaMb,
      peildataRssNa200Mb,
    };
  } finally {
    server.kill('SIGTERM');
    rmSync(map, { recursive: true, force: true });
  }
}

/** Start to first page with the demo data: the compiled server against tsx. */
export async function measureStart(): Promise<{ gecompileerdMs: number; tsxMs: number }> {
  const meet = async (argv: string[]) => {
    const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-start-'));
    const port = await findVrijePoort();
    const begin = performance.now();
    const kind = spawn(argv[0]!, argv.slice(1), { env: { ...process.env, DATABASE_PATH: join(map, 'app.sqlite'), PORT: String(port) }, stdio: 'ignore' });
    try {
      for (;;) {
        try {
          const r = await fetch(`http://localhost:${port}/aanmelden`);
          if (r.status === 200) {
            await r.text();
            return performance.now() - begin;
          }
        } catch {
          await new Promise((klaar) => setTimeout(klaar, 20));
        }
      }
    } finally {
      kind.kill('SIGTERM');
      rmSync(map, { recursive: true, force: true });
    }
  };
  return {
    gecompileerdMs: await meet([process.execPath, 'dist/server/main.mjs']),
    tsxMs: await meet([process.execPath, '--import', 'tsx', 'src/server/main.ts']),
  };
}

export function describeServerMeting(m: ServerMeting): string[] {
  const regel = (naam: string, l: Last) =>
    `${naam}: ${l.perSeconde.toFixed(0)} req/s, p50 ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p975} ms, p99 ${l.p99} ms, max ${l.max} ms, errors ${l.fouten}, non-2xx ${l.niet2xx}`;
  return [
    `server ${m.schaal}×: start to listening ${m.startMs.toFixed(0)} ms`,
    `server ${m.schaal}×: start to ready (/gereed, engine warm) ${m.gereedMs.toFixed(0)} ms`,
    `server ${m.schaal}×: first overview after ready ${m.eerstePaginaMs.toFixed(0)} ms`,
    ...m.paginas.map((p) => regel(`server ${m.schaal}× ${p.pad}`, p.last)),
    regel(`bare Hono (same machine)`, m.kaal),
    `server ${m.schaal}×: a tariefbeschikking edited → shown on its next page after ${m.wijzigingZichtbaarMs.toFixed(0)} ms, in the next overview after ${m.wijzigingInOverzichtMs.toFixed(0)} ms (POST and GET; the second edit after start)`,
    `server ${m.schaal}×: ten further edits of other tariefbeschikkingen → in the next overview after median ${m.verdereWijzigingenMs.mediaan.toFixed(0)} ms, slowest ${m.verdereWijzigingenMs.max.toFixed(0)} ms (POST and GET)`,
    `server ${m.schaal}×: distinct peildata: RSS ${m.peildataRssVoorMb.toFixed(0)} MB → ${m.peildataRssNaMb.toFixed(0)} MB after 100 → ${m.peildataRssNa200Mb.toFixed(0)} MB after 200`,
  ];
}

export interface ApiPaginaMeting {
  schaal: number;
  termijnen: number;
  paginas: number;
  /** From spawning the server until /gereed says ready. */
  gereedMs: number;
  eersteMs: number;
  p50: number;
  p95: number;
  max: number;
  /** The first page of a new walk right after each of a few writes through the API (issue 32.4). */
  naSchrijvenMs: number[];
}

/**
 * Issue 12 (bounded resources): pages of 100 of /api/v1/termijnen at `schaal` × national scale for the NZa (who sees
 * everything), one request at a time, walking the Link headers from the first page; the first (cold) request apart.
 */
export async function measureApiPagina(schaal: number, aantalPaginas = 300): Promise<ApiPaginaMeting> {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-bench-api-'));
  const pad = join(map, 'landelijk.sqlite');
  fillLandelijkeDatabase(pad, schaal);
  const db = openDatabase(pad, GEHEIM);
  const gebruikerId = db.$client.prepare('SELECT id FROM gebruikers WHERE email = ?').pluck().get(NZA) as number;
  const bearer = createApiToken(db, GEHEIM, gebruikerId, { naam: 'bench', scopes: ['lezen', 'besluiten.schrijven'] });
  db.$client.close();
  const port = await findVrijePoort();
  const url = `http://localhost:${port}`;
  const env = { DATABASE_PATH: pad, PORT: String(port), SESSION_SECRET: GEHEIM, WMG105_INWERKINGTREDING: '2025-01-01', HERINNERINGEN: 'uit' };
  const gestart = performance.now();
  const { kind: server } = await startServer([process.execPath, 'dist/server/main.mjs'], env);
  try {
    await waitGereed(url);
    const gereedMs = performance.now() - gestart;
    const kop = { Authorization: `Bearer ${bearer}` };
    let volgende: string | undefined = '/api/v1/termijnen?limit=100';
    const tijden: number[] = [];
    let termijnen = 0;
    let eersteMs = 0;
    while (volgende && tijden.length < aantalPaginas) {
      const begin = performance.now();
      const r: Response = await fetch(`${url}${volgende}`, { headers: kop });
      const json = (await r.json()) as { termijnen: unknown[] };
      const ms = performance.now() - begin;
      if (r.status !== 200) throw new Error(`API page refused: ${r.status}`);
      termijnen += json.termijnen.length;
      if (eersteMs === 0) eersteMs = ms;
      else tijden.push(ms);
      volgende = /^<([^>]+)>; rel="next"$/.exec(r.headers.get('link') ?? '')?.[1];
    }
    tijden.sort((a, b) => a - b);
    const p = (q: number) => tijden[Math.min(tijden.length - 1, Math.floor(q * tijden.length))]!;
    // A tariefbeschikking registered through the API, then the first page of a new walk: the changed cell only is
    // recomputed and merged (issue 32.4). The new term is checked in a filtered list (computed whole): never stale.
    const naSchrijvenMs: number[] = [];
    const dag = addDagen(vandaagInNederland(), -3);
    for (let i = 0; i < 5; i++) {
      const kenmerk = `BENCH/NA-SCHRIJVEN-${i}`;
      const w = await fetch(`${url}/api/v1/besluiten`, {
        method: 'POST',
        headers: { ...kop, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'tariefbeschikking',
          kenmerk,
          zorgaanbieder: String(80000000 + i),
          regio: 'Amsterdam',
          jaar: 2027,
          soort: 'vaststelling',
          besluitdatum: dag,
          bekendgemaakt: dag,
        }),
      });
      if (w.status !== 201) throw new Error(`write refused: ${w.status} ${(await w.text()).slice(0, 200)}`);
      await w.arrayBuffer();
      const begin = performance.now();
      const r = await fetch(`${url}/api/v1/termijnen?limit=100`, { headers: kop });
      await r.arrayBuffer();
      naSchrijvenMs.push(performance.now() - begin);
      const gefilterd = (await (
        await fetch(`${url}/api/v1/termijnen?limit=1000&regio=Amsterdam&jaar=2027&zorgaanbieder=${encodeURIComponent(`Bench zorgaanbieder ${i}`)}`, {
          headers: kop,
        })
      ).json()) as { termijnen: { besluit: string }[] };
      if (!gefilterd.termijnen.some((t) => t.besluit === kenmerk)) throw new Error(`the new term of ${kenmerk} is not in the list`);
    }
    return { schaal, termijnen, paginas: tijden.length + 1, gereedMs, eersteMs, p50: p(0.5), p95: p(0.95), max: tijden.at(-1)!, naSchrijvenMs };
  } finally {
    server.kill('SIGTERM');
    rmSync(map, { recursive: true, force: true });
  }
}

export function describeApiPaginaMeting(m: ApiPaginaMeting): string {
  return (
    `server ${m.schaal}× /api/v1/termijnen pages of 100 (NZa, ${m.paginas} pages walked by Link, ${m.termijnen} terms): ` +
    `start to ready (/gereed) ${m.gereedMs.toFixed(0)} ms; first page after ready ${m.eersteMs.toFixed(0)} ms, then p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(1)} ms; ` +
    `first page of a new walk right after each of ${m.naSchrijvenMs.length} writes (a tariefbeschikking registered): ${m.naSchrijvenMs.map((x) => x.toFixed(0)).join(', ')} ms`
  );
}
