/**
 * The package installs: `npm pack` (whose `prepack` script builds the bundle) in a copy of the
 * repo, then `npm install --global --prefix TMP` of the tarball using npm's cache
 * (`--prefer-offline`: dependency tarballs come from npm's cache, which `npm ci` filled; only
 * the registry's metadata may be fetched, since `npm ci` does not cache it), then the installed
 * `partner-check` runs `--version` and validates the bundled examples. Also: the command in a
 * checkout that was never built says so, in zh-TW by default and in English with `--lang en`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
let copy: string;
let prefix: string;
let tarball: string;
let packed: string[];

/** The repo's tracked and new (not ignored) files copied to `dest`, node_modules linked. */
function copyRepo(dest: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(ROOT, f))) continue; // deleted, not yet committed
    mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(dest, f));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}

function run(file: string, args: string[], cwd: string) {
  return spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: 240_000 });
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'partner-check-pack-'));
  copy = path.join(tmp, 'repo');
  prefix = path.join(tmp, 'prefix');
  copyRepo(copy);
  const pack = run(NPM, ['pack', '--json', '--pack-destination', tmp], copy);
  expect(pack.status, pack.stderr).toBe(0);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info[0]!.filename);
  packed = info[0]!.files.map((f) => f.path).sort();
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('carries the command and the bundle it runs, not the sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['bin/partner-check.mjs', 'dist/validator/cli.mjs', 'dist/validator/worker.mjs', 'package.json', 'README.md']));
    expect(packed.filter((f) => /^(test|rules|validator|node_modules|addon)\//.test(f))).toEqual([]);
  });
});

describe('npm install --global of the tarball', () => {
  beforeAll(() => {
    const install = run(NPM, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], tmp);
    expect(install.status, install.stderr).toBe(0);
  }, 300_000);

  const bin = () => path.join(prefix, 'bin', 'partner-check');

  it('puts a working partner-check on the prefix', () => {
    const r = run(bin(), ['--version'], tmp);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${TOOL_VERSION}\n`);
    expect(r.status).toBe(0);
  });

  it('validates the examples (the mistakes example has errors: exit 1)', () => {
    const examples = path.join(ROOT, 'templates', 'examples');
    const r = run(bin(), ['validate', path.join(examples, 'clean.xlsx'), path.join(examples, 'mistakes.xlsx'), '--today', '2026-03-20', '--format', 'json'], tmp);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; violations: unknown[] }[] };
    expect(report.files.map((f) => [path.basename(f.path), f.violations.length > 0])).toEqual([
      ['clean.xlsx', false],
      ['mistakes.xlsx', true],
    ]);
  });
});

describe('a checkout that was never built', () => {
  it('says so in zh-TW, and in English with --lang en (exit 2)', () => {
    const bare = path.join(tmp, 'bare');
    mkdirSync(path.join(bare, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'bin', 'partner-check.mjs'), path.join(bare, 'bin', 'partner-check.mjs'));
    expect(readdirSync(bare)).toEqual(['bin']);
    const zh = run(process.execPath, [path.join(bare, 'bin', 'partner-check.mjs'), '--version'], bare);
    expect([zh.status, zh.stdout, zh.stderr]).toEqual([2, '', 'partner-check：尚未建置（找不到 dist/validator/cli.mjs）；請先在 partner-check 資料夾執行 `npm run build`。\n']);
    const en = run(process.execPath, [path.join(bare, 'bin', 'partner-check.mjs'), 'validate', 'x.xlsx', '--lang', 'en'], bare);
    expect([en.status, en.stdout, en.stderr]).toEqual([2, '', 'partner-check: not built yet (dist/validator/cli.mjs is missing); run `npm run build` in the partner-check folder first.\n']);
  });
});
