/**
 * The partner and ring-data rules on the LibreOffice fixture `partner-workbook.xlsx`
 * (../shared/fixtures/libreoffice), as rebuilt cell by cell in the rules' model by
 * test/helpers/partner-workbook.ts (the values exceljs reads from it), so the expected violations
 * below are what the whole check reports on that file for these rules.
 */
import { describe, it, expect } from 'vitest';
import { validateWorkbook, type ReportViolation } from '../../../rules/index.js';
import { PARTNER_WORKBOOK_TABS } from '../../helpers/partner-workbook.js';

const { enrollment, contracts, baseContracts, ringData } = PARTNER_WORKBOOK_TABS;

const MINE = /^(partner|ring)\//;

function mine(today: string): ReportViolation[] {
  const report = validateWorkbook({ tables: [enrollment, contracts, baseContracts, ringData] }, { today });
  return report.violations.filter((v) => MINE.test(v.ruleId));
}

const brief = (v: ReportViolation) => ({
  ruleId: v.ruleId,
  sheet: v.sheet,
  row: v.row,
  cell: v.cell,
  messageId: v.messageId,
  ...('month' in v.data ? { month: v.data['month'] } : {}),
  ...('range' in v.data ? { range: v.data['range'] } : {}),
  ...(v.suggestion ? { suggestion: v.suggestion.value } : {}),
});

describe('partner and ring rules on partner-workbook.xlsx', () => {
  it('tells the 待審核 row with the wrong rate to delete and resubmit, not to edit (SPEC §5.3)', () => {
    const v = mine('2026-04-20').find((x) => x.ruleId === 'partner/wrong-rate')!;
    expect(v.suggestion).toBeUndefined();
    expect(v.message).toBe('前台回饋 5% 不對：5/8 應為 10%。這列是待審核，後台只能檢視或刪除：請刪除後以「10%」重新送審。');
  });

  it('reports exactly these violations', () => {
    expect(mine('2026-04-20').map(brief)).toEqual([
      // 報名表: goodday_food (quarter) has contracts for 5/1–5/29 only, and ring sends in May only.
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 2, cell: 'B2', messageId: 'default', month: '2026 年 4 月', range: '4/1-4/30' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 2, cell: 'B2', messageId: 'default', month: '2026 年 5 月', range: '5/30-5/31' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 2, cell: 'B2', messageId: 'default', month: '2026 年 6 月', range: '6/1-6/30' },
      { ruleId: 'ring/missing-monthly-send', sheet: '報名表', row: 2, cell: 'H2', messageId: 'default', month: '2026 年 4 月' },
      { ruleId: 'ring/missing-monthly-send', sheet: '報名表', row: 2, cell: 'H2', messageId: 'default', month: '2026 年 6 月' },
      // bloom_beauty's contracts are marked 否 (not partner); home-goods, farm_market, morning_cafe have none.
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 3, cell: 'B3', messageId: 'default', month: '2026 年 5 月', range: '5/1-5/31' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 4, cell: 'B4', messageId: 'default', month: '2026 年 6 月', range: '6/1-6/30' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 7, cell: 'B7', messageId: 'default', month: '2026 年 5 月', range: '5/1-5/31' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 8, cell: 'B8', messageId: 'default', month: '2026 年 4 月', range: '4/1-4/30' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 8, cell: 'B8', messageId: 'default', month: '2026 年 5 月', range: '5/1-5/31' },
      { ruleId: 'partner/missing-day', sheet: '報名表', row: 8, cell: 'B8', messageId: 'default', month: '2026 年 6 月', range: '6/1-6/30' },
      // 加碼合約: Friday 5/8 written as 5%. (5/4 twice, rows 3 and 4, is contract/overlap's.) The row
      // is 待審核: the CMS only lets it be deleted, so no suggestion to edit the rate (SPEC §5.3).
      { ruleId: 'partner/wrong-rate', sheet: '加碼合約', row: 7, cell: 'I7', messageId: 'default' },
      // 環狀數據
      { ruleId: 'ring/invalid-time', sheet: '環狀數據', row: 3, cell: 'C3', messageId: 'default', suggestion: '20:00' },
      { ruleId: 'ring/late-request', sheet: '環狀數據', row: 3, cell: 'H3', messageId: 'default' },
      { ruleId: 'ring/no-bonus-active', sheet: '環狀數據', row: 4, cell: 'B4', messageId: 'default' },
      { ruleId: 'ring/audience', sheet: '環狀數據', row: 4, cell: 'D4', messageId: 'default', suggestion: '通發型' },
      { ruleId: 'ring/invalid-cap', sheet: '環狀數據', row: 4, cell: 'E4', messageId: 'default' },
      { ruleId: 'ring/exclude-buyers-window', sheet: '環狀數據', row: 4, cell: 'F4', messageId: 'default', suggestion: '近3個月' },
    ]);
  });

  it('names the wrong day, the late request and the missing send in full', () => {
    const byRule = (id: string) => mine('2026-04-20').filter((v) => v.ruleId === id);
    expect(byRule('partner/wrong-rate')[0]!.data).toMatchObject({ shopId: 'goodday_food', actual: '5%', days: '5/8', expected: '10%' });
    expect(byRule('partner/missing-day')[1]!.data).toMatchObject({ shopId: 'goodday_food', from: '5/30', to: '5/31', days: 2, contracts: '5/30-5/31_加碼5%' });
    expect(byRule('ring/late-request')[0]!.data).toMatchObject({ sendDate: '2026/05/27', deadline: '2026/05/22(五) 23:59:59', requested: '2026/05/25 10:00:00', earliest: '2026/05/28' });
    expect(byRule('ring/no-bonus-active')[0]!.data).toMatchObject({ shopId: 'home-goods', sendAt: '2026/06/10 08:00' });
    expect(byRule('ring/exclude-buyers-window')[0]!.data).toMatchObject({ text: '近1個月' });
    expect(byRule('ring/invalid-cap')[0]!.data).toMatchObject({ cap: 0 });
  });

  it('does not depend on "today"', () => {
    expect(mine('2026-07-01')).toEqual(mine('2026-03-01'));
  });
});
