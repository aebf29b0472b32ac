// Jest runs the TypeScript sources through swc (type-checking is `tsc --noEmit`, run first by `npm test`).
// Two tiers: `unit` (`*.unit.test.ts`: pure code, no services, seconds) and `integration` (every
// other test: real Redis, PostgreSQL/PGlite, S3, ffmpeg, Chromium). `npm test` runs unit first.
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.test.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.unit\\.test\\.ts$'] },
  ],
};
