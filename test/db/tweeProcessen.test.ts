import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, SESSIE_GEHEIM, tariefbeschikkingJson } from '../support/testApp';
import { findVrijePoort } from '../support/vrijePoort';

/**
 * Two processes on one database file: this test process (the app in-process) and a real server started with
 * `src/server/main.ts`. Both cache computed terms; each sees the other's write at its very next request, because every
 * write bumps the data revision in the same transaction and every cache keys on it.
 */
describe('two processes on one database file', () => {
  const t = createTestApp();
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await findVrijePoort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH!, DATABASE_PATH: t.db.$client.name, PORT: String(port), HERINNERINGEN: 'uit', SESSION_SECRET: SESSIE_GEHEIM },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  }, 60_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    t.sluit();
  });

  const hier = (pad: string, init: RequestInit = {}) => t.als(DEMO.advocaat)(pad, init);
  const daar = (pad: string, init: RequestInit = {}) =>
    fetch(`${url}${pad}`, {
      ...init,
      headers: { Authorization: `Bearer ${t.aanmelding(DEMO.advocaat).bearer}`, ...(init.headers as Record<string, string> | undefined) },
    });
  const kenmerken = async (r: Response) => ((await r.json()) as { tariefbeschikkingen: { kenmerk: string }[] }).tariefbeschikkingen.map((b) => b.kenmerk);
  const nieuweTb = (kenmerk: string) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: tariefbeschikkingJson(kenmerk),
  });

  it('see each other’s writes at once, with warm caches on both sides', async () => {
    // Warm both caches.
    expect(await kenmerken(await hier('/api/v1/besluiten'))).not.toContain('TWEE/1');
    expect(await kenmerken(await daar('/api/v1/besluiten'))).not.toContain('TWEE/1');

    // The server writes; this process sees it at its next request.
    expect((await daar('/api/v1/besluiten', nieuweTb('TWEE/1'))).status).toBe(201);
    expect(await kenmerken(await hier('/api/v1/besluiten'))).toContain('TWEE/1');
    expect(await (await hier('/api/v1/termijnen?regio=Amsterdam&jaar=2027')).text()).toContain('TWEE/1');

    // This process writes; the server sees it at its next request.
    expect(await kenmerken(await daar('/api/v1/besluiten'))).not.toContain('TWEE/2');
    expect((await hier('/api/v1/besluiten', nieuweTb('TWEE/2'))).status).toBe(201);
    expect(await kenmerken(await daar('/api/v1/besluiten'))).toContain('TWEE/2');
    expect(await (await daar('/api/v1/termijnen?regio=Amsterdam&jaar=2027')).text()).toContain('TWEE/2');
  }, 60_000);
});
