import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { contractsTab, partnerRow } from './contract-rows.js';

ruleTester('contract/end-before-start', {
  valid: [
    { name: 'a whole-day contract', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: 'a one-second contract still ends after it starts', tables: [contractsTab([partnerRow(1, 1, 10, { end: dateCell(2026, 5, 1, 0, 0, 1) })])] },
    { name: 'an unreadable end is left to cell/invalid-date', tables: [contractsTab([partnerRow(1, 1, 10, { end: '2026/13/45' })])] },
  ],
  invalid: [
    {
      name: 'end equal to start',
      tables: [contractsTab([partnerRow(2, 2, 5, { end: dateCell(2026, 5, 2) })])],
      problems: [{ row: 2, cell: 'E2', data: { start: '2026/05/02 00:00:00', end: '2026/05/02 00:00:00', rows: '' } }],
    },
    {
      name: 'a two-row contract ending the day before it starts: reported once, naming row 3',
      tables: [
        contractsTab([
          partnerRow(5, 5, 10, { end: dateCell(2026, 5, 4, 23, 59, 59) }),
          partnerRow(5, 5, 10, { end: dateCell(2026, 5, 4, 23, 59, 59), productType: '3c', baseRate: '1%' }),
          partnerRow(6, 6, 5),
        ]),
      ],
      problems: [{ row: 2, cell: 'E2', data: { end: '2026/05/04 23:59:59', rows: '3' } }],
    },
  ],
});
