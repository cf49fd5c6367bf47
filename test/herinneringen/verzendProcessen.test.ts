import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { createTestApp, SESSIE_GEHEIM } from '../support/testApp';
import { findVrijePoort } from '../support/vrijePoort';
import { startTestSmtp, type TestSmtp } from '../support/testSmtp';
import { vandaagInNederland } from '../../src/config/klok';
import { addDagen } from '../../src/domain/kalender/kalenderdatum';

/**
 * Reminders sent by real server processes (issue 12.4 and 12.8): two servers on one database file never both send
 * (the lease row), and a server killed with SIGKILL in the middle of an SMTP conversation loses nothing and doubles
 * nothing: the reminder it was sending becomes `onzeker`, the rest goes out once from the server started after it.
 */

let smtp: TestSmtp;
let smtpPoort: number;
let modus: 'aannemen' | 'hangen' = 'aannemen';
let aangenomen: string[] = [];
let hangend = 0;
beforeAll(async () => {
  smtp = await startTestSmtp((bericht, klaar) => {
    if (modus === 'hangen') {
      hangend++; // the message arrived, but the server never answers: did it go out? Nobody can know.
      return;
    }
    void simpleParser(bericht).then((m) => aangenomen.push(m.messageId!));
    klaar();
  });
  smtpPoort = smtp.poort;
});
afterAll(() => smtp.sluit());

let t: ReturnType<typeof createTestApp>;
const servers: ChildProcess[] = [];
beforeEach(() => {
  t = createTestApp();
  aangenomen = [];
  hangend = 0;
  modus = 'aannemen';
  // Terms relative to the real today (the servers run on the real clock): three cases whose reminders are due now.
  const vandaag = vandaagInNederland();
  const zet = t.db.$client.prepare('UPDATE tariefbeschikkingen SET besluitdatum = ?, bekendgemaakt = ? WHERE kenmerk = ?');
  for (const [kenmerk, dagen] of [
    ['NZa/TB/2026-1810', 10],
    ['NZa/TB/2026-1855', 12],
    ['NZa/TB/2026-1744', 8],
  ] as const) {
    const bekend = addDagen(vandaag, dagen - 42);
    zet.run(bekend, bekend, kenmerk);
  }
  t.db.$client.exec('UPDATE gebruikers SET weekoverzicht = 0');
});
afterEach(() => {
  for (const s of servers.splice(0)) s.kill('SIGKILL');
  t.sluit();
});

async function startServer(): Promise<{ kind: ChildProcess; uitvoer: () => string; url: string }> {
  const port = await findVrijePoort();
  const kind = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH!,
      DATABASE_PATH: t.db.$client.name,
      PORT: String(port),
      SESSION_SECRET: SESSIE_GEHEIM,
      SEED_DEMO: 'false',
      WMG105_INWERKINGTREDING: '2025-01-01',
      HERINNERINGEN: 'aan',
      HERINNERING_INTERVAL_MINUTEN: '1',
      HERINNERING_LEASE_SECONDEN: '3',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPoort),
      SMTP_SECURE: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(kind);
  let uit = '';
  kind.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
  kind.stderr!.on('data', (d: Buffer) => (uit += d.toString()));
  await new Promise<void>((resolve, reject) => {
    kind.stdout!.on('data', () => uit.includes('serving') && resolve());
    kind.on('exit', (code) => reject(new Error(`server exited with ${code}: ${uit}`)));
  });
  return { kind, uitvoer: () => uit, url: `http://127.0.0.1:${port}` };
}

const telling = (status: string) => t.db.$client.prepare('SELECT count(*) FROM herinneringen WHERE status = ?').pluck().get(status) as number;

describe('reminders from real server processes', () => {
  it('two servers on one database file: only the lease holder sends, each reminder once', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    // Both have run their first round: one sent, the other found the lease taken.
    await expect.poll(() => a.uitvoer() + b.uitvoer(), { timeout: 60_000, interval: 200 }).toContain('another server holds the sender lease');
    await expect.poll(() => a.uitvoer() + b.uitvoer(), { timeout: 60_000, interval: 200 }).toMatch(/reminders: \{\\?"verzonden\\?":\d+/);
    await expect.poll(() => aangenomen.length, { timeout: 10_000 }).toBe(telling('verzonden'));
    expect(aangenomen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(aangenomen).size).toBe(aangenomen.length);
    const afzenders = t.db.$client.prepare("SELECT DISTINCT geclaimd_door FROM herinneringen WHERE status = 'verzonden'").pluck().all();
    expect(afzenders).toHaveLength(1);
    expect(t.db.$client.prepare('SELECT eigenaar FROM verzend_lease').pluck().get()).toBe(afzenders[0]);
    expect([a.uitvoer(), b.uitvoer()].filter((u) => u.includes('another server holds the sender lease'))).toHaveLength(1);
  }, 120_000);

  it('kill -9 during a reminder send: nothing lost, nothing doubled, and the server starts again cleanly', async () => {
    modus = 'hangen';
    const eerste = await startServer();
    await expect.poll(() => hangend, { timeout: 60_000, interval: 100 }).toBe(1); // the first e-mail is on the wire
    eerste.kind.kill('SIGKILL');
    await new Promise((r) => eerste.kind.once('exit', r));
    expect(telling('bezig')).toBe(1);
    expect(telling('verzonden')).toBe(0);
    const teVersturen = t.db.$client
      .prepare("SELECT count(*) FROM herinneringen WHERE soort = 'herinnering' AND status = 'gepland' AND moment <= ?")
      .pluck()
      .get(vandaagInNederland()) as number;

    modus = 'aannemen';
    await new Promise((r) => setTimeout(r, 3500)); // the dead server's lease runs out
    const tweede = await startServer();
    await expect.poll(() => tweede.uitvoer(), { timeout: 60_000, interval: 200 }).toMatch(/reminders: \{\\?"verzonden\\?":\d+/);
    expect((await fetch(`${tweede.url}/gezond`)).status).toBe(200);
    // The interrupted one is onzeker (for a person to decide), never resent by itself; the rest went out once each.
    expect(telling('bezig')).toBe(0);
    expect(telling('onzeker')).toBe(1);
    const onzeker = t.db.$client.prepare("SELECT id FROM herinneringen WHERE status = 'onzeker'").pluck().get() as number;
    await expect.poll(() => aangenomen.length, { timeout: 10_000 }).toBe(telling('verzonden'));
    expect(aangenomen).not.toContain(`<herinnering-${onzeker}@termijnbewaking.local>`);
    expect(new Set(aangenomen).size).toBe(aangenomen.length);
    // Nothing lost: every reminder that was due is sent, marked onzeker, or skipped as covered by one sent for its term.
    expect(telling('verzonden') + telling('onzeker') + telling('overgeslagen')).toBeGreaterThanOrEqual(teVersturen + 1);
    expect(
      t.db.$client
        .prepare("SELECT count(*) FROM herinneringen WHERE soort = 'herinnering' AND status = 'gepland' AND moment <= ?")
        .pluck()
        .get(vandaagInNederland()),
    ).toBe(0);
  }, 120_000);
});
