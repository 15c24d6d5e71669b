#!/usr/bin/env node
// The `partner-check` command: runs the bundled CLI (built by `npm run build`, which `npm ci`
// triggers through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/validator/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('partner-check: not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
