import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { findVrijePoort } from '../support/vrijePoort';

describe('npm start on a fresh database', () => {
  it('migrates, seeds the 31 regions and demo data, and serves the sign-in page', async () => {
    const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-start-'));
    const databasePad = join(map, 'data', 'app.sqlite');
    const port = await findVrijePoort();
    const server = spawn('npm', ['start'], { env: { ...process.env, DATABASE_PATH: databasePad, PORT: String(port) }, detached: true });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start in time')), 30_000);
        server.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('serving')) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const antwoord = await fetch(`http://127.0.0.1:${port}/aanmelden`);
      expect(antwoord.status).toBe(200);
      const html = await antwoord.text();
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('NZa juridische zaken');
      const doorverwezen = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(doorverwezen.status).toBe(302);
      const htmx = await fetch(`http://127.0.0.1:${port}/static/htmx.min.js`);
      expect(htmx.status).toBe(200);
      expect((await htmx.text()).length).toBeGreaterThan(10_000);

      expect(existsSync(databasePad)).toBe(true);
      const db = new Database(databasePad, { readonly: true });
      expect((db.prepare('SELECT count(*) AS n FROM zorgkantoorregios WHERE geldig_tot IS NULL').get() as { n: number }).n).toBe(31);
      expect((db.prepare('SELECT count(*) AS n FROM tariefbeschikkingen').get() as { n: number }).n).toBeGreaterThan(0);
      db.close();
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
    }
  });
});
