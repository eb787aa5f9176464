import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where core-api listens in development (`npm start`). */
const api = 'http://127.0.0.1:3000';
const here = import.meta.dirname;

export default defineConfig({
  // core-api serves the build at /teams, the paths the manifest names.
  base: '/teams/',
  plugins: [react()],
  resolve: {
    // `core-api/client` exports its TypeScript under the `source` condition.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fluent alone puts the tab past Vite's 500 KB minified warning.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        tab: resolve(here, 'tab.html'),
        configure: resolve(here, 'configure.html'),
        consent: resolve(here, 'consent.html'),
      },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place and drops: nothing to act on.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      treeshake: {
        // The tab uses the schema files for their types only.
        moduleSideEffects: (id) => !/core-api\/src\/features\//.test(id),
      },
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': api } },
});
