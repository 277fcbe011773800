/** Tests in tiers: `unit` needs no database; `integration` and `browser` (headless Chromium) run against a real Neo4j. */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] };
const withNeo4j = {
  transform,
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/support/env.ts'],
  testTimeout: 60000,
};
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], ...withNeo4j },
    { displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], ...withNeo4j },
  ],
};
