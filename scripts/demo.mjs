#!/usr/bin/env node
// `npm run demo`: the main job on the bundled examples. Checks templates/examples/ (one clean
// workbook, one with labelled mistakes) as the partner team's nightly run would, writes the HTML
// report and annotated copies under demo-out/, and prints the text report. The check exits 1
// because mistakes.xlsx has errors on purpose; the demo itself succeeds when that is what it found.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'demo-out');
mkdirSync(out, { recursive: true });
const cli = (args) => spawnSync(process.execPath, [path.join(root, 'bin', 'partner-check.mjs'), ...args], { cwd: root, stdio: 'inherit' });
const common = ['validate', 'templates/examples', '--today', '2026-03-20'];

const html = cli([...common, '--format', 'html', '--out', path.join(out, 'report.html'), '--annotate', path.join(out, 'annotated')]);
const text = cli(common);
const json = cli([...common, '--format', 'json', '--out', path.join(out, 'report.json')]);

const codes = [html.status, text.status, json.status];
console.log(`\nHTML report: ${path.relative(root, path.join(out, 'report.html'))}`);
console.log(`JSON report: ${path.relative(root, path.join(out, 'report.json'))}`);
console.log(`Annotated copies: ${path.relative(root, path.join(out, 'annotated'))}/`);
// Exit code 1 = "errors found" (expected: mistakes.xlsx); anything else means the demo broke.
if (codes.some((c) => c !== 1)) {
  console.error(`demo: unexpected exit codes ${codes.join(', ')} (expected 1: the mistakes example has errors)`);
  process.exit(1);
}
