// `npm start` runs compiled JavaScript (issue "speed at scale", point 6): the server bundled by esbuild into
// dist/server/main.mjs, at the same depth as src/server/main.ts so that its paths to templates/, public/, seed/ and
// drizzle/ stay the same. Rebuilt only when a source file is newer than the bundle (about 0.3 s), so a start after
// `npm ci` (which runs this as `prepare`) does not wait for it.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
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

// The dependencies are bundled too: a changed lock file (another version of a package) rebuilds as well.
const bronnen = Math.max(
  nieuwsteWijziging('src'),
  nieuwsteWijziging('seed'),
  statSync('package.json').mtimeMs,
  existsSync('package-lock.json') ? statSync('package-lock.json').mtimeMs : 0,
);
if (existsSync(UIT) && statSync(UIT).mtimeMs >= bronnen && !process.argv.includes('--altijd')) process.exit(0);

const begin = performance.now();
// Issue 30.7: say what happens, so a first start is not a silent wait.
console.error(existsSync(UIT) ? 'Broncode gewijzigd: de server wordt opnieuw gebouwd (esbuild)…' : 'De server wordt gebouwd (esbuild, eenmalig)…');

// Parts loaded on demand (a dynamic import(): the Word library) are files of their own beside the bundle.
for (const naam of existsSync('dist/server') ? readdirSync('dist/server') : []) if (/^deel-.*\.mjs(\.map)?$/.test(naam)) rmSync(join('dist/server', naam));

await build({
  entryPoints: ['src/server/main.ts'],
  outdir: 'dist/server',
  entryNames: '[name]',
  chunkNames: 'deel-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The dependencies are bundled with our code: one file to read and compile at start instead of some 430 modules
  // resolved one by one (issue 15 point 6: about 0.3 s of the start). Native modules stay in node_modules, and so does
  // anything the bundle cannot hold; a bundled CommonJS package gets `require` from the banner.
  external: ['better-sqlite3', '@node-rs/argon2'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // The map names the files (src/, node_modules/) without copying their text: `--enable-source-maps` (npm start) reads
  // a map of 2 MB at start rather than 7 MB.
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
console.error(`Server gebouwd: ${UIT} (${((performance.now() - begin) / 1000).toFixed(1)} s).`);
