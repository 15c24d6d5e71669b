/**
 * The config file (partner-check.config.json / .partnercheckrc.json found upward), its zod
 * schema's bilingual errors, flags overriding it, --print-config; `validate -` with
 * --stdin-filename; quoted globs expanded in sorted order.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../validator/cli';
import { ConfigError, findConfigFile, loadConfigFile } from '../../../validator/config';
import { expandGlob } from '../../../validator/commands/validate';
import { stdinTempName } from '../../../validator/output/inputs';
import { BIN, FIXTURES, REPO_ROOT, runCli, tempDir } from './helpers';

const CSV = path.join(FIXTURES, 'csv', 'enrollment-big5.csv');

async function inDir(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false, columns: 80 },
    env: {},
    now: () => Date.UTC(2026, 2, 20, 2, 0, 0),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('config file', () => {
  const t = tempDir();
  const root = t.dir;
  const nested = path.join(root, 'team', 'forms', 'april');
  beforeAll(() => {
    mkdirSync(nested, { recursive: true });
    mkdirSync(path.join(root, 'team', 'campaigns'), { recursive: true });
    writeFileSync(path.join(root, 'team', 'campaigns', 'q2.json'), '{}');
    writeFileSync(
      path.join(root, 'team', 'partner-check.config.json'),
      JSON.stringify({ rules: { 'contract/overlap': 'warning', 'enrollment/unused-chosen-days': 'off' }, campaign: 'campaigns/q2.json', lang: 'en', today: '2026-03-25', assets: 'assets', maxWarnings: 3 }),
    );
    mkdirSync(path.join(root, 'team', 'assets'), { recursive: true });
    mkdirSync(path.join(nested, 'pics'), { recursive: true });
  });
  afterAll(() => t.cleanup());

  it('is found upward from the working directory, and is null when no folder up to the root has one', () => {
    expect(findConfigFile(nested)).toBe(path.join(root, 'team', 'partner-check.config.json'));
    expect(findConfigFile(path.join(root))).toBe(null);
  });

  it('prefers partner-check.config.json to .partnercheckrc.json in one folder; the nearer folder wins', () => {
    const d = path.join(root, 'rc');
    mkdirSync(path.join(d, 'sub'), { recursive: true });
    writeFileSync(path.join(d, '.partnercheckrc.json'), '{"lang":"en"}');
    expect(findConfigFile(path.join(d, 'sub'))).toBe(path.join(d, '.partnercheckrc.json'));
    writeFileSync(path.join(d, 'partner-check.config.json'), '{}');
    expect(findConfigFile(path.join(d, 'sub'))).toBe(path.join(d, 'partner-check.config.json'));
    writeFileSync(path.join(d, 'sub', '.partnercheckrc.json'), '{}');
    expect(findConfigFile(path.join(d, 'sub'))).toBe(path.join(d, 'sub', '.partnercheckrc.json'));
  });

  it('--print-config shows the effective settings, paths resolved against the config file', async () => {
    const r = await inDir(nested, ['validate', '--print-config']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      configFile: path.join(root, 'team', 'partner-check.config.json'),
      rules: { 'contract/overlap': 'warning', 'enrollment/unused-chosen-days': 'off' },
      campaign: path.join(root, 'team', 'campaigns', 'q2.json'),
      lang: 'en',
      today: '2026-03-25',
      assets: [path.join(root, 'team', 'assets')],
      maxWarnings: 3,
    });
  });

  it('CLI flags override the config', async () => {
    const r = await inDir(nested, ['validate', '--print-config', '--lang', 'zh-TW', '--today=2026-04-01', '--rule', 'contract/overlap=error', '--max-warnings', '0', '--campaign', 'x.json', '--assets', 'pics']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      configFile: path.join(root, 'team', 'partner-check.config.json'),
      rules: { 'contract/overlap': 'error', 'enrollment/unused-chosen-days': 'off' },
      campaign: path.join(nested, 'x.json'),
      lang: 'zh-TW',
      today: '2026-04-01',
      assets: [path.join(nested, 'pics')],
      maxWarnings: 0,
    });
  });

  it('other commands take only the options they have; --no-config skips the lookup', async () => {
    const r = await inDir(nested, ['calendar', '--print-config']);
    expect(JSON.parse(r.stdout)).toEqual({ configFile: path.join(root, 'team', 'partner-check.config.json'), campaign: path.join(root, 'team', 'campaigns', 'q2.json'), lang: 'en' });
    const none = await inDir(nested, ['schedule', '--print-config', '--no-config']);
    expect(JSON.parse(none.stdout)).toEqual({ configFile: null, campaign: null, lang: 'zh-TW', today: '2026-03-20' });
  });

  const bad = (name: string, body: string) => {
    const d = path.join(root, `bad-${name}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, '.partnercheckrc.json'), body);
    return d;
  };

  it.each([
    ['level', '{"rules":{"contract/overlap":"warn"}}', 'rules.contract/overlap', '應為off、info、warning 或 error', 'expected off, info, warning or error'],
    ['rule', '{"rules":{"contract/overlapp":"off"}}', 'rules.contract/overlapp', '沒有這條規則，您是不是要寫「contract/overlap」？', 'there is no such rule; did you mean "contract/overlap"?'],
    ['lang', '{"lang":"fr"}', 'lang', '應為zh-TW 或 en', 'expected zh-TW or en'],
    ['today', '{"today":"2026-02-30"}', 'today', '應為YYYY-MM-DD 格式的真實日期', 'expected a real date as YYYY-MM-DD'],
    ['max', '{"maxWarnings":-1}', 'maxWarnings', '應為0 以上的整數', 'expected a whole number ≥ 0'],
    ['key', '{"maxWarning":1}', 'maxWarning', '不認識這個欄位（可用：rules、campaign、lang、today、assets、maxWarnings），您是不是要寫「maxWarnings」？', 'unknown field (known: rules, campaign, lang, today, assets, maxWarnings); did you mean "maxWarnings"?'],
  ])('a bad %s is exit 2 naming the file and the field, in both languages', async (name, body, field, zh, en) => {
    const d = bad(name, body);
    const file = path.join(d, '.partnercheckrc.json');
    const r = await inDir(d, ['validate', CSV]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `partner-check: 設定檔「${file}」的欄位「${field}」有誤：${zh}\n` });
    const e = await inDir(d, ['validate', CSV, '--lang', 'en']);
    expect(e).toEqual({ code: 2, stdout: '', stderr: `partner-check: The config file "${file}" has a bad field "${field}": ${en}\n` });
  });

  it('bad JSON is exit 2 naming the file', () => {
    const d = bad('json', '{"lang": }');
    expect(() => loadConfigFile(path.join(d, '.partnercheckrc.json'))).toThrow(ConfigError);
    try {
      loadConfigFile(path.join(d, '.partnercheckrc.json'));
    } catch (e) {
      expect((e as ConfigError).render('en')).toMatch(new RegExp(`^The config file "${path.join(d, '.partnercheckrc.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" cannot be used: it is not valid JSON \\(`));
      expect((e as ConfigError).field).toBe(null);
    }
  });

  it('validate uses the config found from its working directory (rule levels, lang, today, max warnings)', async () => {
    const d = path.join(root, 'run');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'partner-check.config.json'), JSON.stringify({ lang: 'en', today: '2026-03-20', rules: { 'enrollment/unused-chosen-days': 'off', 'enrollment/chosen-day-on-friday': 'off', 'enrollment/base-cps-at-or-above-partner': 'off', 'enrollment/missing-hero-image': 'off' } }));
    const r = await runCli(['validate', CSV, '--format', 'json'], { cwd: d });
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ files: 1, errors: 7, warnings: 0, infos: 2 });
    expect(r.code).toBe(1);
    expect(report.files[0].violations.filter((v: { ruleId: string }) => v.ruleId === 'enrollment/chosen-day-on-friday')).toEqual([]);
    // A flag overrides the config's level; --max-warnings 0 from the command line then fails a warning-only run.
    const flag = await runCli(['validate', CSV, '--format', 'json', '--rule', 'enrollment/chosen-day-on-friday=warning'], { cwd: d });
    const friday = JSON.parse(flag.stdout).files[0].violations.filter((v: { ruleId: string }) => v.ruleId === 'enrollment/chosen-day-on-friday');
    expect(friday.map((v: { severity: string; cell: string }) => `${v.cell}:${v.severity}`)).toEqual(['I3:warning', 'I3:warning']);
    expect(JSON.parse(flag.stdout).summary.warnings).toBe(2);
  });
});

describe('validate - --stdin-filename', () => {
  it('names the temp file by the extension', () => {
    expect([stdinTempName(undefined), stdinTempName('forms/A.XLSX'), stdinTempName('a.tsv'), stdinTempName('a.pdf'), stdinTempName('..')]).toEqual(['stdin.csv', 'A.xlsx', 'a.tsv', 'a.csv', 'stdin.csv']);
  });

  const pipe = (args: readonly string[], input: Buffer) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'validate', '-', '--format', 'json', '--today', '2026-03-20', '--lang', 'en', ...args], { cwd: REPO_ROOT });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stdin.end(input);
      child.once('close', (c) => resolve({ code: c ?? -1, out }));
    });

  it('reports standard input under the given name, with the same findings as the file', async () => {
    const direct = JSON.parse((await runCli(['validate', CSV, '--format', 'json', '--today', '2026-03-20', '--lang', 'en'])).stdout).files[0];
    const r = await pipe(['--stdin-filename', 'forms/enrollment-big5.csv'], readFileSync(CSV));
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).files[0];
    expect(f.path).toBe('forms/enrollment-big5.csv');
    expect(f.violations).toEqual(direct.violations);
  });

  it('an .xlsx name with text bytes is not read as CSV', async () => {
    const r = await pipe(['--stdin-filename', 'brand.xlsx'], readFileSync(CSV));
    const f = JSON.parse(r.out).files[0];
    expect(r.code).toBe(2);
    expect(f.path).toBe('brand.xlsx');
    expect(f.error).toBe('This is a plain-text file (perhaps CSV) with an Excel extension; rename it to .csv, or save it as .xlsx in Excel, and upload again');
  });
});

describe('quoted globs', () => {
  const t = tempDir();
  beforeAll(() => {
    for (const f of ['forms/b/2.xlsx', 'forms/a/1.xlsx', 'forms/a/~$1.xlsx', 'forms/a/1.checked.xlsx', 'forms/.hidden.xlsx', 'forms/c.csv', 'forms/z.xlsx']) {
      mkdirSync(path.dirname(path.join(t.dir, f)), { recursive: true });
      writeFileSync(path.join(t.dir, f), '');
    }
  });
  afterAll(() => t.cleanup());

  it('expands ** and * in sorted order, skipping dotfiles, lock files and our copies', () => {
    expect(expandGlob(path.join(t.dir, 'forms/**/*.xlsx'))).toEqual(['forms/a/1.xlsx', 'forms/b/2.xlsx', 'forms/z.xlsx'].map((f) => path.join(t.dir, f)));
    expect(expandGlob(path.join(t.dir, 'forms/*.{csv,xlsx}'))).toEqual(['forms/c.csv', 'forms/z.xlsx'].map((f) => path.join(t.dir, f)));
    expect(expandGlob(path.join(t.dir, 'forms/a/1.xlsx'))).toEqual([]);
  });

  it('validate checks what a quoted glob matches (relative to the working directory); a glob matching nothing is reported missing', async () => {
    copyFileSync(CSV, path.join(t.dir, 'forms', 'c.csv'));
    const r = await runCli(['validate', 'forms/**/*.csv', 'nothing/*.xlsx', '--format', 'json', '--today', '2026-03-20', '--lang', 'en'], { cwd: t.dir });
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['forms/c.csv', 'nothing/*.xlsx']);
    expect(r.code).toBe(2);
  });
});
