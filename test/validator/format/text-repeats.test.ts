/** A rule repeated many times in one tab is summarised in the text report; --verbose lists all. */
import { describe, expect, it } from 'vitest';
import { buildReport, validateWorkbook } from '../../../rules/index';
import { formatText } from '../../../validator/format/text';
import type { CliReport } from '../../../validator/format/types';
import { enrollmentRow, kindTable } from '../../helpers/tables';

const rows = Array.from({ length: 12 }, (_, i) => enrollmentRow({ shopId: `shop_${i + 1}`, contactEmail: `bad${i + 1}@@x` }));
const file = validateWorkbook({ tables: [kindTable('enrollment', rows)] }, { today: '2026-03-20', path: 'many.xlsx' });
const report = buildReport('2026-Q2', [file]) as CliReport;
const emailLines = (out: string) => out.split('\n').filter((l) => l.endsWith('cell/invalid-email'));

describe('repeated rules in the text report', () => {
  it('the report has 12 × cell/invalid-email', () => {
    expect(file.violations.filter((v) => v.ruleId === 'cell/invalid-email').map((v) => v.cell)).toEqual(Array.from({ length: 12 }, (_, i) => `C${i + 2}`));
  });

  it('shows the first 3 and one summary line by default', () => {
    const zh = formatText(report, { lang: 'zh-TW', today: '2026-03-20', columns: Number.POSITIVE_INFINITY });
    expect(emailLines(zh).map((l) => l.trim().split(/\s+/)[0])).toEqual(['C2', 'C3', 'C4']);
    expect(zh).toContain('\n    … 共 12 × cell/invalid-email（另有 9 筆未列出；加上 --verbose 全部列出）\n');
    const en = formatText(report, { lang: 'en', today: '2026-03-20', columns: Number.POSITIVE_INFINITY });
    expect(en).toContain('\n    … 12 × cell/invalid-email (9 more not listed; --verbose lists them all)\n');
  });

  it('lists every one with verbose', () => {
    const out = formatText(report, { lang: 'en', today: '2026-03-20', verbose: true, columns: Number.POSITIVE_INFINITY });
    expect(emailLines(out)).toHaveLength(12);
    expect(out).not.toContain('more not listed');
  });
});
