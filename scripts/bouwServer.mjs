// `npm start` runs compiled JavaScript (issue "speed at scale", point 6): the server bundled by esbuild into
// dist/server/main.mjs, at the same depth as src/server/main.ts so that its paths to templates/, public/, seed/ and
// drizzle/ stay the same. Rebuilt only when a source file is newer than the bundle (about 0.3 s), so a start after
// `npm ci` (which runs this as `prepare`) does not wait for it.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const UIT = 'dist/server/main.mjs';

function nieuwsteWijziging(map) {
  let nieuwste = 0;
  for (const naam of readdirSync(map, { withFileTypes: true })) {
    const pad = join(map, naam.name);
    nieuwste = Math.max(nieuwste, naam.isDirectory() ? nieuwsteWijziging(pad) : statSync(pad).mtimeMs);
  }
  return nieuwste;
}

const bronnen = Math.max(nieuwsteWijziging('src'), nieuwsteWijziging('seed'), statSync('package.json').mtimeMs);
if (existsSync(UIT) && statSync(UIT).mtimeMs >= bronnen && !process.argv.includes('--altijd')) process.exit(0);

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: UIT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Dependencies stay in node_modules (native better-sqlite3 and argon2 among them); only our code is bundled.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
