import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/testApp';
import { startServer, type ServerProces } from '../support/serverProces';

/**
 * Issue 12 points 5, 6 and 7 on one real server process on a fresh database: /gezond and /gereed; JSON log lines with
 * a request id (also the X-Request-Id header), user id, method, path without query, status and duration, and no
 * e-mail address anywhere, also for a failed sign-in; every file it creates 0600 and its directories 0700; and SIGTERM:
 * no new connections, the request in flight completes, the WAL is checkpointed, exit 0.
 */
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-proces-'));
const data = join(map, 'data');
const databasePad = join(data, 'app.sqlite');
let server: ServerProces;
afterAll(() => {
  server?.kind.kill('SIGKILL');
  rmSync(map, { recursive: true, force: true });
});

const mode = (pad: string) => (statSync(pad).mode & 0o777).toString(8);
const ONBEKEND = 'iemand.onbekend@voorbeeld.example';

/** The sign-in page's CSRF cookie and field. */
async function aanmeldFormulier() {
  const r = await fetch(`${server.url}/aanmelden`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await r.text())![1]!;
  return { cookie, csrf };
}

async function meldAan(email: string, wachtwoord: string) {
  const { cookie, csrf } = await aanmeldFormulier();
  return fetch(`${server.url}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, wachtwoord, terug: '/' }),
  });
}

describe('a server process: health, logs, file modes, shutdown', () => {
  it('starts on a fresh database and answers /gezond and /gereed without personal data', async () => {
    server = await startServer(databasePad, { HERINNERINGEN: 'aan', SESSION_SECRET: '' });
    const gereed = await fetch(`${server.url}/gereed`);
    expect(gereed.status).toBe(200);
    expect(await gereed.json()).toEqual({ gereed: true });
    // The reminder job's first run (a second after start, catching up) sends the demo data's due reminders into the
    // outbox; until it has ended they count as behind.
    for (let i = 0; i < 200 && !(existsSync(join(data, 'outbox')) && readdirSync(join(data, 'outbox')).length); i++)
      await new Promise((r) => setTimeout(r, 50));
    // The details are for a signed-in beheerder (issue 28.7), of their own organisation's reminders (the in-house
    // department's beheerder, who is reminded of its terms); anyone else hears only "ok" or "niet ok".
    const aangemeld = await meldAan(DEMO.inhouse, readFileSync(join(data, 'demo-wachtwoord'), 'utf8').trim());
    const beheerder = {
      Cookie: aangemeld.headers
        .getSetCookie()
        .find((c) => c.startsWith('sessie='))!
        .split(';')[0]!,
    };
    const gezond = () => fetch(`${server.url}/gezond`, { headers: beheerder });
    for (let i = 0; i < 200 && !(await (await gezond()).json()).herinneringJob.laatsteRonde; i++) await new Promise((r) => setTimeout(r, 50));
    const r = await gezond();
    expect(r.status).toBe(200);
    expect(r.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const tekst = await r.text();
    expect(tekst).not.toContain('@');
    const g = JSON.parse(tekst);
    expect(g).toMatchObject({ status: 'ok', database: { bereikbaar: true }, migraties: { actueel: true } });
    expect(g.migraties.toegepast).toBe(g.migraties.meegeleverd);
    expect(g.herinneringen.laatsteVerzending).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(g.laatsteMail).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The reminder job's last run in this process: when it ended and how.
    let job = g.herinneringJob;
    for (let i = 0; i < 200 && !job.laatsteRonde; i++) {
      await new Promise((klaar) => setTimeout(klaar, 50));
      job = (await (await gezond()).json()).herinneringJob;
    }
    expect(job).toEqual({ laatsteRonde: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), uitkomst: 'verzonden' });
    expect(await (await fetch(`${server.url}/gezond`)).json()).toEqual({ status: 'ok' });
  }, 60_000);

  it('creates every file 0600 and every directory 0700', () => {
    expect(mode(data)).toBe('700');
    for (const f of ['app.sqlite', 'app.sqlite-wal', 'app.sqlite-shm', 'sessie-geheim', 'demo-wachtwoord'])
      expect([f, mode(join(data, f))]).toEqual([f, '600']);
    expect(mode(join(data, 'outbox'))).toBe('700');
    const mails = readdirSync(join(data, 'outbox'));
    expect(mails.length).toBeGreaterThan(0);
    for (const f of mails) expect([f, mode(join(data, 'outbox', f))]).toEqual([f, '600']);
  });

  it('logs sign-ins, failed ones included, by user id and never by e-mail address', async () => {
    const wachtwoord = readFileSync(join(data, 'demo-wachtwoord'), 'utf8').trim();
    const goed = await meldAan(DEMO.advocaat, wachtwoord);
    expect(goed.status).toBe(303);
    const sessie = goed.headers
      .getSetCookie()
      .find((c) => c.startsWith('sessie='))!
      .split(';')[0]!;
    expect((await meldAan(DEMO.advocaat, 'verkeerd-wachtwoord')).status).toBe(401);
    expect((await meldAan(ONBEKEND, 'wat-dan-ook')).status).toBe(401);
    const zaken = await fetch(`${server.url}/zaken?zoek=${encodeURIComponent(DEMO.inhouse)}`, { headers: { Cookie: sessie } });
    expect(zaken.status).toBe(200);
    const id = zaken.headers.get('X-Request-Id')!;
    // Secrets in paths (a first-sign-in link, a calendar feed) are not logged either.
    await fetch(`${server.url}/welkom/GEHEIM-welkomtoken-123`);
    await fetch(`${server.url}/agenda/GEHEIM-agendatoken-456.ics`);

    const regels = server
      .stdout()
      .trim()
      .split('\n')
      .map((r) => JSON.parse(r) as Record<string, unknown>);
    const regel = regels.find((r) => r.req === id)!;
    const gebruikerId = (() => {
      const db = new Database(databasePad, { readonly: true });
      const rij = db.prepare('SELECT id FROM gebruikers WHERE email = ?').get(DEMO.advocaat) as { id: number };
      db.close();
      return rij.id;
    })();
    expect(regel).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/zaken', status: 200, user: gebruikerId });
    expect(typeof regel.ms).toBe('number');
    const mislukt = regels.filter((r) => r.msg === 'Sign-in failed');
    expect(mislukt).toHaveLength(2);
    expect(mislukt[0]).toMatchObject({ reden: expect.any(String), user: gebruikerId, path: '/aanmelden' });
    expect(mislukt[1]).not.toHaveProperty('user');
    const alles = server.uitvoer();
    for (const adres of [DEMO.advocaat, DEMO.inhouse, ONBEKEND]) expect(alles).not.toContain(adres);
    expect(alles).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(alles).not.toContain(encodeURIComponent(DEMO.inhouse));
    expect(alles).not.toContain('GEHEIM-');
    expect(regels.some((r) => r.path === '/welkom/…')).toBe(true);
    // Issue 30.6: the demo password on a plain line of its own, in no JSON log line.
    expect(alles.split('\n')).toContain(`Demo-wachtwoord: ${wachtwoord}`);
    expect(regels.some((r) => JSON.stringify(r).includes(wachtwoord))).toBe(false);
  }, 30_000);

  it('on SIGTERM refuses new connections, completes the request in flight, checkpoints the WAL and exits 0', async () => {
    const { cookie, csrf } = await aanmeldFormulier();
    const wachtwoord = readFileSync(join(data, 'demo-wachtwoord'), 'utf8').trim();
    const body = new URLSearchParams({ _csrf: csrf, email: DEMO.beheerder, wachtwoord, terug: '/' }).toString();
    const agent = new Agent({ keepAlive: true });
    const helft = Math.floor(body.length / 2);
    let antwoord!: (v: { status: number; cookies: string[] }) => void;
    const beantwoord = new Promise<{ status: number; cookies: string[] }>((r) => (antwoord = r));
    const u = new URL(`${server.url}/aanmelden`);
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: '/aanmelden',
        method: 'POST',
        agent,
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => antwoord({ status: res.statusCode!, cookies: res.headers['set-cookie'] ?? [] }));
      },
    );
    // The request is in flight: headers and half the body sent, the handler waiting for the rest.
    req.write(body.slice(0, helft));
    await new Promise((r) => setTimeout(r, 300));
    server.kind.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(server.kind.exitCode).toBeNull(); // still running: it waits for the request
    await expect(fetch(`${server.url}/gereed`)).rejects.toThrow(); // but accepts no new connection
    req.end(body.slice(helft));
    const r = await beantwoord;
    expect(r.status).toBe(303);
    expect(r.cookies.some((c) => c.startsWith('sessie='))).toBe(true);
    expect(await server.einde).toBe(0);
    agent.destroy();

    // The WAL was checkpointed into the file and the database closed: no -wal left, and the sign-in's session is there.
    expect(existsSync(`${databasePad}-wal`) ? statSync(`${databasePad}-wal`).size : 0).toBe(0);
    expect(readdirSync(data).filter((n) => n.includes('.server-'))).toEqual([]);
    const db = new Database(databasePad, { readonly: true });
    const n = db.prepare('SELECT count(*) AS n FROM sessies s JOIN gebruikers g ON g.id = s.gebruiker_id WHERE g.email = ?').get(DEMO.beheerder) as {
      n: number;
    };
    db.close();
    expect(n.n).toBe(1);
    expect(server.stdout()).toContain('"msg":"Stopped: database checkpointed and closed"');
  }, 30_000);
});
