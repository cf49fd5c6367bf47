import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findVrijePoort } from '../support/vrijePoort';

/**
 * The operator's command-line contract (issue 11), run as the operator runs it — `npm run -s cli -- …` — against the
 * same DATABASE_PATH as a server started with `npm start`, while that server runs.
 */
const exec = promisify(execFile);
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-cli-'));
let port = 0;
let server: ChildProcess | undefined;
let env: NodeJS.ProcessEnv = {};

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', 'cli', '--', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const f = e as { code: number; stdout: string; stderr: string };
    return { code: f.code, stdout: f.stdout, stderr: f.stderr };
  }
}

/** With something on standard input (the SSO client secret). */
function cliMetInvoer(invoer: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn('npm', ['run', '-s', 'cli', '--', ...args], { env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    p.stdin.end(invoer);
  });
}

beforeAll(async () => {
  port = await findVrijePoort();
  env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_PATH: join(map, 'app.sqlite'),
    PORT: String(port),
    SESSION_SECRET: 'cli-test-geheim-van-minstens-16',
    HERINNERINGEN: 'uit',
  };
  server = spawn('npm', ['start'], { env, detached: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in time')), 60_000);
    server!.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}, 90_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(map, { recursive: true, force: true });
});

const api = (pad: string, token: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${port}${pad}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });

describe('the account commands, while the server runs on the same database', () => {
  it('adds an organisation, a user with a one-time link, and tokens that authorise /api/v1 with their scope', async () => {
    const org = await cli('organisatie', 'toevoegen', '--naam', 'Kantoor Opdrachtregel Advocaten', '--soort', 'advocatenkantoor');
    expect(org).toMatchObject({ code: 0, stderr: '' });
    expect(org.stdout).toContain('Organisatie toegevoegd: Kantoor Opdrachtregel Advocaten');

    const gebruiker = await cli(
      'gebruiker',
      'toevoegen',
      '--email',
      'p.smit@opdrachtregel.example',
      '--naam',
      'mr. P. Smit',
      '--organisatie',
      'Kantoor Opdrachtregel Advocaten',
      '--rol',
      'jurist',
    );
    expect(gebruiker.code).toBe(0);
    const link = /^http:\/\/localhost:\d+\/welkom\/[A-Za-z0-9_-]{43}$/m.exec(gebruiker.stdout)?.[0];
    expect(link, gebruiker.stdout).toBeDefined();
    // The link works on the running server (it names the server's own address).
    const welkom = await fetch(link!.replace('localhost', '127.0.0.1'));
    expect(welkom.status).toBe(200);
    expect(await welkom.text()).toContain('Welkom, mr. P. Smit');

    const schrijven = await cli('token', 'maak', '--email', 'p.smit@opdrachtregel.example', '--scope', 'schrijven');
    const lezen = await cli('token', 'maak', '--email', 'p.smit@opdrachtregel.example', '--scope', 'lezen');
    for (const u of [schrijven, lezen]) {
      expect(u.code).toBe(0);
      expect(u.stdout.endsWith('\n')).toBe(true);
    }
    // The token alone on the last line of stdout.
    const laatste = (u: { stdout: string }) => u.stdout.trimEnd().split('\n').at(-1)!;
    expect(laatste(schrijven)).toMatch(/^\S{20,}$/);
    expect(laatste(lezen)).not.toBe(laatste(schrijven));

    for (const token of [laatste(schrijven), laatste(lezen)]) {
      const r = await api('/api/v1/termijnen', token);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/json');
      await r.json();
    }
    // Scope: `lezen` may not write (403); `schrijven` gets past the permission check to the validation (422).
    const alsLezer = await api('/api/v1/besluiten', laatste(lezen), { method: 'POST', body: '{}' });
    expect(alsLezer.status).toBe(403);
    expect(((await alsLezer.json()) as { fout: string }).fout).toBeTruthy();
    const alsSchrijver = await api('/api/v1/besluiten', laatste(schrijven), { method: 'POST', body: '{}' });
    expect(alsSchrijver.status).toBe(422);
    // An invented token authorises nothing.
    expect((await api('/api/v1/termijnen', 'x'.repeat(43))).status).toBe(401);
  }, 120_000);

  it("sets an organisation's single sign-on with the secret from standard input, never echoing it", async () => {
    const GEHEIM = 'clientgeheim-van-de-opdrachtregel-42';
    const goed = await cliMetInvoer(
      GEHEIM,
      'organisatie',
      'sso',
      '--naam',
      'Kantoor Opdrachtregel Advocaten',
      '--issuer',
      'https://login.opdrachtregel.example',
      '--client-id',
      'termijnbewaking',
    );
    expect(goed.code, goed.stderr).toBe(0);
    expect(goed.stdout).toContain(
      `Single sign-on ingesteld voor Kantoor Opdrachtregel Advocaten. Terugstuuradres voor de identiteitsprovider: http://localhost:${port}/aanmelden/sso/terug`,
    );
    expect(goed.stdout + goed.stderr).not.toContain(GEHEIM);
    const zonderGeheim = await cliMetInvoer(
      '',
      'organisatie',
      'sso',
      '--naam',
      'Van Dam & Kuipers Advocaten',
      '--issuer',
      'https://login.vdk.example',
      '--client-id',
      'x',
    );
    expect(zonderGeheim.code).toBe(2);
    expect(zonderGeheim.stderr).toContain('geef het clientgeheim');
    const http = await cliMetInvoer(
      GEHEIM,
      'organisatie',
      'sso',
      '--naam',
      'Van Dam & Kuipers Advocaten',
      '--issuer',
      'http://login.vdk.example',
      '--client-id',
      'x',
    );
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('moet met https:// beginnen');
  }, 120_000);

  it('exits 2 with a Dutch message on stderr for an unknown organisation, a duplicate e-mail, an unknown role or soort', async () => {
    const gevallen: [string[], RegExp][] = [
      [
        ['gebruiker', 'toevoegen', '--email', 'x@y.example', '--naam', 'X', '--organisatie', 'Bestaat Niet B.V.', '--rol', 'jurist'],
        /onbekende organisatie "Bestaat Niet B\.V\."/,
      ],
      [
        [
          'gebruiker',
          'toevoegen',
          '--email',
          'P.Smit@opdrachtregel.example',
          '--naam',
          'P. Smit',
          '--organisatie',
          'Kantoor Opdrachtregel Advocaten',
          '--rol',
          'lezer',
        ],
        /er is al een gebruiker met dit e-mailadres/,
      ],
      [
        ['gebruiker', 'toevoegen', '--email', 'z@y.example', '--naam', 'Z', '--organisatie', 'Kantoor Opdrachtregel Advocaten', '--rol', 'baas'],
        /onbekende rol "baas"; kies uit: beheerder, jurist, lezer/,
      ],
      [['organisatie', 'toevoegen', '--naam', 'Iets', '--soort', 'bank'], /onbekende soort "bank"/],
      [['token', 'maak', '--email', 'niemand@nergens.example', '--scope', 'lezen'], /onbekende gebruiker/],
    ];
    for (const [args, melding] of gevallen) {
      const u = await cli(...args);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toMatch(melding);
      expect(u.stdout).toBe('');
    }
  }, 120_000);
});
