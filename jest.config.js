/** Jest runs the TypeScript sources directly through ts-jest (ESM). Type-checking is `tsc --noEmit` in `npm test`. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // Jest's default is one worker per core minus one: on a 2-core CI machine that is one, and the suites run one after
  // another (288 s here). Two workers take 167 s; the timing tests measure the child's CPU time, not the wall clock.
  maxWorkers: 2,
};
