import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startTestServer } from '../support/testServer';
import { DEMO, SESSIE_GEHEIM } from '../support/testApp';
import { API_TYPES_PAD, buildApiDocument, formatApiTypes } from '../../scripts/apiTypes';
import { createApiToken } from '../../src/services/toegang/apiTokenService';
import { findGebruikerIdByEmail } from '../../src/services/toegang/gebruikerBeheer';

/** The example client of docs/api-client (issue 32.6): its generated types match the served document, and it works. */
let s: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => (s = await startTestServer()), 60_000);
afterAll(() => s.stop());

const run = promisify(execFile);

describe('the example API client (docs/api-client)', () => {
  it('uses types that match the document the server serves (npm run api:types regenerates them)', async () => {
    const gediend = await (await fetch(`${s.url}/api/v1/openapi.json`)).json();
    expect(readFileSync(API_TYPES_PAD, 'utf8')).toBe(await formatApiTypes(gediend));
    // And the script that writes the file draws the same document from the declarations alone.
    expect(JSON.stringify(buildApiDocument())).toBe(JSON.stringify(gediend));
  });

  it('lists this week’s terms and opens a case for one, against a real server; a second run opens nothing more', async () => {
    const token = createApiToken(s.db, SESSIE_GEHEIM, findGebruikerIdByEmail(s.db, DEMO.advocaat)!, {
      naam: 'voorbeeld',
      scopes: ['lezen', 'zaken.schrijven'],
    });
    // A week in which a term of the firm without a case ends: beroep against the contracteerruimte via NZa/TB/2026-1744.
    const alle = (await (
      await fetch(`${s.url}/api/v1/termijnen?limit=1000&regio=Amsterdam&jaar=2026`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { termijnen: { besluit: string; rechtsmiddel: string; einde: string }[] };
    const doel = alle.termijnen.find((t) => t.besluit === 'NZa/TB/2026-1744' && t.rechtsmiddel === 'beroep')!;
    const vandaag = new Date(Date.parse(`${doel.einde}T12:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
    const env = { ...process.env, TERMIJNBEWAKING_URL: s.url, TERMIJNBEWAKING_TOKEN: token, VANDAAG: vandaag };
    const zaken = () => s.db.$client.prepare('SELECT count(*) FROM zaken').pluck().get() as number;
    const voor = zaken();

    const eerste = await run(process.execPath, ['--import', 'tsx', 'docs/api-client/voorbeeldClient.ts'], { env, timeout: 60_000 });
    const regels = eerste.stdout.trim().split('\n');
    expect(regels.some((r) => r.startsWith(`${doel.einde}  beroep  NZa/TB/2026-1744  Amsterdam 2026`))).toBe(true);
    // Every listed term ends this week, in order.
    const datums = regels.slice(0, -1).map((r) => r.slice(0, 10));
    const tot = new Date(Date.parse(`${vandaag}T12:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    expect(datums.every((d) => d >= vandaag && d <= tot)).toBe(true);
    expect([...datums].sort()).toEqual(datums);
    const geopend = /^zaak geopend: (\d+) \(/.exec(regels.at(-1)!);
    expect(geopend, eerste.stdout + eerste.stderr).not.toBeNull();
    expect(zaken()).toBe(voor + 1);
    const zaakId = Number(geopend![1]);
    expect(s.db.$client.prepare('SELECT organisatie_id FROM zaken WHERE id = ?').pluck().get(zaakId)).toBe(2);

    const tweede = await run(process.execPath, ['--import', 'tsx', 'docs/api-client/voorbeeldClient.ts'], { env, timeout: 60_000 });
    expect(tweede.stdout).toMatch(new RegExp(`: ${zaakId} \\(`));
    expect(zaken()).toBe(voor + 1);
  }, 120_000);
});
