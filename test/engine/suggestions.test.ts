/**
 * The engine's suggestion post-pass (rules/engine/suggestions.ts, SPEC §5.3): one cell, one
 * suggestion, and suggestions only where the CMS lets the user edit.
 */
import { describe, it, expect } from 'vitest';
import { validateWorkbook } from '../../rules/index.js';
import { contractsTab, partnerRow } from '../checks/contract/contract-rows.js';
import { dateCell } from '../helpers/tables.js';

const check = (tables: Parameters<typeof contractsTab>[0]) => validateWorkbook({ tables: [contractsTab(tables)] }, { today: '2026-03-20' }).violations;

describe('one cell, one suggestion', () => {
  it('a start 05/05 23:59:59 that overlaps a contract ending 05/05: both rules suggest 05/06 00:00:00', () => {
    const vs = check([partnerRow(1, 5, 5), partnerRow(5, 7, 5, { start: dateCell(2026, 5, 5, 23, 59, 59) })]);
    const onStart = vs.filter((v) => v.cell === 'D3');
    expect(onStart.map((v) => [v.ruleId, v.suggestion?.value])).toEqual([
      ['contract/not-whole-day', '2026/05/06 00:00:00'],
      ['contract/overlap', '2026/05/06 00:00:00'],
    ]);
  });

  it('an earlier contract ending mid-day: overlap suggests the next whole day, agreeing with not-whole-day', () => {
    const vs = check([partnerRow(1, 5, 5, { end: dateCell(2026, 5, 5, 12) }), partnerRow(5, 7, 5, { start: dateCell(2026, 5, 5, 10) })]);
    const onStart = vs.filter((v) => v.cell === 'D3');
    expect(onStart.map((v) => [v.ruleId, v.suggestion?.value])).toEqual([
      ['contract/not-whole-day', '2026/05/06 00:00:00'],
      ['contract/overlap', '2026/05/06 00:00:00'],
    ]);
  });
});

describe('what the CMS allows per status', () => {
  it('new, draft and rejected rows keep the suggestion', () => {
    for (const status of [null, '草稿', '不通過']) {
      const v = check([partnerRow(1, 1, 10, { remark: '5/1★加碼10%', status })]).find((x) => x.ruleId === 'contract/remark-special-chars')!;
      expect(v.suggestion?.value, String(status)).toBe('5/1加碼10%');
    }
  });

  it('a pending row: no suggestion; delete and resubmit', () => {
    const v = check([partnerRow(1, 1, 10, { remark: '5/1★加碼10%', status: '待審核' })]).find((x) => x.ruleId === 'contract/remark-special-chars')!;
    expect(v.suggestion).toBeUndefined();
    expect(v.message).toBe('合約備註含特殊符號 ★，請移除；建議改為「5/1加碼10%」。這列是待審核，後台只能檢視或刪除：請刪除後以「5/1加碼10%」重新送審。');
  });

  it('an approved row: no suggestion; contact the LINE購物 window (in English too)', () => {
    const tables = [contractsTab([partnerRow(1, 1, 10, { cps: '12%', status: '通過' })])];
    const zh = validateWorkbook({ tables }, { today: '2026-03-20' }).violations.find((x) => x.ruleId === 'contract/partner-cps')!;
    const en = validateWorkbook({ tables }, { today: '2026-03-20', lang: 'en' }).violations.find((x) => x.ruleId === 'contract/partner-cps')!;
    expect(zh.suggestion).toBeUndefined();
    expect(zh.message).toBe('夥伴互利合約的 CPS 須為 15%，這裡是 12%。這列已審核通過，後台只能檢視：如需改為「15%」，請聯絡 LINE購物 窗口。');
    expect(en.message).toBe('A partner-plan contract needs CPS 15%; this one has 12%. This row is approved, so the CMS only lets you view it: to change it to "15%", contact your LINE Shopping representative.');
  });
});
