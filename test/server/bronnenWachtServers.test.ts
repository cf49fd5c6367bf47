import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { startServer, type ServerProces } from '../support/serverProces';

/**
 * Issue 33 in real server processes: with BRONNEN=aan two servers on one database file poll the sources once between
 * them (the lease), and the proposals land in the file; SIGTERM gives the lease up.
 */
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-bronnen-servers-'));
const databasePad = join(map, 'app.sqlite');
const lees = (naam: string) => readFileSync(join('test/fixtures/bronnen', naam), 'utf8');
const verzoeken: string[] = [];
let bron: Server;
let basis = '';
const servers: ServerProces[] = [];

beforeAll(async () => {
  bron = createServer((req, res) => {
    const url = new URL(req.url!, 'http://bron');
    verzoeken.push(url.pathname);
    const bestand =
      url.pathname === '/uitspraken/zoeken'
        ? 'rechtspraak-feed.xml'
        : url.pathname === '/uitspraken/content'
          ? `rechtspraak-inhoud-${url.searchParams.get('id')!.split(':').pop()}.xml`
          : (url.searchParams.get('query') ?? '').includes('Zorgautoriteit')
            ? 'staatscourant-nza.xml'
            : 'staatscourant-kb.xml';
    res.writeHead(200, { 'Content-Type': 'application/xml' }).end(lees(bestand));
  });
  await new Promise<void>((klaar) => bron.listen(0, '127.0.0.1', klaar));
  basis = `http://127.0.0.1:${(bron.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of servers) if (s.kind.exitCode === null) s.kind.kill('SIGKILL');
  bron.closeAllConnections();
  await new Promise((klaar) => bron.close(klaar));
  rmSync(map, { recursive: true, force: true });
});

describe('the watcher in two server processes on one file', () => {
  it('polls once between them and proposes; a clean stop gives the lease up', async () => {
    const env = { BRONNEN: 'aan', BRONNEN_RECHTSPRAAK_URL: `${basis}/uitspraken`, BRONNEN_SRU_URL: `${basis}/sru` };
    servers.push(await startServer(databasePad, env));
    servers.push(await startServer(databasePad, env));
    expect(servers[0]!.uitvoer()).toContain('Official sources watcher started');
    // Each first round runs five seconds after its server's start.
    await expect.poll(() => verzoeken.filter((v) => v === '/uitspraken/zoeken').length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 7000));
    expect(verzoeken.filter((v) => v === '/uitspraken/zoeken')).toHaveLength(1);
    const sql = new Database(databasePad, { readonly: true });
    try {
      expect(sql.prepare("SELECT soort, count(*) AS n FROM bron_voorstellen WHERE soort <> 'nza-publicatie' GROUP BY soort ORDER BY soort").all()).toEqual([
        { soort: 'gelijkgestelde-dag', n: 2 },
        { soort: 'uitspraak', n: 2 },
      ]);
      expect(sql.prepare("SELECT count(*) AS n FROM verzend_lease WHERE naam = 'bronnen'").get()).toEqual({ n: 1 });
      for (const s of servers) s.kind.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.einde));
      expect(sql.prepare("SELECT count(*) AS n FROM verzend_lease WHERE naam = 'bronnen'").get()).toEqual({ n: 0 });
    } finally {
      sql.close();
    }
  }, 120_000);
});
