import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO } from '../support/testApp';
import { startServer, type ServerProces } from '../support/serverProces';
import { queryEen } from '../support/databaseInhoud';

/**
 * Issue 12 point 8: kill -9 in the middle of a CSV import through the real server leaves no partial state (the import
 * is all or nothing) and the server starts again cleanly. (The backup: kill9Backup.test.ts.)
 */
const t = createTestApp();
const { cookie, csrf } = t.aanmelding(DEMO.advocaat);
const databasePad = t.db.$client.name;
const map = dirname(databasePad);
t.db.$client.close();
let server: ServerProces | undefined;
afterAll(() => {
  server?.kind.kill('SIGKILL');
  rmSync(map, { recursive: true, force: true });
});

const RIJEN = 6_000;
const csv = [
  'kenmerk;kvk;zorgaanbieder;regio;jaar;soort;besluitdatum;bekendgemaakt',
  ...Array.from({ length: RIJEN }, (_, i) => `NZa/TB/KILL-${i};90000003;Stichting Amstelhof Wonen en Zorg;Amsterdam;2027;vaststelling;16-11-2026;18-11-2026`),
].join('\n');

const tel = () =>
  queryEen<{ n: number; audit: number }>(
    databasePad,
    `SELECT (SELECT count(*) FROM tariefbeschikkingen WHERE kenmerk LIKE 'NZa/TB/KILL-%') AS n,
            (SELECT count(*) FROM audit_log a JOIN tariefbeschikkingen t ON a.onderwerp = 'tariefbeschikking' AND a.onderwerp_id = t.id
              WHERE t.kenmerk LIKE 'NZa/TB/KILL-%') AS audit`,
  );
const walGrootte = () => (existsSync(`${databasePad}-wal`) ? statSync(`${databasePad}-wal`).size : 0);

describe('kill -9', () => {
  it('during a CSV import through the server: all or nothing, and the server starts again cleanly', async () => {
    server = await startServer(databasePad);
    const kop = { Cookie: cookie, 'X-CSRF-Token': csrf };
    const fd = new FormData();
    fd.append('soort', 'tariefbeschikkingen');
    fd.append('bestand', new File([csv], 'groot.csv', { type: 'text/csv' }));
    const voorbeeld = await (await fetch(`${server.url}/import/voorbeeld`, { method: 'POST', headers: kop, body: fd })).text();
    const token = /name="token" value="([^"]+)"/.exec(voorbeeld)?.[1];
    expect(token, voorbeeld.slice(0, 2000)).toBeDefined();

    // Start the import; kill the process as soon as the transaction writes pages into the WAL (64 KB or more: more than
    // a session's bookkeeping; the import's pages spill into the WAL before its commit).
    // An empty WAL first (SQLite reuses a WAL from its start after a checkpoint, so only from empty does its size show
    // the import's writes).
    const leeg = new Database(databasePad);
    expect(leeg.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    leeg.close();
    const wal = walGrootte();
    expect(wal).toBe(0);
    let beantwoord = false;
    const uitvoeren = fetch(`${server.url}/import/uitvoeren`, {
      method: 'POST',
      headers: { ...kop, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token! }),
    }).then(
      () => (beantwoord = true),
      () => undefined,
    );
    // The import writes its pages in the last few tens of milliseconds before it answers (1.3 s after the request here),
    // a window a polling loop that yields can miss when the machine is busy. So: yield until the request is on its way,
    // then poll without yielding. The server is another process; this one needs its event loop only for the answer.
    await new Promise((r) => setTimeout(r, 200));
    const begin = Date.now();
    while (walGrootte() < wal + 65_536 && Date.now() - begin < 20_000);
    const gezien = walGrootte();
    server.kind.kill('SIGKILL');
    expect(await server.einde).toBe('SIGKILL');
    expect(gezien, 'the import wrote into the WAL before the kill').toBeGreaterThanOrEqual(wal + 65_536);
    await uitvoeren;
    expect(beantwoord).toBe(false); // killed while the request was in flight

    const naKill = tel();
    console.info(`kill -9 during the import: ${naKill.n} of ${RIJEN} rows after the kill`);
    expect([0, RIJEN]).toContain(naKill.n);
    expect(naKill.audit).toBe(naKill.n);

    server = await startServer(databasePad);
    // 503 only when the database cannot be used (the answer itself says only "ok" or "niet ok").
    expect((await fetch(`${server.url}/gezond`)).status).toBe(200);
    expect(tel()).toEqual(naKill);
    server.kind.kill('SIGTERM');
    expect(await server.einde).toBe(0);
    server = undefined;
  }, 60_000);
});
