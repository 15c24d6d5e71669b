#!/usr/bin/env node
// Builds the bundles: the validator CLI and its reader worker (Node ESM), and the Apps Script
// add-on (addon/build.mjs owns the add-on's details). `node scripts/build.mjs [validator|addon]`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const which = process.argv[2] ?? 'all';

/** esbuild options for a Node 20 ESM bundle of TypeScript entry points (dependencies stay external). */
export function nodeBundleOptions(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
}

async function buildValidator() {
  await build(nodeBundleOptions({ cli: 'validator/cli.ts', worker: 'validator/read/worker.ts', 'pool-worker': 'validator/pool/worker.ts', prestart: 'validator/pool/prestart.ts' }, 'dist/validator'));
}

async function buildAddon() {
  const { buildAddon } = await import('../addon/build.mjs');
  await buildAddon(root);
}

// Run only as a script (bench/run.mjs imports nodeBundleOptions from here).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (which === 'all' || which === 'validator') await buildValidator();
  if (which === 'all' || which === 'addon') await buildAddon();
}
