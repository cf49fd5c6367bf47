import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/verbinding';
import { seedDemoData, seedZorgkantoorregios } from '../../src/db/seedDatabase';

/**
 * `npm run -s cli -- bronnen inlezen` (issue 33) as the operator runs it, on recorded answers, against a demo database
 * in DATABASE_PATH: one JSON line per new proposal; bad XML or an SRU error is exit 2 with one Dutch line and nothing
 * written.
 */
const exec = promisify(execFile);
const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-bronnen-cli-'));
const GEHEIM = 'cli-test-geheim-van-minstens-16';
const F = (naam: string) => join('test/fixtures/bronnen', naam);
const env = { ...process.env, NODE_ENV: 'development', DATABASE_PATH: join(map, 'app.sqlite'), SESSION_SECRET: GEHEIM };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', 'cli', '--', 'bronnen', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const f = e as { code: number; stdout: string; stderr: string };
    return { code: f.code, stdout: f.stdout, stderr: f.stderr };
  }
}
const regels = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((r) => JSON.parse(r) as Record<string, unknown>);
const aantalVoorstellen = () => {
  const sql = new Database(env.DATABASE_PATH, { readonly: true });
  try {
    return (sql.prepare('SELECT count(*) AS n FROM bron_voorstellen').get() as { n: number }).n;
  } finally {
    sql.close();
  }
};

beforeAll(() => {
  const db = openDatabase(env.DATABASE_PATH, GEHEIM);
  seedZorgkantoorregios(db);
  seedDemoData(db);
  db.$client.close();
});
afterAll(() => rmSync(map, { recursive: true, force: true }));

describe('bronnen inlezen', () => {
  it('refuses bad XML with exit 2 and one Dutch line naming the file and the place, writing nothing — also when another file was good', async () => {
    const r = await cli('inlezen', '--bron', 'rechtspraak', F('rechtspraak-inhoud-1234.xml'), F('kapot.xml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'test/fixtures/bronnen/kapot.xml: geen geldige XML op regel 5, kolom 3: element <entry> (geopend op regel 3) is niet gesloten vóór </feed>\n',
    );
    expect(aantalVoorstellen()).toBe(0);
  });

  it('refuses an SRU error that came as HTTP 200 (diagnostics), and a file of the other source', async () => {
    const diagnose = await cli('inlezen', '--bron', 'staatscourant', F('staatscourant-diagnose.xml'));
    expect(diagnose).toMatchObject({ code: 2, stdout: '' });
    expect(diagnose.stderr).toBe(
      'test/fixtures/bronnen/staatscourant-diagnose.xml: SRU-diagnose: First record position out of range: 10001 (info:srw/diagnostic/1/61)\n',
    );
    const verkeerd = await cli('inlezen', '--bron', 'rechtspraak', F('staatscourant-nza.xml'));
    expect(verkeerd.code).toBe(2);
    expect(verkeerd.stderr).toContain('geen Atom-feed of open-rechtspraak-document');
    expect((await cli('inlezen', '--bron', 'eurlex', F('kapot.xml'))).stderr).toBe('onbekende bron "eurlex"; kies rechtspraak of staatscourant\n');
    expect(aantalVoorstellen()).toBe(0);
  });

  it('reads a feed with the content of its entries into one line per proposal; a deleted entry proposes nothing', async () => {
    const r = await cli(
      'inlezen',
      '--bron',
      'rechtspraak',
      F('rechtspraak-feed.xml'),
      F('rechtspraak-inhoud-1234.xml'),
      F('rechtspraak-inhoud-1300.xml'),
      F('rechtspraak-feed-leeg.xml'),
    );
    expect(r.code).toBe(0);
    expect(regels(r.stdout)).toEqual([
      { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1234', zaaknummer: '26/0417', datum: '2026-11-17', zaak: 1 },
      { soort: 'uitspraak', ecli: 'ECLI:NL:CBB:2026:1234', zaaknummer: '26/0417', datum: '2026-11-17', ontvangenBeroep: 1 },
    ]);
    // The feed's entry without its content is told, not guessed at.
    expect(r.stderr).toBe('ECLI:NL:CBB:2026:1250: alleen in de feed; geef ook de inhoud (content?id=ECLI:NL:CBB:2026:1250) mee\n');
  });

  it('reads SRU answers into KB days and NZa publications; read again, nothing is new', async () => {
    const r = await cli('inlezen', '--bron', 'staatscourant', F('staatscourant-kb.xml'), F('staatscourant-nza.xml'), F('staatscourant-leeg.xml'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(regels(r.stdout)).toEqual([
      { soort: 'gelijkgestelde-dag', datum: '2029-05-11', bron: 'stcrt-2028-12345' },
      { soort: 'gelijkgestelde-dag', datum: '2029-12-28', bron: 'stcrt-2028-12345' },
      {
        soort: 'nza-publicatie',
        titel: 'Beleidsregel prestaties en tarieven Wlz 2027',
        datum: '2026-11-16',
        url: 'https://zoek.officielebekendmakingen.nl/stcrt-2026-30123.html',
      },
      {
        soort: 'nza-publicatie',
        titel: 'Regeling verdeling contracteerruimte Wlz 2027',
        datum: '2026-11-18',
        url: 'https://zoek.officielebekendmakingen.nl/stcrt-2026-30200.html',
      },
    ]);
    const voor = aantalVoorstellen();
    expect(await cli('inlezen', '--bron', 'staatscourant', F('staatscourant-kb.xml'), F('staatscourant-nza.xml'))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(aantalVoorstellen()).toBe(voor);
  });
});
