import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, workbookOf, TEST_SECRET } from '../../helpers/rows.js';
import { validateWorkbook } from '../../../rules/index.js';
import { describe, it, expect } from 'vitest';

const short = TEST_SECRET.slice(0, 31);
const withG = `${TEST_SECRET.slice(0, 31)}g`;

ruleTester('oa/invalid-channel-secret', {
  valid: [
    { name: '32 hex characters', tables: workbookOf({ oa: [oaRow()] }) },
    { name: 'upper-case hex', tables: workbookOf({ oa: [oaRow({ channelSecret: TEST_SECRET.toUpperCase() })] }) },
  ],
  invalid: [
    { name: '31 characters', tables: workbookOf({ oa: [oaRow({ channelSecret: short })] }), problems: [{ row: 2, cell: 'C2', column: 'Channel secret', data: { masked: '38b4…c6a4', length: 31 } }] },
    { name: 'a g in it', tables: workbookOf({ oa: [oaRow({ channelSecret: withG })] }), problems: [{ row: 2, cell: 'C2', data: { masked: '38b4…6a4g', length: 32 } }] },
    { name: 'too short to show anything', tables: workbookOf({ oa: [oaRow({ channelSecret: 'abc123' })] }), problems: [{ row: 2, cell: 'C2', data: { masked: '…', length: 6 } }] },
  ],
});

describe('oa/invalid-channel-secret never shows the secret', () => {
  it('the value, message and data are masked in both languages', () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      const r = validateWorkbook({ tables: workbookOf({ oa: [oaRow({ channelSecret: withG })] }) }, { today: '2026-03-20', lang });
      const v = r.violations.find((x) => x.ruleId === 'oa/invalid-channel-secret')!;
      expect(v.value).toBe('38b4…6a4g');
      expect(JSON.stringify(r)).not.toContain(withG);
    }
  });
});
