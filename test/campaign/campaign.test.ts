import { describe, it, expect } from 'vitest';
import { loadCampaign, DEFAULT_CAMPAIGN, CAMPAIGN_2026_Q2, validateWorkbook, tableFromValues } from '../../rules/index.js';
import { formatWall } from '../../rules/time/civil.js';

describe('campaign config', () => {
  it('the default 2026-Q2 campaign is SPEC §3', () => {
    const c = DEFAULT_CAMPAIGN;
    expect(c.id).toBe('2026-Q2');
    expect(c.plans.map((p) => [p.id, p.label, p.months, formatWall(p.deadlineWall)])).toEqual([
      ['quarter', '季方案', ['2026-04', '2026-05', '2026-06'], '2026/03/23 23:59:59'],
      ['2026-05', '5月單月方案', ['2026-05'], '2026/04/21 17:00:00'],
      ['2026-06', '6月單月方案', ['2026-06'], '2026/05/21 17:00:00'],
    ]);
    expect(c.config.partnerCps).toBe(15);
    expect(c.config.rates).toEqual({ daily: 5, friday: 10, chosen: 10 });
    expect([c.allowance(false, false), c.allowance(true, false), c.allowance(false, true), c.allowance(true, true)]).toEqual([0, 3, 3, 6]);
  });

  it('finds plans by label, id and alias, and has no April-only plan', () => {
    expect(DEFAULT_CAMPAIGN.findPlan('５月 單月方案')?.id).toBe('2026-05');
    expect(DEFAULT_CAMPAIGN.findPlan('quarter')?.id).toBe('quarter');
    expect(DEFAULT_CAMPAIGN.findPlan('4-6月季方案')?.id).toBe('quarter');
    expect(DEFAULT_CAMPAIGN.findPlan('4月單月方案')).toBeUndefined();
  });

  it("rejects the deck's typo: a period that ends before it starts", () => {
    const r = loadCampaign({ ...CAMPAIGN_2026_Q2, period: { start: '2026-04-01', end: '2025-06-30' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain('period ends (2025-06-30) before it starts (2026-04-01)');
  });

  it('rejects schema violations with a path', () => {
    const r = loadCampaign({ ...CAMPAIGN_2026_Q2, partnerCps: 'fifteen' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/^partnerCps: /);
  });

  it('rejects plan months outside the period', () => {
    const r = loadCampaign({ ...CAMPAIGN_2026_Q2, plans: [{ ...CAMPAIGN_2026_Q2.plans[0]!, months: ['2026-07'] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(['plans.quarter.months: 2026-07 lies outside the period 2026-04-01..2026-06-30']);
  });

  it('the engine reports a failed config as campaign/invalid-config', () => {
    const r = loadCampaign({ ...CAMPAIGN_2026_Q2, period: { start: '2026-04-01', end: '2025-06-30' } });
    const problems = r.ok ? [] : r.problems;
    const report = validateWorkbook({ tables: [tableFromValues('x', [['hello']])] }, { today: '2026-03-20', campaignProblems: problems });
    const v = report.violations.filter((x) => x.ruleId === 'campaign/invalid-config');
    expect(v.map((x) => [x.severity, x.sheet, x.row, x.message])).toEqual([
      ['error', null, null, '活動設定檔有誤：period ends (2025-06-30) before it starts (2026-04-01)'],
    ]);
  });
});
