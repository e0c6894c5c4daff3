// Two projects: fast jsdom unit tests next to the code, and node-side suites under test/ that talk to
// real tools (Prometheus, percli, Chromium). `npm test` runs both through percli-scripts/test.sh.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // Perses ships ESM builds; let swc transform them (and their ESM-only deps) for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(@perses-dev|echarts|zrender|lodash-es|mdi-material-ui|date-fns|date-fns-tz|@prometheus-io|@lezer|yaml)/)',
  ],
  moduleNameMapper: { '\\.(css|less)$': '<rootDir>/test/support/style-stub.cjs' },
};
module.exports = {
  // testTimeout is a global option (ignored inside projects): generous for a loaded 2-core CI machine, still
  // catching a hung test; suites that start servers or browsers set their own, longer, hook timeouts.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
    { ...common, displayName: 'integration', testEnvironment: 'node', roots: ['<rootDir>/test'] },
  ],
};
