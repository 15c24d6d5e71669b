/**
 * Output safety (issue 11, SPEC §7): `--out` and `--annotate` never replace an input — whatever
 * path names it (folder member, symlink, hardlink, `./` variant) — devices and FIFOs are written in
 * place, a folder or an unusable path is refused with a sentence at once, a killed write leaves no
 * partial file that survives the next run; inputs must be regular files (a FIFO is refused in
 * < 2 s), `-` reads standard input; control characters in file names are escaped on stderr; a
 * deeply nested --baseline is refused with a sentence.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTemps, tempPathFor, writeOutput } from '../../../validator/output/index.js';
import { copyName, fitName } from '../../../validator/output/names.js';
import { BIN, REPO_ROOT, runCli, runMain, sha256, tempDir } from './helpers.js';

const EXAMPLES = path.join(REPO_ROOT, 'templates', 'examples');
const t = tempDir('partner-check-out-');
const dir = path.join(t.dir, 'forms');
let before: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'validator', 'cli.mjs'))) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), 'validator'], { cwd: REPO_ROOT });
  mkdirSync(dir);
  copyFileSync(path.join(EXAMPLES, 'clean.xlsx'), path.join(dir, 'brandA.xlsx'));
  copyFileSync(path.join(EXAMPLES, 'mistakes.xlsx'), path.join(dir, 'brandB.xlsx'));
  symlinkSync(path.join(dir, 'brandB.xlsx'), path.join(t.dir, 'link.xlsx'));
  linkSync(path.join(dir, 'brandB.xlsx'), path.join(t.dir, 'hard.xlsx'));
  before = { a: sha256(path.join(dir, 'brandA.xlsx')), b: sha256(path.join(dir, 'brandB.xlsx')) };
  // Load the CLI's modules once, so timed in-process runs measure the command, not the import.
  await runMain(['--version']);
}, 60_000);

afterAll(() => t.cleanup());

const common = ['--today', '2026-03-20', '--lang', 'en'];

describe('--out never replaces an input', () => {
  it.each([
    ['a member of the scanned folder', () => path.join(dir, 'brandB.xlsx')],
    ['a ./ variant of it', () => `./${path.relative(REPO_ROOT, path.join(dir, 'brandB.xlsx'))}`],
    ['a symbolic link to it', () => path.join(t.dir, 'link.xlsx')],
    ['a hardlink to it', () => path.join(t.dir, 'hard.xlsx')],
  ])('refuses %s (exit 2), the input unchanged', async (_, out) => {
    const r = await runCli(['validate', dir, '--out', out(), ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`partner-check: The output "${out()}" is the same file as the input "${path.join(dir, 'brandB.xlsx')}"`);
    expect(sha256(path.join(dir, 'brandB.xlsx'))).toBe(before.b);
    expect(sha256(path.join(dir, 'brandA.xlsx'))).toBe(before.a);
    expect(lstatSync(path.join(t.dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
  });

  it('holds for every command: schedule --out onto its input (through a symlink) is refused', async () => {
    const r = await runCli(['schedule', path.join(dir, 'brandB.xlsx'), '--out', path.join(t.dir, 'link.xlsx'), ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The output "${path.join(t.dir, 'link.xlsx')}" is the same file as the input "${path.join(dir, 'brandB.xlsx')}"`);
    expect(sha256(path.join(dir, 'brandB.xlsx'))).toBe(before.b);
  });

  it('refuses a folder with a sentence, not EISDIR', async () => {
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--out', t.dir, ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`partner-check: The output path "${t.dir}" is a folder; name a file (e.g. ${t.dir}/report.json).\n`);
  });

  it('fails at once on /proc/nope/r.txt', async () => {
    const started = performance.now();
    const r = await runMain(['validate', path.join(dir, 'brandA.xlsx'), '--out', '/proc/nope/r.txt', ...common]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('partner-check: Cannot write the output path "/proc/nope/r.txt": the location does not exist and cannot be made (/proc/nope: ENOENT).\n');
  });

  it('follows a symbolic link to a report: the link stays, its target gets the report', async () => {
    const target = path.join(t.dir, 'real-report.json');
    writeFileSync(target, '{}');
    const link = path.join(t.dir, 'report-link.json');
    symlinkSync(target, link);
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--out', link, '--format', 'json', ...common]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).tool).toBe('partner-check');
  });
});

describe('devices and FIFOs are written in place', () => {
  it.runIf(process.platform === 'linux')('a FIFO stays a FIFO and its reader receives the report', async () => {
    const fifo = path.join(t.dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    const closed = new Promise((resolve) => reader.once('close', resolve));
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--out', fifo, '--format', 'json', ...common]);
    expect(r.stderr).toBe(`partner-check: Wrote ${fifo}\n`);
    await closed;
    expect(r.code).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(got).files[0].path).toBe(path.join(dir, 'brandA.xlsx'));
  });

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('a character device stays a device (mknod c 1 3, a /dev/null)', async () => {
    const dev = path.join(t.dir, 'null-device');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--out', dev, ...common]);
    expect(r.code).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(t.dir).filter((n) => n.includes('partner-check-'))).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('removes a temporary file left by a killed run, and never one of a live run', () => {
    const target = path.join(t.dir, 'atomic', 'r.json');
    mkdirSync(path.dirname(target));
    // A temp name of a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max default).
    const dead = path.join(path.dirname(target), '.r.json.partner-check-4194305-0badc0de.tmp');
    writeFileSync(dead, 'half a rep');
    const live = tempPathFor(target);
    writeFileSync(live, 'mine');
    writeOutput(target, '{"ok":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}');
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(removeStaleTemps(path.dirname(target))).toEqual([]);
  });

  it('keeps temporary names within 255 bytes for the longest names', () => {
    const long = `${'長'.repeat(84)}.json`; // 257 bytes: not allowed itself, but its temp name must not be the reason
    expect(Buffer.byteLength(path.basename(tempPathFor(path.join(t.dir, long))), 'utf8')).toBeLessThanOrEqual(255);
    expect(fitName('長'.repeat(100), '.checked.xlsx')).toBe(`${'長'.repeat(79)}….checked.xlsx`);
    expect(Buffer.byteLength(fitName('長'.repeat(100), '.checked.xlsx'), 'utf8')).toBeLessThanOrEqual(255);
  });
});

describe('--annotate never overwrites an input', () => {
  it('into the scanned folder: copies skip existing inputs, and the next run skips its own copies', async () => {
    const forms = path.join(t.dir, 'annotate-in-place');
    mkdirSync(forms);
    copyFileSync(path.join(dir, 'brandA.xlsx'), path.join(forms, 'brandA.xlsx'));
    const first = await runCli(['validate', forms, '--annotate', forms, '--format', 'json', ...common]);
    expect(first.code).toBe(0);
    const second = await runCli(['validate', forms, '--annotate', forms, '--format', 'json', ...common]);
    const report = JSON.parse(second.stdout) as { files: { path: string; meta: { annotated?: string } }[] };
    expect(report.files.map((f) => path.basename(f.path))).toEqual(['brandA.xlsx']);
    expect(readdirSync(forms).sort()).toEqual(['brandA.checked.xlsx', 'brandA.xlsx']);
    // Named explicitly, a copy is an input: its own copy gets another name, the input stays.
    const copy = path.join(forms, 'brandA.checked.xlsx');
    const hash = sha256(copy);
    const third = await runCli(['validate', path.join(forms, 'brandA.xlsx'), copy, '--annotate', forms, '--format', 'json', ...common]);
    const names = (JSON.parse(third.stdout) as { files: { meta: { annotated?: string } }[] }).files.map((f) => path.basename(f.meta.annotated!));
    // (Files are checked in path order: brandA.checked.xlsx before brandA.xlsx.)
    expect(names).toEqual(['brandA.checked.checked.xlsx', 'brandA (2).checked.xlsx']);
    expect(sha256(copy)).toBe(hash);
  }, 90_000);

  it('shortens a name whose suffix would pass 255 bytes', async () => {
    const forms = path.join(t.dir, 'long-names');
    mkdirSync(forms);
    const name = `${'長'.repeat(80)}.xlsx`; // 245 bytes; + ".checked.xlsx" would be 253, + the temp name's suffix more
    copyFileSync(path.join(dir, 'brandA.xlsx'), path.join(forms, name));
    const r = await runCli(['validate', path.join(forms, name), '--annotate', path.join(t.dir, 'long-out'), '--format', 'json', ...common]);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(t.dir, 'long-out'))).toEqual([`${'長'.repeat(80)}.checked.xlsx`]);
    expect(copyName(`${'長'.repeat(90)}.xlsx`, t.dir, '.checked.xlsx', new Set(), [])).toBe(`${'長'.repeat(79)}….checked.xlsx`);
  });
});

describe('inputs', () => {
  it.runIf(process.platform === 'linux')('refuses a FIFO input in < 2 s with a sentence', async () => {
    const fifo = path.join(t.dir, 'input.fifo');
    execFileSync('mkfifo', [fifo]);
    // In process (runMain), so the time is the refusal's, not a node start-up's on a loaded machine.
    const started = performance.now();
    const r = await runMain(['validate', fifo, '--format', 'json', ...common]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.code).toBe(2);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.error).toBe('This is not a regular file (a named pipe (FIFO)) and cannot be checked; name an .xlsx or .csv file, or - to read standard input');
  });

  it.runIf(process.platform === 'linux')('refuses /proc files and devices instead of calling them empty', async () => {
    const r = await runCli(['validate', '/proc/self/status', '/dev/zero', '--format', 'json', ...common]);
    expect(r.code).toBe(2);
    const errors = JSON.parse(r.stdout).files.map((f: { error: string }) => f.error);
    expect(errors).toEqual([
      'This is not a regular file (a character device) and cannot be checked; name an .xlsx or .csv file, or - to read standard input',
      'This is not a regular file (a /proc or /sys pseudo-file) and cannot be checked; name an .xlsx or .csv file, or - to read standard input',
    ]);
  });

  it('reads - from standard input', async () => {
    const csv = `${['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績'].join(',')}\nX,bad id,a@b.example,美食保健,季方案,2026/3/20 10:00,是,否,4/1、4/14、4/22,8%,2%,100000\n`;
    const child = spawn(process.execPath, [BIN, 'validate', '-', '--format', 'json', ...common], { cwd: REPO_ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stdin.end(csv);
    const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? -1)));
    expect(code).toBe(1);
    const f = JSON.parse(out).files[0];
    expect(f.path).toBe('-');
    expect(f.violations.some((v: { ruleId: string; cell: string }) => v.ruleId === 'enrollment/invalid-shop-id' && v.cell === 'B2')).toBe(true);
  });

  it('escapes control characters of file names on stderr', async () => {
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--out', path.join(t.dir, 'x\u001b[31m\u0007.json'), ...common]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`partner-check: Wrote ${path.join(t.dir, 'x\\x1b[31m\\x07.json')}\n`);
  });

  it('refuses a deeply nested --baseline with a sentence', async () => {
    const deep = path.join(t.dir, 'deep.json');
    writeFileSync(deep, `{"tool":"partner-check","files":[],"baseline":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const r = await runCli(['validate', path.join(dir, 'brandA.xlsx'), '--baseline', deep, ...common]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`partner-check: The --baseline file "${deep}" is nested too deeply (more than 64 levels); it is not a partner-check report.\n`);
  });

  it('names a CSV over the grid limits a CSV, not an .xlsx', async () => {
    const wide = path.join(t.dir, 'wide.csv');
    writeFileSync(wide, `${Array.from({ length: 16_400 }, (_, i) => `c${i}`).join(',')}\n`);
    const r = await runCli(['validate', wide, '--format', 'json', ...common]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0].error).toMatch(/^This CSV file has more rows or columns than a spreadsheet can hold/);
  });
});
