/** `calendar` and `cost` check their arguments like the sheets: same rule ids, same messages (issue 13). */
import { describe, it, expect } from 'vitest';
import { runMain } from './helpers.js';

describe('calendar and cost arguments', () => {
  it('8 chosen days: enrollment/too-many-chosen-days, exit 1', async () => {
    const r = await runMain(['calendar', '--month', '2026-05', '--chosen', '5/4,5/5,5/6,5/7,5/11,5/12,5/13,5/14']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('partner-check: --chosen 錯誤  2026 年 5 月 選了 8 個任選日，但依推廣承諾每月可選 6 天：請刪去 2 天。  enrollment/too-many-chosen-days\n');
  });

  it('a month outside the campaign: enrollment/chosen-day-outside-plan', async () => {
    const r = await runMain(['cost', '--gmv', '1000', '--cps', '8', '--month', '2026-08', '--chosen', '8/4', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Chosen day "8/4" is outside the Partner Mutual-Benefit Plan 2026 Q2 months (April 2026, May 2026, June 2026).  enrollment/chosen-day-outside-plan');
  });

  it('--cps 0.08 is 8%, flagged cell/ambiguous-percent', async () => {
    const r = await runMain(['cost', '--gmv', '1000', '--cps', '0.08', '--month', '2026-05', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).estimate.currentCps).toBe(8);
    expect(r.stderr).toContain('cell/ambiguous-percent');
  });

  it('2028: calendar/year-not-covered, never a silent drawing', async () => {
    const r = await runMain(['calendar', '--month', '2028-05']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2028 年不在行政機關辦公日曆表內（目前涵蓋 2025、2026、2027 年），無法計算工作日期限。  calendar/year-not-covered');
  });

  it('a clean request says nothing', async () => {
    const r = await runMain(['calendar', '--month', '2026-05', '--chosen', '5/6,5/13,5/27']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});
