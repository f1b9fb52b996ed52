/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type errors are the job of `npm run typecheck`; tests only transpile.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
  },
  // Generated code and the runtime import with `.js` extensions (ESM style); map them to the TypeScript sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // Two workers even on a 2-core machine (jest's default there is one): the corpus and the
  // Prism tests spend much of their time waiting on a child process or the other core.
  maxWorkers: 2,
};
