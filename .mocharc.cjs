// One runner for every workspace, so `npm test` ends with one combined line.
module.exports = {
  'node-option': ['import=tsx', 'conditions=source'],
  spec: [
    'core-api/src/**/*.test.ts',
    'admin-portal/src/**/*.test.ts',
    'admin-portal/src/**/*.test.tsx',
    'test/**/*.test.ts',
  ],
  reporter: './test/summary-reporter.cjs',
  timeout: 30000,
  exit: true,
};
