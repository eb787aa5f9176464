// One runner for every workspace, so `npm test` ends with one combined line.
// Files named on the command line (`npx mocha path/to/x.test.ts`) run alone
// instead of being added to the whole suite.
const named = process.argv
  .slice(2)
  .some((arg) => /\.test\.tsx?$/.test(arg) && !arg.startsWith('-'));

module.exports = {
  'node-option': ['import=tsx', 'conditions=source'],
  ...(named
    ? {}
    : {
        spec: [
          'core-api/src/**/*.test.ts',
          'admin-portal/src/**/*.test.ts',
          'admin-portal/src/**/*.test.tsx',
          'test/**/*.test.ts',
          'manifests/src/**/*.test.ts',
          'outlook-addin/src/**/*.test.ts',
          'outlook-addin/src/**/*.test.tsx',
          'teams-app/src/**/*.test.ts',
          'teams-app/src/**/*.test.tsx',
        ],
      }),
  reporter: './test/summary-reporter.cjs',
  timeout: 30000,
  exit: true,
};
