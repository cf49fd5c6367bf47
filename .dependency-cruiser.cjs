// Layer rules, checked by `npm test` (`depcruise src`). See docs/adr/0001-layers.md.
// Modelled on Sairyss/domain-driven-hexagon's .dependency-cruiser.js: the domain is pure, the web is on top,
// route handlers talk to services, never to tables.
const { existsSync } = require('node:fs');

/** npm packages the domain may use: pure computation, no I/O. */
const ZUIVERE_PAKKETTEN = ['luxon'];
/** Node built-ins that do I/O (or start processes, threads, sockets): never in the domain. */
const IO_INGEBOUWD = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'readline',
  'inspector',
  'process',
  'os',
  'v8',
  'vm',
  'repl',
  'tty',
  'sqlite',
];

/**
 * The capability rooms of src/services (issue 31.4), from the bottom up: a room imports only rooms before it in this
 * list, so no two rooms import each other, directly or round about. `gedeeld` (audit, secrets, idempotency, input
 * errors and the write helper) is below every room; `beheer` (health, settings) above every room. An arrow that has
 * to go up means moving a room in this list, which is only possible when it makes no circle.
 */
const KAMERS = [
  'gedeeld',
  'toegang',
  'regios',
  'zaken',
  'besluiten',
  'bronnen',
  'termijnen',
  'controle',
  'filings',
  'herinneringen',
  'webhooks',
  'werkweergaven',
  'beheer',
];

/** One rule per room: it imports no room listed after it in KAMERS. */
const KAMERS_VAN_ONDER_NAAR_BOVEN = KAMERS.slice(0, -1).map((kamer, i) => ({
  name: `kamer-${kamer}-niet-omhoog`,
  comment: `src/services/${kamer} imports only the rooms listed before it in KAMERS (nearer gedeeld) (${KAMERS.slice(0, i).join(', ') || 'none'}): rooms form no circle.`,
  severity: 'error',
  from: { path: `^src/services/${kamer}/` },
  to: { path: `^src/services/(${KAMERS.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-alleen-domein',
      comment: 'src/domain imports only src/domain and the pure npm packages listed in ZUIVERE_PAKKETTEN.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        // seed/*.json: static reference data (the 31 zorgkantoorregio's), bundled, no I/O.
        pathNot: ['^src/domain/', '^seed/[^/]+[.]json$', ...ZUIVERE_PAKKETTEN.map((p) => `(^|/)node_modules/(@types/)?${p}/`)],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-geen-io',
      comment: 'src/domain uses no Node built-in that does I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_INGEBOUWD.join('|')})$` },
    },
    {
      name: 'web-alleen-van-boven',
      comment: 'Only src/web itself, and the composition root src/server, import src/web.',
      severity: 'error',
      from: { pathNot: ['^src/web/', '^src/server/'] },
      to: { path: '^src/web/' },
    },
    {
      name: 'routes-geen-tabellen',
      comment: 'Route handlers call services; they never import src/db or drizzle-orm.',
      severity: 'error',
      from: { path: '^src/web/routes/' },
      to: { path: ['^src/db/', '(^|/)node_modules/drizzle-orm/'] },
    },
    {
      name: 'documenten-onder-services',
      comment: 'Rendering documents needs no services: services call the renderer, never the other way round.',
      severity: 'error',
      from: { path: '^src/documents/' },
      to: { path: '^src/services/' },
    },
    {
      name: 'mail-en-herinneringen-niet-web',
      comment: 'Mail and the reminder job sit below the web: shared presentation lives in src/opmaak, actors in services.',
      severity: 'error',
      from: { path: '^src/(mail|herinneringen|webhooks|services|import|agenda|documents)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'services-in-een-kamer',
      comment: 'Every service sits in a capability room (src/services/<kamer>/…); none loose in src/services (issue 31.4).',
      severity: 'error',
      from: {},
      to: { path: '^src/services/[^/]+$' },
    },
    {
      name: 'routes-in-een-kamer',
      comment: 'Every route module sits in the room of its capability (src/web/routes/<kamer>/…), named as in src/services.',
      severity: 'error',
      from: {},
      to: { path: '^src/web/routes/[^/]+$' },
    },
    {
      name: 'route-kamer-niet-naar-andere-route-kamer',
      comment: "A route room imports services (any room) and src/web's shared helpers, never another room's routes: app.ts and apiRoutes.ts compose them.",
      severity: 'error',
      from: { path: '^src/web/routes/([^/]+)/' },
      to: { path: '^src/web/routes/', pathNot: '^src/web/routes/$1/' },
    },
    {
      name: 'routes-niet-naar-jobs',
      comment:
        'Route handlers call services, never the jobs that run beside the web (src/herinneringen, src/webhooks, src/bronnen): what a page and a job share lives in a room of src/services.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(herinneringen|webhooks|bronnen)/' },
    },
    {
      name: 'web-hulp-niet-naar-routes',
      comment: 'The shared helpers of src/web import no route; only the compositions app.ts and apiRoutes.ts mount routes.',
      severity: 'error',
      from: { path: '^src/web/[^/]+$', pathNot: '^src/web/(app|apiRoutes)[.]ts$' },
      to: { path: '^src/web/routes/' },
    },
    {
      name: 'routekamer-heeft-servicekamer',
      comment: 'A route room is named after a room of src/services: the capability is the same folder name in each layer.',
      severity: 'error',
      from: { path: `^src/web/routes/(?!(${KAMERS.join('|')})/)` },
      to: {},
    },
    ...KAMERS_VAN_ONDER_NAAR_BOVEN,
    {
      name: 'geen-kringen',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'niet-oplosbaar',
      comment: 'Every import resolves (a typo would otherwise slip past the rules above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    ...(existsSync('tsconfig.json') ? { tsConfig: { fileName: 'tsconfig.json' } } : {}),
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
