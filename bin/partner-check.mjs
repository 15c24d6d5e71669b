#!/usr/bin/env node
// The `partner-check` command: runs the bundled CLI in dist/validator/. A packed or installed
// package carries the bundle (`npm pack` builds it through the `prepack` script); a clone builds
// it with `npm run build` (`npm test` and `npm run demo` do so first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/validator/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = i < 0 ? '' : args[i].includes('=') ? args[i].slice('--lang='.length) : (args[i + 1] ?? '');
  process.stderr.write(
    lang.toLowerCase() === 'en'
      ? 'partner-check: not built yet (dist/validator/cli.mjs is missing); run `npm run build` in the partner-check folder first.\n'
      : 'partner-check：尚未建置（找不到 dist/validator/cli.mjs）；請先在 partner-check 資料夾執行 `npm run build`。\n',
  );
  process.exit(2);
}
// `validate` checks every file in a pool worker: start the first one before loading the CLI
// bundle, so the two loads (about 0.3 s each) overlap (validator/pool/prestart.ts).
if (process.argv[2] === 'validate') {
  const { prestartPoolWorker } = await import(new URL('../dist/validator/prestart.mjs', import.meta.url).href);
  prestartPoolWorker(new URL('../dist/validator/pool-worker.mjs', import.meta.url));
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
