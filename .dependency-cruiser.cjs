/**
 * The rooms of the house and what each may import: the one source of the boundary rules that
 * `npm test` checks (`depcruise`, before jest) and of docs/architecture.md's room map, which
 * test/deploy/room-map.unit.test.ts holds to this list. A room may always import itself and
 * packages; anything not listed is refused. Adding a room or an import between rooms means
 * changing this map (and the doc), on purpose.
 */
const CORE_ROOMS = {
  vocabulary: [],
  contract: ['vocabulary'],
  errors: [],
  text: [],
  config: [],
  logging: ['config'],
  db: ['config', 'vocabulary'],
  storage: ['config', 'errors'],
  paging: ['contract', 'errors'],
  audit: ['db'],
  access: ['db', 'errors', 'vocabulary'],
  queue: ['config', 'db', 'errors', 'vocabulary'],
  runtime: ['config', 'db', 'logging', 'queue', 'storage'],
  licensing: ['audit', 'contract', 'db', 'errors', 'paging', 'storage', 'text', 'vocabulary'],
  gallery: ['db', 'licensing', 'runtime', 'storage', 'text'],
  webhooks: ['contract', 'db', 'errors', 'licensing', 'paging', 'queue', 'runtime', 'vocabulary'],
  usage: ['contract', 'db', 'paging'],
  media: ['errors', 'runtime', 'storage', 'vocabulary'],
  assets: ['audit', 'contract', 'db', 'errors', 'gallery', 'licensing', 'paging', 'queue', 'runtime', 'storage', 'vocabulary', 'webhooks'],
  ads: ['assets', 'audit', 'contract', 'db', 'errors', 'gallery', 'licensing', 'media', 'paging', 'queue', 'runtime', 'storage', 'text', 'usage', 'vocabulary'],
  nlp: ['config', 'vocabulary'],
  comments: ['audit', 'config', 'contract', 'db', 'errors', 'nlp', 'paging', 'queue', 'runtime', 'text', 'vocabulary'],
  faq: ['audit', 'comments', 'db', 'errors', 'gallery', 'runtime', 'webhooks'],
  insights: ['comments', 'db', 'faq'],
  'rights-requests': [
    'access',
    'ads',
    'assets',
    'audit',
    'contract',
    'db',
    'errors',
    'licensing',
    'paging',
    'runtime',
    'storage',
    'text',
    'vocabulary',
    'webhooks',
  ],
  'creator-page': [
    'access',
    'ads',
    'assets',
    'audit',
    'contract',
    'db',
    'errors',
    'licensing',
    'paging',
    'rights-requests',
    'runtime',
    'storage',
    'vocabulary',
    'webhooks',
  ],
  privacy: ['assets', 'audit', 'db', 'errors', 'faq', 'licensing', 'storage', 'text'],
  tracking: ['audit', 'config', 'contract', 'db', 'errors', 'paging', 'vocabulary'],
  'creator-codes': ['audit', 'contract', 'db', 'errors', 'licensing', 'paging'],
};

const roomRules = Object.entries(CORE_ROOMS).map(([room, mayImport]) => ({
  name: `core/${room}`,
  comment: `core/${room} may import ${mayImport.length ? mayImport.map((r) => `core/${r}`).join(', ') : 'no other room'}`,
  severity: 'error',
  from: { path: `^core/${room}/` },
  to: { path: '^core/', pathNot: `^core/(${[room, ...mayImport].join('|')})/` },
}));

/** The top folders' "never" rules (ARCHITECTURE.md): who may import whom. */
const topRules = [
  {
    name: 'core-is-shared',
    comment: 'core never imports the API, the worker, the web clients or scripts',
    from: { path: '^core/' },
    to: { path: '^(api|worker|web|scripts|test)/' },
  },
  {
    name: 'api-is-http-only',
    comment: 'the API never imports the worker or scripts; of web, only the widget build it serves',
    from: { path: '^api/' },
    to: { path: '^(worker|scripts|test)/|^web/(?!widget/(build|widget-bundle)\\.ts$)' },
  },
  {
    name: 'api-reads-no-tables',
    comment: 'the API reads and writes the database only through core (no query builder in a route)',
    from: { path: '^api/' },
    to: { path: 'node_modules/drizzle-orm/' },
  },
  { name: 'worker-not-api', comment: 'the worker never imports the API, web or scripts', from: { path: '^worker/' }, to: { path: '^(api|web|scripts|test)/' } },
  {
    name: 'web-is-browser-code',
    comment: 'web imports no server code except the browser-safe core/vocabulary, and the types of core/contract',
    from: { path: '^web/(dashboard|widget)/src/' },
    to: { path: '^(core|api|worker|scripts)/', pathNot: '^core/(vocabulary|contract)/' },
  },
  {
    name: 'web-reads-contract-types',
    comment: 'web takes only types from core/contract (its zod schemas stay on the server; the bundle gets no zod)',
    from: { path: '^web/(dashboard|widget)/src/' },
    to: { path: '^core/contract/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'bullmq-in-queue-and-worker',
    comment: 'BullMQ is used through core/queue (producers) and in worker/ (consumers) only',
    from: { pathNot: '^(core/queue|worker)/' },
    to: { path: 'node_modules/bullmq/' },
  },
  { name: 'no-cycles', comment: 'no import cycles between files', from: {}, to: { circular: true } },
].map((rule) => ({ severity: 'error', ...rule }));

module.exports = {
  forbidden: [...topRules, ...roomRules],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
  },
};
