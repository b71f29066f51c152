// One Jest run, one project per area; each area's tests live under tests/<area>.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2023' },
    module: { type: 'es6' },
  },
];

const swcReact = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@roundtable/core$': '<rootDir>/core/src/index.ts',
    // Sources import siblings with the .js extension Node needs; Jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  // A global option: Jest ignores testTimeout inside a project. Browser and Azurite tests set
  // longer ones where they need them.
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/scripts/jest-closing-line.js'],
  projects: [
    {
      ...shared,
      displayName: 'core',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/core/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'api',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'teams-contract',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/teams-contract/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'tabs',
      rootDir: '.',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.tsx?$': swcReact },
      setupFilesAfterEnv: ['<rootDir>/tests/tabs/setup.ts'],
      testMatch: ['<rootDir>/tests/tabs/**/*.test.ts?(x)'],
    },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'reliability',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'security',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'package',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/package/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'infra',
      rootDir: '.',
      testMatch: ['<rootDir>/tests/infra/**/*.test.ts'],
    },
  ],
};
