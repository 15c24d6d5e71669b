/**
 * The other subcommands on the same engine: calendar (the deck's month grid), cost, schedule
 * (whose .xlsx re-validates clean, alone and together with its enrollment), rules, template,
 * and --help in zh-TW and English.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, RULE_IDS, analyseWorkbook, validateWorkbook } from '../../../rules/index';
import { readPictures } from '../../../validator/pictures';
import { readWorkbookFile } from '../../../validator/read/guarded';
import { CLEAN_ENROLLMENT, REPO_ROOT, runCli, runMain, tempDir, writeWorkbook, type CliRun } from './helpers';

const tmp = tempDir();
const enrollment = path.join(tmp.dir, 'enrollment.xlsx');
const contracts = path.join(tmp.dir, 'contracts.xlsx');
const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  await writeWorkbook(enrollment, { 報名表: CLEAN_ENROLLMENT });
  // Spawned: what needs the real process (reader workers, files, the template glob import in the bundle).
  const spawned: [string, string[]][] = [
    ['calendar', ['calendar', '--month', '2026-05', '--chosen', '5/6,5/13,5/27', '--wide']],
    ['schedule', ['schedule', enrollment, '--out', contracts, '--today', '2026-03-20', '--wide']],
    ['scheduleJson', ['schedule', enrollment, '--format', 'json', '--today', '2026-03-20']],
    ['template', ['template', '--help']],
    ['nothing', []],
  ];
  // In-process: the same main(), without a process start each.
  const entries: [string, string[]][] = [
    ['calendarEn', ['calendar', '--month', '2026-01', '--chosen', '1/1,1/14,1/31', '--lang', 'en', '--wide']],
    ['calendarJson', ['calendar', '--month', '2026-01', '--chosen', '1,14', '--chosen', '2026-01-31', '--format', 'json']],
    ['calendarHtml', ['calendar', '--month', '2026-05', '--chosen', '5/6', '--format', 'html']],
    ['calendarBad', ['calendar', '--month', '2026-05', '--chosen', '6/1']],
    ['cost', ['cost', '--gmv', '1000', '--cps', '8', '--month', '2026-05']],
    ['costJson', ['cost', '--gmv', '1,000,000', '--cps', '8%', '--base', '2', '--month', '2026-05', '--chosen', '5/6,5/13,5/27', '--format', 'json']],
    ['costMissing', ['cost', '--cps', '8']],
    ['rules', ['rules']],
    ['rulesJson', ['rules', '--format', 'json']],
    ['helpMain', ['--help']],
    ['helpValidate', ['validate', '--help']],
    ['helpValidateEn', ['validate', '--help', '--lang', 'en']],
    ['helpTopic', ['help', 'schedule', '--lang', 'en']],
  ];
  const results = await Promise.all(spawned.map(([, args]) => runCli(args)));
  spawned.forEach(([name], i) => (runs[name] = results[i]!));
  for (const [name, args] of entries) runs[name] = await runMain(args);
  // The schedule's contracts file, checked again by the CLI.
  runs.revalidate = await runCli(['validate', contracts, '--format', 'json', '--today', '2026-03-20']);
});

afterAll(() => tmp.cleanup());

describe('calendar', () => {
  it('draws the month grid Monday first with the deck’s labels and holidays', () => {
    const out = runs.calendar!.stdout;
    expect(runs.calendar!.code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('2026 年 5 月 回饋日曆');
    expect(lines[1]).toMatch(/^週一\s+週二\s+週三\s+週四\s+週五\s+週六\s+週日$/);
    expect(lines[2]).toMatch(/^\s+1日\s+2日\s+3日$/);
    expect(lines[3]).toMatch(/^\s+週五翻倍10%\s+日常鋪底5%\s+日常鋪底5%$/);
    expect(lines[4]).toMatch(/^\s+勞動節$/);
    expect(out).toMatch(/6日.*\n.*任選日10%/);
    expect(out).toContain('任選日：5/6、5/13、5/27');
  });

  it('speaks English with --lang en (January 2026 as in the deck)', () => {
    const lines = runs.calendarEn!.stdout.split('\n');
    expect(lines[0]).toBe('Rebate calendar, January 2026');
    expect(lines[1]).toMatch(/^Mon\s+Tue/);
    expect(lines[3]).toMatch(/^\s+chosen 10%\s+Friday 10%\s+daily 5%\s+daily 5%$/);
  });

  it('gives JSON days and weeks', () => {
    const cal = JSON.parse(runs.calendarJson!.stdout);
    expect(cal.chosen).toEqual(['2026-01-01', '2026-01-14', '2026-01-31']);
    expect(cal.weeks[0]).toEqual([null, null, null, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(cal.days[0]).toMatchObject({ date: '2026-01-01', rate: 10, reason: 'chosen', holiday: '開國紀念日', workingDay: false });
    expect(cal.days[1]).toMatchObject({ reason: 'friday', rate: 10 });
    expect(cal.days[2]).toMatchObject({ reason: 'daily', rate: 5 });
  });

  it('writes a self-contained HTML page', () => {
    expect(runs.calendarHtml!.stdout).toContain('<table class="cal" data-month="2026-05">');
    expect(runs.calendarHtml!.stdout).not.toMatch(/\s(src|href)=/);
  });

  it('rejects a chosen day of another month (exit 2)', () => {
    expect(runs.calendarBad!.code).toBe(2);
    expect(runs.calendarBad!.stderr).toContain('6/1');
  });
});

describe('cost', () => {
  it('reproduces the deck: NT$1,000 at 8% → NT$80, at 15% → NT$150', () => {
    expect(runs.cost!.code).toBe(0);
    expect(runs.cost!.stdout).toMatch(/目前 CPS 8% 的成本\s+NT\$80\n/);
    expect(runs.cost!.stdout).toMatch(/夥伴互利 CPS 15% 的成本\s+NT\$150\n/);
    expect(runs.cost!.stdout).toMatch(/CPS 成本增加\s+NT\$70\n/);
  });

  it('gives exact amounts and their display values as JSON', () => {
    const { estimate } = JSON.parse(runs.costJson!.stdout);
    expect(estimate.cpsCostCurrent).toEqual({ num: '80000', den: '1', ntd: 80000 });
    expect(estimate.cpsIncrease.ntd).toBe(70000);
    expect(estimate.rateDays.map((r: { rate: number; days: number }) => [r.rate, r.days])).toEqual([
      [10, 8],
      [5, 23],
    ]);
  });

  it('needs --gmv (exit 2)', () => {
    expect(runs.costMissing!.code).toBe(2);
    expect(runs.costMissing!.stderr).toContain('--gmv');
  });
});

describe('schedule', () => {
  it('prints each shop’s calendar, contracts with deadlines and costs', () => {
    const out = runs.schedule!.stdout;
    expect(runs.schedule!.code).toBe(0);
    expect(out).toContain('■ goodday_food（好日子食品）· 季方案');
    expect(out).toMatch(/2026\/04\/01 00:00:00\s+2026\/04\/01 23:59:59\s+4\/1_加碼10%\s+10%\s+2026\/03\/27\(五\) 23:59:59/);
    expect(out).toContain('CPS 成本估算');
    expect(out).toContain('共 2 家已報名商店');
  });

  it('writes a 加碼合約 tab with the CMS headers that validates clean', async () => {
    expect(existsSync(contracts)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(contracts);
    expect(book.worksheets.map((w) => w.name)).toEqual(['加碼合約']);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(CONTRACTS.columns.map((c) => c.zh));
    expect(runs.revalidate!.code).toBe(0);
    expect(JSON.parse(runs.revalidate!.stdout).summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('validated together with its enrollment, the schedule has zero violations', async () => {
    const [a, b] = await Promise.all([readWorkbookFile(enrollment), readWorkbookFile(contracts)]);
    if (!a.ok || !b.ok) throw new Error('cannot read the test files');
    const workbook = { tables: [...a.workbook.tables, ...b.workbook.tables] };
    // The enrollment's hero pictures lie beside it, as the CLI reads them.
    const pictures = readPictures(analyseWorkbook(workbook), { besideDir: path.dirname(enrollment) });
    const report = validateWorkbook(workbook, { today: '2026-03-20', pictures });
    expect(report.violations).toEqual([]);
  });

  it('gives the same schedule as JSON', () => {
    const json = JSON.parse(runs.scheduleJson!.stdout);
    expect(json.shops.map((s: { shopId: string }) => s.shopId)).toEqual(['goodday_food', 'morning_cafe']);
    const first = json.shops[0].schedule.contracts[0];
    expect(first).toMatchObject({ start: '2026/04/01 00:00:00', end: '2026/04/01 23:59:59', remark: '4/1_加碼10%', submitBy: '2026/03/27 23:59:59' });
    expect(json.shops[0].costs.total.cpsIncrease.ntd).toBeGreaterThan(0);
    expect(json.rows.length).toBeGreaterThan(0);
  });
});

describe('rules, template and help', () => {
  it('lists every rule with its default severity', () => {
    for (const id of RULE_IDS) expect(runs.rules!.stdout).toContain(id);
    expect(JSON.parse(runs.rulesJson!.stdout)).toHaveLength(RULE_IDS.length);
  });

  it('dispatches template to the templates module, or says it is not available', () => {
    if (existsSync(path.join(REPO_ROOT, 'validator', 'commands', 'template.ts'))) {
      expect(runs.template!.code).toBe(0);
      expect(runs.template!.stdout).toContain('partner-check template');
    } else {
      expect(runs.template!.code).toBe(2);
      expect(runs.template!.stderr).toContain('template');
    }
  });

  it('prints help in zh-TW by default and in English with --lang en', () => {
    expect(runs.helpMain!.code).toBe(0);
    expect(runs.helpMain!.stdout).toContain('用法：partner-check <指令>');
    expect(runs.helpValidate!.stdout).toContain('用法：partner-check validate');
    expect(runs.helpValidateEn!.stdout).toContain('Usage: partner-check validate');
    expect(runs.helpTopic!.stdout).toContain('Usage: partner-check schedule');
    expect(runs.nothing!.code).toBe(2);
    expect(runs.nothing!.stderr).toContain('partner-check <指令>');
  });
});
