/**
 * The layers of the code, top to bottom. A file may import from its own layer or any layer
 * below it, never from one above, and no import may close a loop. `npm test` checks this
 * (npm run lint:layers); the README's Architecture section describes the same list.
 */
const LAYERS = [
  { name: 'entry points', paths: ['^scripts/', '^src/server\\.ts$'] },
  { name: 'http and commands', paths: ['^src/app\\.ts$', '^src/http/', '^src/cli/', '^src/mcp/'] },
  { name: 'schema assembly', paths: ['^src/graphql/', '^src/cost/'] },
  {
    name: 'domains',
    paths: [
      '^src/(company|model|region|cluster|industry|scenario|policy|enterprise-type|insight|edit|path|search|statistics|viz|conflict|source)/',
    ],
  },
  { name: 'walks', paths: ['^src/walk/'] },
  { name: 'ingest', paths: ['^src/(setup|filing|synthetic|load)/'] },
  { name: 'entity machinery', paths: ['^src/entity/'] },
  { name: 'graph vocabulary and ids', paths: ['^src/(graph|claim)/'] },
  { name: 'database and identity', paths: ['^src/(db|auth)/'] },
  { name: 'config, errors, observability', paths: ['^src/config\\.ts$', '^src/errors\\.ts$', '^src/observability/'] },
];

const upward = LAYERS.flatMap((lower, i) =>
  LAYERS.slice(0, i).map((higher) => ({
    name: 'layer-upward',
    severity: 'error',
    comment: `${lower.name} must not import ${higher.name} (a layer above it)`,
    from: { path: lower.paths },
    to: { path: higher.paths },
  })),
);

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import loops', from: {}, to: { circular: true } },
    {
      name: 'src-not-to-scripts',
      severity: 'error',
      comment: 'the product never imports a command',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'every-file-in-a-layer',
      severity: 'error',
      comment: 'a new folder in src/ needs a place in LAYERS',
      from: { path: '^src/', pathNot: [...LAYERS.flatMap((l) => l.paths), '^src/generated/'] },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/generated/', '^src/http/explorer/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
