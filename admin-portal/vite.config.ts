import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Where core-api listens in development (`npm start`). */
const api = 'http://127.0.0.1:3000';
const proxy = { '/api': api, '/health': api };

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // `core-api/client` exports its TypeScript under the `source` condition,
    // so the portal compiles it instead of waiting for a core-api build.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget is the main bundle gzipped (350 KB, docs/benchmarks.md);
    // Fluent alone puts it past Vite's 500 KB minified warning.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place and drops: nothing to act on.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      treeshake: {
        // The schema files build zod objects at load time, which Rollup must
        // assume has effects; the portal only uses their types and the
        // client, so unused schema modules (and zod with them) are dropped.
        moduleSideEffects: (id) => !/core-api\/src\/features\//.test(id),
      },
    },
  },
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
});
