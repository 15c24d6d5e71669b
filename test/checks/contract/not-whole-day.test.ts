import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { contractsTab, partnerRow } from './contract-rows.js';
import { wholeDayEnd } from '../../../rules/checks/contract/not-whole-day.js';
import { wallFrom } from '../../../rules/time/civil.js';

describe('wholeDayEnd', () => {
  it('reads a midnight end as the end of the day before', () => {
    expect(wholeDayEnd(wallFrom(2026, 5, 1), wallFrom(2026, 5, 3))).toBe(wallFrom(2026, 5, 2, 23, 59, 59));
  });
  it('reads any other time as the end of its own day', () => {
    expect(wholeDayEnd(wallFrom(2026, 5, 1), wallFrom(2026, 5, 2, 18))).toBe(wallFrom(2026, 5, 2, 23, 59, 59));
  });
  it('keeps the end day when the day before would end before the start', () => {
    expect(wholeDayEnd(wallFrom(2026, 5, 1, 23, 59, 59), wallFrom(2026, 5, 2))).toBe(wallFrom(2026, 5, 2, 23, 59, 59));
  });
});

ruleTester('contract/not-whole-day', {
  valid: [
    { name: 'the deck example 00:00:00 ~ 23:59:59', tables: [contractsTab([partnerRow(1, 2, 10)])] },
    { name: 'an end written as a date alone means 23:59:59', tables: [contractsTab([partnerRow(1, 2, 10, { end: '2026/5/2' })])] },
    {
      name: 'a 單品加碼 contract may run for an hour (the deck: 00:00:00 ~ 00:59:59)',
      tables: [contractsTab([partnerRow(1, 1, 10, { contractType: '單品加碼', productId: 'P123', end: dateCell(2026, 5, 1, 0, 59, 59) })])],
    },
  ],
  invalid: [
    {
      name: 'starts at 10:00',
      tables: [contractsTab([partnerRow(1, 1, 10, { start: dateCell(2026, 5, 1, 10) })])],
      problems: [{ row: 2, cell: 'D2', messageId: 'default', data: { time: '2026/05/01 10:00:00' }, suggestion: '2026/05/01 00:00:00' }],
    },
    {
      name: 'ends at midnight of the next day',
      tables: [contractsTab([partnerRow(1, 2, 10, { end: dateCell(2026, 5, 3) })])],
      problems: [{ row: 2, cell: 'E2', messageId: 'end', suggestion: '2026/05/02 23:59:59' }],
    },
    {
      name: 'both wrong, on a two-row contract: one per cell, on the first row only',
      tables: [
        contractsTab([
          partnerRow(1, 2, 10, { start: dateCell(2026, 5, 1, 8), end: dateCell(2026, 5, 2, 18) }),
          partnerRow(1, 2, 10, { start: dateCell(2026, 5, 1, 8), end: dateCell(2026, 5, 2, 18), productType: '3c' }),
        ]),
      ],
      problems: [
        { row: 2, cell: 'D2', messageId: 'default', data: { rows: '3' }, suggestion: '2026/05/01 00:00:00' },
        { row: 2, cell: 'E2', messageId: 'end', data: { rows: '3' }, suggestion: '2026/05/02 23:59:59' },
      ],
    },
  ],
});
