import { describe, expect, it } from 'vitest';
import { buildReport, unreadableFileReport } from '../../../rules/index';
import { formatText } from '../../../validator/format/text';
import { displayWidth, fitWidth, terminalSafe } from '../../../validator/format/terminal';
import type { CliReport } from '../../../validator/format/types';
import { sampleFile } from './sample';

const report = buildReport('2026-Q2', [sampleFile('brand.xlsx')]) as CliReport;

describe('formatText', () => {
  it('groups by file and sheet, with the cell, severity, message and rule', () => {
    const out = formatText(report, { lang: 'zh-TW', today: '2026-03-20', campaignName: '夥伴互利計劃 2026 Q2', columns: Number.POSITIVE_INFINITY });
    expect(out.split('\n')[0]).toBe('partner-check 0.1.0 · 夥伴互利計劃 2026 Q2 · 檢查日 2026-03-20');
    expect(out).toContain('✖ brand.xlsx');
    expect(out).toMatch(/\n {2}報名表 {2}報名表 · 標題列第 1 列 · 2 列資料\n/);
    expect(out).toMatch(/\n {4}B3 +錯誤 {2}商店代碼「bad shop」格式不對.*enrollment\/invalid-shop-id\n/);
    expect(out).toMatch(/→ 建議：bad_shop/);
    expect(out).toContain('Notes & <stuff>');
    expect(out).not.toContain('\u001b');
  });

  it('colours only when asked', () => {
    expect(formatText(report, { lang: 'en', color: true })).toContain('\u001b[31m');
  });

  it('shows only errors with --quiet', () => {
    const out = formatText(report, { lang: 'en', quiet: true });
    expect(out).toContain('error');
    expect(out).not.toMatch(/\swarning\s/);
    expect(out).not.toContain('Notes & <stuff>');
  });

  it('reports an unreadable file and keeps user text from controlling the terminal', () => {
    const broken = unreadableFileReport('evil\u001b[2J.xlsx', { 'zh-TW': '壞掉了', en: 'broken' }, 'en');
    const out = formatText(buildReport('2026-Q2', [broken]) as CliReport, { lang: 'en' });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('evil\uFFFD[2J.xlsx');
    expect(out).toContain('This file cannot be read: broken');
  });

  it('marks new problems after a comparison', () => {
    const file = { ...report.files[0]!, violations: report.files[0]!.violations.map((v) => ({ ...v, status: 'new' as const })) };
    const out = formatText({ ...report, files: [file], comparison: { new: 3, open: 0, resolved: 1, filesNotChecked: [] } }, { lang: 'zh-TW' });
    expect(out).toContain('[新] ');
    expect(out).toContain('與前次報告比較：3 個新問題、0 個未解決、1 個已解決');
  });
});

describe('terminal helpers', () => {
  it('measures CJK as two columns and pads to width', () => {
    expect(displayWidth('週一')).toBe(4);
    expect(displayWidth('任選日10%')).toBe(9);
    expect(fitWidth('週五翻倍10%', 13)).toBe('週五翻倍10%  ');
    expect(fitWidth('abcdef', 3)).toBe('abc');
    expect(terminalSafe('a\nb\u0007')).toBe('a b\uFFFD');
  });
});
