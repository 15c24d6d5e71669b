import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { loadCampaign, CAMPAIGN_2026_Q2 } from '../../../rules/index.js';

const typo = loadCampaign({ ...CAMPAIGN_2026_Q2, period: { start: '2026-04-01', end: '2025-06-30' } });

ruleTester('campaign/invalid-config', {
  valid: [{ name: 'the default campaign', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: "the deck's 2025.06.30 typo",
      tables: [kindTable('enrollment', [enrollmentRow()])],
      options: { campaignProblems: typo.ok ? [] : typo.problems },
      problems: [{ row: null, cell: null, data: { problem: 'period ends (2025-06-30) before it starts (2026-04-01)' } }],
    },
  ],
});
