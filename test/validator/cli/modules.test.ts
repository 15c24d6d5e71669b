/**
 * In-process tests of the CLI's small modules: option parsing, the Taipei "today", atomic
 * writes, the folder walk, annotated-copy names and the baseline comparison.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Baseline, ReportViolation } from '../../../rules/index';
import { annotatedFileName, hyperlinkFormula, internalLink, safeSheetName } from '../../../validator/annotate';
import { langOfArgv, numberOption, parseArgs, ruleOverrides, taipeiToday, UsageError } from '../../../validator/args';
import { baselineForFile, baselineSection, compareWithPrevious, previousReportFromJson, violationFingerprint } from '../../../validator/baseline';
import { parseChosenDays } from '../../../validator/commands/calendar';
import { collectInputs } from '../../../validator/commands/validate';
import { writeFileAtomic } from '../../../validator/fs-atomic';
import type { CliFileReport } from '../../../validator/format/types';
import { civil } from '../../../rules/index';
import { tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function usageKey(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e.key;
    throw e;
  }
  return undefined;
}

describe('parseArgs', () => {
  const specs = { format: { type: 'string' }, rule: { type: 'string', multiple: true }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

  it('reads values, repeated options, flags, short flags and positionals', () => {
    const r = parseArgs(['a.xlsx', '--format', 'json', '--rule=x=off', '--rule', 'y=error', '--quiet', '-h', '--', '--not-an-option'], specs);
    expect(r.options).toEqual({ format: 'json', rule: ['x=off', 'y=error'], quiet: true, help: true });
    expect(r.positionals).toEqual(['a.xlsx', '--not-an-option']);
  });

  it('rejects unknown options, missing values and values on flags', () => {
    expect(usageKey(() => parseArgs(['--fromat', 'json'], specs))).toBe('err.unknownOptionNear');
    expect(usageKey(() => parseArgs(['--xyz', 'json'], specs))).toBe('err.unknownOption');
    expect(usageKey(() => parseArgs(['--format'], specs))).toBe('err.missingValue');
    expect(usageKey(() => parseArgs(['--format', '--quiet'], specs))).toBe('err.missingValue');
    expect(usageKey(() => parseArgs(['--quiet=yes'], specs))).toBe('err.flagWithValue');
  });

  it('finds --lang before parsing so errors speak it', () => {
    expect(langOfArgv(['validate', '--lang', 'en'])).toBe('en');
    expect(langOfArgv(['--lang=EN'])).toBe('en');
    expect(langOfArgv(['validate'])).toBe('zh-TW');
  });
});

describe('option values', () => {
  it('ruleOverrides accepts known ids and levels only', () => {
    expect(ruleOverrides(['enrollment/unused-chosen-days=off', 'cell/required=WARNING'])).toEqual({ 'enrollment/unused-chosen-days': 'off', 'cell/required': 'warning' });
    expect(usageKey(() => ruleOverrides(['nope/nothing=off']))).toBe('err.unknownRule');
    expect(usageKey(() => ruleOverrides(['cell/required=fatal']))).toBe('err.badRuleLevel');
    expect(usageKey(() => ruleOverrides(['cell/required']))).toBe('err.badRuleSyntax');
  });

  it('numberOption reads 1,000,000 and 8%', () => {
    expect(numberOption('1,000,000', '--gmv')).toBe(1_000_000);
    expect(numberOption('8%', '--cps', { max: 100 })).toBe(8);
    expect(usageKey(() => numberOption('-1', '--gmv', { min: 0 }))).toBe('err.badNumber');
  });

  it('today is the Asia/Taipei date of the instant, whatever the host TZ', () => {
    expect(taipeiToday(Date.UTC(2026, 2, 19, 15, 59, 59))).toBe('2026-03-19');
    expect(taipeiToday(Date.UTC(2026, 2, 19, 16, 0, 0))).toBe('2026-03-20');
  });

  it('parseChosenDays reads M/D, D and ISO dates of the month', () => {
    expect(parseChosenDays(['5/6,5/13', '27', '2026-05-01'], '2026-05').map(civil.isoDate)).toEqual(['2026-05-01', '2026-05-06', '2026-05-13', '2026-05-27']);
    expect(usageKey(() => parseChosenDays(['6/1'], '2026-05'))).toBe('err.badChosen');
    expect(usageKey(() => parseChosenDays(['5/32'], '2026-05'))).toBe('err.badChosen');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the target and leaves no temporary file', () => {
    const dir = path.join(tmp.dir, 'atomic');
    const target = path.join(dir, 'out.json');
    writeFileAtomic(target, 'one');
    writeFileAtomic(target, 'two');
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('cleans up its temporary file when the rename fails', () => {
    const dir = path.join(tmp.dir, 'atomic-fail');
    mkdirSync(path.join(dir, 'taken'), { recursive: true });
    expect(() => writeFileAtomic(path.join(dir, 'taken'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('fails without leaving anything in a read-only folder', () => {
    if (process.getuid?.() === 0) return; // root ignores permissions
    const dir = path.join(tmp.dir, 'readonly');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    expect(() => writeFileAtomic(path.join(dir, 'r.json'), 'x')).toThrow();
    chmodSync(dir, 0o755);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('collectInputs', () => {
  it('walks folders sorted, skipping dotfiles, ~$ lock files, other extensions and excluded outputs', () => {
    const root = path.join(tmp.dir, 'forms');
    for (const d of ['b', 'a', '.hidden', 'out']) mkdirSync(path.join(root, d), { recursive: true });
    for (const f of ['b/2.xlsx', 'b/1.csv', 'a/z.tsv', 'a/~$lock.xlsx', 'a/.dot.xlsx', 'a/readme.md', '.hidden/x.xlsx', 'out/x.checked.xlsx', 'top.txt', 'old.xls']) {
      writeFileSync(path.join(root, f), '');
    }
    const files = collectInputs([root, path.join(root, 'top.txt'), path.join(tmp.dir, 'missing.xlsx')], [path.join(root, 'out')]);
    expect(files.map((f) => path.relative(tmp.dir, f))).toEqual(['forms/a/z.tsv', 'forms/b/1.csv', 'forms/b/2.xlsx', 'forms/old.xls', 'forms/top.txt', 'missing.xlsx']);
  });
});

describe('annotated copies', () => {
  it('names copies <basename>.checked.xlsx, distinct within a batch', () => {
    const taken = new Set<string>();
    expect(annotatedFileName('a/報名表.xlsx', taken)).toBe('報名表.checked.xlsx');
    expect(annotatedFileName('b/報名表.csv', taken)).toBe('報名表 (2).checked.xlsx');
    expect(annotatedFileName('c/報名表.xlsx', taken)).toBe('報名表 (3).checked.xlsx');
  });

  it('makes sheet names Excel accepts and links that survive quotes', () => {
    const taken = new Set(['檢查結果']);
    expect(safeSheetName('a/b:c', taken)).toBe('a_b_c');
    expect(safeSheetName('檢查結果', taken)).toBe('檢查結果 (2)');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(internalLink("Bob's", 'C4')).toBe("'Bob''s'!C4");
    expect(hyperlinkFormula('say "hi"', 'A1', 'A1')).toBe(`HYPERLINK("#'say ""hi""'!A1","A1")`);
  });
});

describe('baseline comparison', () => {
  const v = (over: Partial<ReportViolation>): ReportViolation => ({
    ruleId: 'cell/invalid-email',
    severity: 'error',
    sheet: '報名表',
    row: 3,
    column: '聯絡信箱',
    cell: 'C3',
    message: 'x',
    messageId: 'default',
    data: { value: 'a@@b' },
    value: 'a@@b',
    ...over,
  });
  const file = (violations: ReportViolation[]): CliFileReport => ({ path: 'f.xlsx', error: null, sheets: [], violations, counts: { errors: 0, warnings: 0, infos: 0 }, meta: { skippedRules: [] } });

  it('matches across runs ignoring row moves and message language', () => {
    expect(violationFingerprint(v({ row: 9, cell: 'C9', message: 'English' }))).toBe(violationFingerprint(v({})));
    expect(violationFingerprint(v({ value: 'other' }))).not.toBe(violationFingerprint(v({})));
  });

  it('pairs equal violations one to one: open, new and resolved', () => {
    const prev = previousReportFromJson({ tool: 'partner-check', files: [{ path: 'f.xlsx', violations: [v({}), v({ ruleId: 'enrollment/unknown-plan', data: {} })] }] });
    if (prev.kind !== 'ok') throw new Error(prev.kind);
    const { files, comparison } = compareWithPrevious([file([v({ row: 4, cell: 'C4' }), v({ row: 5, cell: 'C5' })])], prev.report);
    expect(files[0]!.violations.map((x) => x.status)).toEqual(['open', 'new']);
    expect(files[0]!.resolved!.map((x) => x.ruleId)).toEqual(['enrollment/unknown-plan']);
    expect(comparison).toEqual({ new: 1, open: 1, resolved: 1, filesNotChecked: [] });
  });

  it('rejects what is not a partner-check report', () => {
    expect(previousReportFromJson({ files: [] }).kind).toBe('not-a-report');
  });

  it('uses the file’s own baseline, else the union restricted to the file’s shops', () => {
    const contract = (shopId: string) => ({ shopId, contractType: '活動加碼', productType: 'normal', remark: '', start: 0, end: 1, status: '通過', submittedAt: null, frontRate: 10, baseRate: 2, cps: 15, vendorBonus: 0, rebateCap: -1, productId: null });
    const a: Baseline = { contracts: [contract('shop_a')], enrollments: [] };
    const b: Baseline = { contracts: [contract('shop_b')], enrollments: [{ shopId: 'shop_b', plan: 'quarter', chosenDays: [] }] };
    const section = baselineSection(new Map([['b.xlsx', b], ['a.xlsx', a]]));
    expect(section.contracts.map((c) => c.shopId)).toEqual(['shop_a', 'shop_b']);
    const prev = previousReportFromJson({ tool: 'partner-check', files: [], baseline: JSON.parse(JSON.stringify(section)) });
    if (prev.kind !== 'ok') throw new Error(prev.kind);
    expect(baselineForFile(prev.report, 'a.xlsx', { contracts: [], enrollments: [] })?.contracts.map((c) => c.shopId)).toEqual(['shop_a']);
    const renamed = baselineForFile(prev.report, 'b-renamed.xlsx', { contracts: [contract('shop_b')], enrollments: [] });
    expect(renamed?.contracts.map((c) => c.shopId)).toEqual(['shop_b']);
    expect(renamed?.enrollments).toHaveLength(1);
  });
});
