import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

const ring = (over: Record<string, unknown>) => ({ shopId: 'goodday_food', sendDate: '2026/5/12', audience: '通發型', sendCap: 100000, excludeBuyers: '否', requestedAt: '2026/5/6 10:00', ...over });

ruleTester('cell/invalid-number', {
  valid: [
    { name: 'GMV written 1.2e+06 and NT$1,200,000', tables: [kindTable('enrollment', [enrollmentRow({ monthlyGmv: '1.2e+06' }), enrollmentRow({ shopId: 'x_shop', monthlyGmv: 'NT$1,200,000' })])] },
    { name: 'a cap with thousands separators', tables: [kindTable('ring-data', [ring({ sendCap: '100,000' })] as never)] },
  ],
  invalid: [
    {
      name: 'GMV in words, a negative GMV (a fractional send cap is ring/invalid-cap’s, SPEC §5.5)',
      tables: [
        kindTable('enrollment', [enrollmentRow({ monthlyGmv: '一百萬' }), enrollmentRow({ shopId: 'x_shop', monthlyGmv: -5 })]),
        kindTable('ring-data', [ring({ sendCap: 10.5 })] as never),
      ],
      problems: [
        { row: 2, cell: 'L2', messageId: 'default', sheet: '報名表' },
        { row: 3, cell: 'L3', messageId: 'negative', sheet: '報名表' },
      ],
    },
  ],
});
