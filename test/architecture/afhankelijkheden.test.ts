import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DEPCRUISE = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve('.dependency-cruiser.cjs');

type Overtreding = { from: string; to: string; rule: { name: string } };

function cruise(map: string, pad = 'src'): { status: number | null; overtredingen: Overtreding[] } {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', pad], { cwd: map, encoding: 'utf8', timeout: 110_000 });
  const uitvoer = JSON.parse(r.stdout) as { summary: { violations: Overtreding[] } };
  // The JSON reporter always exits 0; the default reporter (what `npm test` runs) exits non-zero on an error.
  const standaard = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, pad], { cwd: map, encoding: 'utf8', timeout: 110_000 });
  return { status: standaard.status, overtredingen: uitvoer.summary.violations };
}

describe('layer rules (.dependency-cruiser.cjs)', () => {
  const map = mkdtempSync(join(tmpdir(), 'termijnbewaking-lagen-'));
  afterAll(() => rmSync(map, { recursive: true, force: true }));
  const writeFixture = (pad: string, tekst: string) => {
    mkdirSync(dirname(join(map, pad)), { recursive: true });
    writeFileSync(join(map, pad), tekst);
  };

  it('hold for the code base', () => {
    const r = cruise(process.cwd());
    expect(r.overtredingen).toEqual([]);
    expect(r.status).toBe(0);
  }, 120_000);

  it('bite: each deliberate violation in a small fixture is reported and fails the run', () => {
    writeFixture('src/db/schema.ts', 'export const tabel = 1;\n');
    writeFixture(
      'src/domain/termijn.ts',
      "import { readFileSync } from 'node:fs';\nimport { tabel } from '../db/schema';\nexport const x = [readFileSync, tabel];\n",
    );
    writeFixture('src/domain/rekenen.ts', "import { x } from './termijn';\nexport const y = x;\n");
    writeFixture('src/web/weergave.ts', 'export const opmaak = 1;\n');
    writeFixture('src/mail/mail.ts', "import { opmaak } from '../web/weergave';\nexport const m = opmaak;\n");
    writeFixture('src/web/routes/zaken/zakenRoutes.ts', "import { tabel } from '../../../db/schema';\nexport const r = tabel;\n");
    writeFixture('src/services/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    writeFixture('src/services/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    // Rooms (issue 31.4): a shared piece reaching up into a room, one route room importing another's routes.
    writeFixture('src/services/toegang/permissies.ts', 'export const can = () => true;\n');
    writeFixture('src/services/gedeeld/auditService.ts', "import { can } from '../toegang/permissies';\nexport const log = can;\n");
    writeFixture('src/web/routes/filings/documentenRoutes.ts', "import { r } from '../zaken/zakenRoutes';\nexport const d = r;\n");
    writeFixture('src/web/routes/overig/losseRoutes.ts', "import { can } from '../../../services/toegang/permissies';\nexport const l = can;\n");
    // A route reaching into a job beside the web, instead of the room both would share.
    writeFixture('src/herinneringen/herinneringService.ts', 'export const plan = () => 1;\n');
    writeFixture('src/web/routes/werkweergaven/werkRoutes.ts', "import { plan } from '../../../herinneringen/herinneringService';\nexport const w = plan;\n");
    const r = cruise(map);
    expect(r.status).not.toBe(0);
    const gemeld = r.overtredingen.map((o) => `${o.rule.name}: ${o.from} → ${o.to}`);
    expect(gemeld).toEqual(
      expect.arrayContaining([
        'domain-geen-io: src/domain/termijn.ts → fs',
        'domain-alleen-domein: src/domain/termijn.ts → src/db/schema.ts',
        'web-alleen-van-boven: src/mail/mail.ts → src/web/weergave.ts',
        'routes-geen-tabellen: src/web/routes/zaken/zakenRoutes.ts → src/db/schema.ts',
        'geen-kringen: src/services/a.ts → src/services/b.ts',
        'services-in-een-kamer: src/services/a.ts → src/services/b.ts',
        'kamer-gedeeld-niet-omhoog: src/services/gedeeld/auditService.ts → src/services/toegang/permissies.ts',
        'route-kamer-niet-naar-andere-route-kamer: src/web/routes/filings/documentenRoutes.ts → src/web/routes/zaken/zakenRoutes.ts',
        'routekamer-heeft-servicekamer: src/web/routes/overig/losseRoutes.ts → src/services/toegang/permissies.ts',
        'routes-niet-naar-jobs: src/web/routes/werkweergaven/werkRoutes.ts → src/herinneringen/herinneringService.ts',
      ]),
    );
    // A domain module importing another domain module is fine.
    expect(gemeld.filter((g) => g.includes('src/domain/rekenen.ts'))).toEqual([]);
  }, 120_000);
});
