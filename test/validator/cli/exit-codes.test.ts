/**
 * Exit codes and batch behaviour: 0 on a clean workbook, 1 on errors or too many warnings, 2 when
 * a file cannot be read (a renamed .xls, a merge bomb, a missing file) or on misuse — with the
 * other files of the batch still checked and reported. Also --rule overrides and --campaign.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx, si } from '../read/helpers/xlsx-builder';
import { CLEAN_ENROLLMENT, ENROLLMENT_HEADER, legacyXlsBytes, runCli, runMain, tempDir, writeWorkbook, type CliRun } from './helpers';

const TODAY = ['--today', '2026-03-20'];
const tmp = tempDir();
const clean = path.join(tmp.dir, 'clean.xlsx');
const warnings = path.join(tmp.dir, 'warnings.xlsx');
const renamedXls = path.join(tmp.dir, 'renamed.xlsx');
const bomb = path.join(tmp.dir, 'merge-bomb.xlsx');
const badCampaign = path.join(tmp.dir, 'campaign.json');

const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  await writeWorkbook(clean, { 報名表: CLEAN_ENROLLMENT });
  // Only eight chosen days for three months of three: June has an unused one (a warning, no error).
  await writeWorkbook(warnings, {
    報名表: [ENROLLMENT_HEADER, ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9', '8%', '2%', 1200000, 'goodday-hero.jpg']],
  });
  writeFileSync(renamedXls, legacyXlsBytes());
  writeFileSync(
    bomb,
    buildXlsx({ sheets: [{ name: '報名表', sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, merges: ['A1:XFD1048576'] }], sharedStrings: [si('品牌名稱')] }),
  );
  writeFileSync(badCampaign, JSON.stringify({ id: 'x', name: 'x', nameEn: 'x', period: { start: '2026-04-01', end: '2025-06-30' }, plans: [] }));

  const json = ['--format', 'json', ...TODAY];
  const entries: [string, string[]][] = [
    ['clean', ['validate', clean, ...json]],
    ['batch', ['validate', clean, renamedXls, bomb, path.join(tmp.dir, 'missing.xlsx'), ...json]],
    ['warnings', ['validate', warnings, ...json]],
    ['maxWarnings0', ['validate', warnings, ...json, '--max-warnings', '0']],
    ['maxWarnings1', ['validate', warnings, ...json, '--max-warnings=1']],
    ['ruleError', ['validate', warnings, ...json, '--rule', 'enrollment/unused-chosen-days=error']],
    ['ruleOff', ['validate', warnings, ...json, '--rule', 'enrollment/unused-chosen-days=off']],
  ];
  // Misuse is found before any file is read: run those in-process.
  const misuse: [string, string[]][] = [
    ['unknownRule', ['validate', clean, '--rule', 'enrollment/no-such-rule=off']],
    ['badLevel', ['validate', clean, '--rule', 'enrollment/unused-chosen-days=fatal', '--lang', 'en']],
    ['badCampaign', ['validate', clean, '--campaign', badCampaign]],
    ['noPaths', ['validate']],
    ['badToday', ['validate', clean, '--today', '2026-02-30']],
    ['unknownCommand', ['lint', clean]],
    ['outIsInput', ['validate', clean, '--out', clean]],
  ];
  const results = await Promise.all(entries.map(([, args]) => runCli(args)));
  entries.forEach(([name], i) => (runs[name] = results[i]!));
  for (const [name, args] of misuse) runs[name] = await runMain(args);
});

afterAll(() => tmp.cleanup());

describe('exit codes', () => {
  it('0 on a clean workbook', () => {
    expect(runs.clean!.code).toBe(0);
    expect(JSON.parse(runs.clean!.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0 });
  });

  it('2 when a file cannot be read; the other files are still checked and reported', () => {
    const run = runs.batch!;
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.files).toHaveLength(4);
    const byName = (n: string) => report.files.find((f: { path: string }) => path.basename(f.path) === n);
    expect(byName('clean.xlsx')).toMatchObject({ error: null, violations: [] });
    expect(byName('clean.xlsx').sheets[0]).toMatchObject({ kind: 'enrollment', rows: 2 });
    for (const name of ['renamed.xlsx', 'merge-bomb.xlsx', 'missing.xlsx']) {
      const f = byName(name);
      expect(f.error, name).toEqual(expect.any(String));
      expect(f.sheets).toEqual([]);
      expect(f.violations).toHaveLength(1);
      expect(f.violations[0]).toMatchObject({ ruleId: 'workbook/unreadable', severity: 'error', sheet: null, row: null, cell: null });
    }
    expect(byName('renamed.xlsx').error).toContain('.xls');
    expect(report.summary).toMatchObject({ files: 4, errors: 3 });
  });

  it('warnings alone exit 0; more warnings than --max-warnings exit 1', () => {
    expect(runs.warnings!.code).toBe(0);
    const report = JSON.parse(runs.warnings!.stdout);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(report.files[0].violations[0]).toMatchObject({ ruleId: 'enrollment/unused-chosen-days', severity: 'warning', cell: 'I2' });
    expect(runs.maxWarnings0!.code).toBe(1);
    expect(runs.maxWarnings1!.code).toBe(0);
  });

  it('--rule changes a rule’s level or turns it off', () => {
    expect(runs.ruleError!.code).toBe(1);
    expect(JSON.parse(runs.ruleError!.stdout).files[0].violations[0]).toMatchObject({ ruleId: 'enrollment/unused-chosen-days', severity: 'error' });
    expect(runs.ruleOff!.code).toBe(0);
    expect(JSON.parse(runs.ruleOff!.stdout).summary.warnings).toBe(0);
  });

  it('2 on misuse, with a message on stderr and nothing on stdout', () => {
    for (const name of ['unknownRule', 'badLevel', 'noPaths', 'badToday', 'unknownCommand', 'outIsInput']) {
      expect(runs[name]!.code, name).toBe(2);
      expect(runs[name]!.stdout, name).toBe('');
      expect(runs[name]!.stderr, name).toMatch(/^partner-check: /);
    }
    expect(runs.unknownRule!.stderr).toContain('enrollment/no-such-rule');
    expect(runs.badLevel!.stderr).toContain('The level of rule enrollment/unused-chosen-days must be off, info, warning or error');
  });

  it('2 with the campaign/invalid-config message for a campaign that ends before it starts', () => {
    expect(runs.badCampaign!.code).toBe(2);
    expect(runs.badCampaign!.stderr).toContain('活動設定檔有誤');
    expect(runs.badCampaign!.stdout).toBe('');
  });
});
