/**
 * Reports are bounded by construction (issue 11): a violation repeated exactly is reported once
 * with its count, and an echoed cell is cut to ECHO_MAX characters with its length noted.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../rules/index.js';
import { ECHO_MAX, echo } from '../../rules/engine/validate.js';
import { enrollmentRow, kindTable } from '../helpers/tables.js';

describe('bounded reports', () => {
  it('reports one date chosen 20,000 times once, with the count, and cuts the echoed cell', () => {
    const chosen = Array.from({ length: 20_000 }, () => '5/6').join('、');
    const r = validateWorkbook({ tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: chosen })])] }, { today: '2026-03-20', lang: 'en' });
    const dup = r.violations.filter((v) => v.ruleId === 'enrollment/duplicate-chosen-day');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      row: 2,
      cell: 'I2',
      message: 'Chosen day "5/6" is the same date as "5/6" (2026-05-06); pick another day. (reported once; occurs 19999 times)',
      value: `${chosen.slice(0, ECHO_MAX)}… (${chosen.length.toLocaleString('en-US')} characters in all)`,
    });
    expect(JSON.stringify(r).length).toBeLessThan(20_000);
  });

  it('keeps distinct duplicates apart and a single duplicate as it was', () => {
    const r = validateWorkbook({ tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、2026/5/6、5/6、5/13' })])] }, { today: '2026-03-20' });
    expect(r.violations.filter((v) => v.ruleId === 'enrollment/duplicate-chosen-day').map((v) => v.message)).toEqual([
      '任選日「2026/5/6」與「5/6」是同一天（2026-05-06），請改選其他日期。',
      '任選日「5/6」與「5/6」是同一天（2026-05-06），請改選其他日期。',
    ]);
  });

  it('cuts long text by whole characters and notes the length in the report language', () => {
    expect(echo('短', 'zh-TW')).toBe('短');
    const long = '好'.repeat(ECHO_MAX + 5);
    expect(echo(long, 'zh-TW')).toBe(`${'好'.repeat(ECHO_MAX)}…（共 ${ECHO_MAX + 5} 字）`);
    const emoji = `${'a'.repeat(ECHO_MAX - 1)}😀tail`;
    expect(echo(emoji, 'en')).toBe(`${'a'.repeat(ECHO_MAX - 1)}… (${emoji.length} characters in all)`);
  });
});
