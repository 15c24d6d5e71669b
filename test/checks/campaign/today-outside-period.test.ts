import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { contractsTab, partnerRow } from '../contract/contract-rows.js';
import { validateWorkbook } from '../../../rules/index.js';

const tables = [contractsTab([partnerRow(1, 1, 10, { submittedAt: null })])];

ruleTester('campaign/today-outside-period', {
  valid: [
    { name: 'inside the period', tables, options: { today: '2026-05-01' } },
    { name: 'the last day', tables, options: { today: '2026-06-30' } },
    { name: 'exactly 60 days before the start', tables, options: { today: '2026-01-31' } },
  ],
  invalid: [
    { name: 'after the campaign ends', tables, options: { today: '2026-07-01' }, problems: [{ row: null, cell: null, messageId: 'default', data: { today: '2026-07-01', start: '2026-04-01', end: '2026-06-30' } }] },
    { name: '61 days before it starts', tables, options: { today: '2026-01-30' }, problems: [{ row: null, cell: null, messageId: 'before', data: { today: '2026-01-30', days: 60 } }] },
  ],
});

describe('campaign/today-outside-period explains the late submissions', () => {
  it('after the campaign, a file of unsubmitted contracts says why every one is late, once, naming --today', () => {
    const r = validateWorkbook({ tables: [contractsTab([partnerRow(1, 1, 10, { submittedAt: null }), partnerRow(2, 2, 5, { submittedAt: null })])] }, { today: '2026-12-01' });
    const mine = r.violations.filter((v) => v.ruleId === 'campaign/today-outside-period');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain('--today');
    expect(r.violations.filter((v) => v.ruleId === 'contract/late-submission')).toHaveLength(2);
  });
});
