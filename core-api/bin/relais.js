#!/usr/bin/env node
// The `relais` command: runs the compiled build, building it first if missing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'src', 'main.js');
const builder = join(root, '..', 'scripts', 'build.mjs');

if (!existsSync(entry) && existsSync(builder)) {
  const result = spawnSync(process.execPath, [builder, '--only=core-api'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import(pathToFileURL(entry).href);
