import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { addinIcon, addinIconSizes } from '../manifests/src/icons.ts';
import { webPaths } from '../manifests/src/urls.ts';

/** Where core-api listens in development (`npm start`). */
const api = 'http://127.0.0.1:3000';
const here = import.meta.dirname;

/**
 * Writes the icons the manifests point Outlook to, drawn by the manifests'
 * own icon code (one source of truth) in the accent colour of the
 * environment named by MANIFEST_ENV (`local` by default).
 */
function addinIcons(): Plugin {
  const name = process.env.MANIFEST_ENV ?? 'local';
  const environment = JSON.parse(
    readFileSync(
      resolve(here, '..', 'manifests', 'environments', `${name}.json`),
      'utf8',
    ),
  ) as { accentColor: string };

  return {
    name: 'relais-addin-icons',
    generateBundle() {
      for (const size of addinIconSizes)
        this.emitFile({
          type: 'asset',
          // `/addin/assets/icon-16.png` → `assets/icon-16.png` under dist.
          fileName: webPaths.addinIcon(size).replace(/^\/addin\//, ''),
          source: addinIcon(size, environment.accentColor),
        });
    },
  };
}

export default defineConfig({
  // core-api serves the build at /addin, the paths the manifests name.
  base: '/addin/',
  plugins: [react(), addinIcons()],
  resolve: {
    // `core-api/client` exports its TypeScript under the `source` condition.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fluent alone puts the pane past Vite's 500 KB minified warning.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        taskpane: resolve(here, 'taskpane.html'),
        dialog: resolve(here, 'dialog.html'),
      },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place and drops: nothing to act on.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      treeshake: {
        // The pane uses the schema files for their types only.
        moduleSideEffects: (id) => !/core-api\/src\/features\//.test(id),
      },
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': api } },
});
