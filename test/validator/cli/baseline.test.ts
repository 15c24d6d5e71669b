/**
 * `--baseline REPORT.json` (the nightly comparison): a second run marks each violation new or
 * open, lists the resolved ones, and — fed the first report's `baseline` section — reports an
 * approved (通過) contract that changed since as contract/approved-changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_ENROLLMENT, CONTRACT_HEADER, runCli, tempDir, writeWorkbook, type CliRun, type SheetRows } from './helpers';

const tmp = tempDir();
const file = path.join(tmp.dir, 'brand.xlsx');
const firstReport = path.join(tmp.dir, 'night-1.json');
const TODAY = ['--today', '2026-03-20'];

function contractRow(start: string, end: string, remark: string, front: string, status: string): (string | number)[] {
  return ['goodday_food', '活動加碼', remark, `2026/${start} 00:00:00`, `2026/${end} 23:59:59`, 'normal', '', '2%', front, -1, '15%', '0%', 1.2, '是', '2026/3/20 10:00', status];
}

function workbook(enrollmentEmail: string, firstFront: string): Record<string, SheetRows> {
  const enrollment = CLEAN_ENROLLMENT.map((r, i) => (i === 1 ? r.map((c, j) => (j === 2 ? enrollmentEmail : c)) : r));
  return {
    報名表: enrollment,
    加碼合約: [CONTRACT_HEADER, contractRow('04/01', '04/01', '4/1_加碼10%', firstFront, '通過'), contractRow('04/02', '04/02', '4/2_加碼5%', '5%', '待審核')],
  };
}

let first: CliRun;
let second: CliRun;
let withoutBaseline: CliRun;
let missingBaseline: CliRun;
type Violation = { ruleId: string; status?: string; message: string };
let report2: {
  files: { violations: Violation[]; resolved: Violation[] }[];
  comparison: { new: number; open: number; resolved: number; filesNotChecked: string[] };
  baseline: { contracts: { status: string | null }[] };
};

beforeAll(async () => {
  // Night 1: a broken e-mail; the 4/1 contract approved at 10%.
  await writeWorkbook(file, workbook('mkt@@goodday', '10%'));
  // (--record-baseline: no previous report to compare with, but tonight's baseline is recorded.)
  first = await runCli(['validate', file, '--format', 'json', '--out', firstReport, '--record-baseline', ...TODAY]);
  // Night 2: the e-mail is fixed, but someone changed the approved contract to 8%.
  await writeWorkbook(file, workbook('mkt@goodday.example.com', '8%'));
  [second, withoutBaseline, missingBaseline] = await Promise.all([
    runCli(['validate', file, '--format', 'json', '--baseline', firstReport, ...TODAY]),
    runCli(['validate', file, '--format', 'json', ...TODAY]),
    runCli(['validate', file, '--format', 'json', '--baseline', path.join(tmp.dir, 'none.json'), ...TODAY]),
  ]);
  report2 = JSON.parse(second.stdout);
});

afterAll(() => tmp.cleanup());

describe('--baseline', () => {
  it('the first report carries the baseline section with the approved contract', () => {
    expect(first.code).toBe(1);
    const report1 = JSON.parse(readFileSync(firstReport, 'utf8'));
    expect(report1.baseline.contracts.map((c: { status: string | null }) => c.status)).toEqual(['通過', '待審核']);
    expect(Object.keys(report1.baseline.byFile)).toEqual([file]);
    expect(report1.comparison).toBeUndefined();
    expect(report1.files[0].violations.every((v: Violation) => v.status === undefined)).toBe(true);
  });

  it('fires contract/approved-changed for the changed approved contract', () => {
    const changed = report2.files[0]!.violations.find((v) => v.ruleId === 'contract/approved-changed');
    expect(changed).toBeDefined();
    expect(changed!.status).toBe('new');
    expect(changed!.message).toContain('10% → 8%');
    const plain = JSON.parse(withoutBaseline.stdout);
    expect(plain.files[0].violations.some((v: Violation) => v.ruleId === 'contract/approved-changed')).toBe(false);
  });

  it('marks violations new or open and lists the resolved ones', () => {
    const f = report2.files[0]!;
    expect(f.violations.every((v) => v.status === 'new' || v.status === 'open')).toBe(true);
    expect(f.violations.some((v) => v.status === 'open')).toBe(true);
    expect(f.resolved.map((v) => v.ruleId)).toContain('cell/invalid-email');
    const { comparison } = report2;
    expect(comparison.new).toBe(f.violations.filter((v) => v.status === 'new').length);
    expect(comparison.open).toBe(f.violations.filter((v) => v.status === 'open').length);
    expect(comparison.resolved).toBe(f.resolved.length);
    expect(comparison.filesNotChecked).toEqual([]);
  });

  it('a missing baseline file is a warning, not a failure (the first night has none)', () => {
    expect(missingBaseline.code).toBe(1);
    expect(missingBaseline.stderr).toContain('none.json');
    const r = JSON.parse(missingBaseline.stdout);
    expect(r.files[0].violations.every((v: Violation) => v.status === 'new')).toBe(true);
    // The first night still records tonight's baseline for the second night.
    expect(r.baseline.contracts.map((c: { status: string | null }) => c.status)).toEqual(['通過', '待審核']);
    expect(Object.keys(r.baseline.byFile)).toEqual([file]);
  });

  it('writes the baseline section only in the nightly flow (--baseline or --record-baseline)', () => {
    expect(report2.baseline.contracts.length).toBe(2);
    const plain = JSON.parse(withoutBaseline.stdout);
    expect(plain.baseline).toBeUndefined();
    expect(plain.comparison).toBeUndefined();
  });
});
