/** Tests in tiers: `unit` needs no database; `integration` and `browser` (headless Chromium) run against a real Neo4j. */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const withNeo4j = {
  transform,
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/support/env.ts'],
};
module.exports = {
  // A global option: Jest ignores it inside a project, so the integration tiers ran with the
  // 5 s default and failed on a loaded machine. Tests that need longer say so themselves.
  testTimeout: 60000,
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], ...withNeo4j },
    { displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], ...withNeo4j },
  ],
};
