import { describe, it, expect } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { dateCell, type RowSpec } from '../../helpers/tables.js';
import { RULE_IDS, type DateValue } from '../../../rules/index.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';

ruleTester('contract/overlap', {
  valid: [
    { name: 'consecutive whole-day contracts', tables: [contractsTab([partnerRow(1, 1, 10), partnerRow(2, 4, 5), partnerRow(5, 5, 10)])] },
    { name: 'a rejected contract does not count', tables: [contractsTab([partnerRow(1, 5, 5), partnerRow(4, 4, 10, { status: '不通過' })])] },
    { name: 'a draft does not count', tables: [contractsTab([partnerRow(4, 4, 10, { status: '草稿' }), partnerRow(1, 5, 5)])] },
    { name: 'different shops may overlap', tables: [contractsTab([partnerRow(1, 5, 5), partnerRow(4, 4, 10, { shopId: 'other_shop' })])] },
    { name: 'a 單品加碼 contract may overlap a 活動加碼 one', tables: [contractsTab([partnerRow(1, 5, 5), partnerRow(4, 4, 10, { contractType: '單品加碼', productId: 'P1' })])] },
    {
      name: 'one contract with two product types is not an overlap with itself',
      tables: [contractsTab([partnerRow(1, 5, 5), partnerRow(1, 5, 5, { productType: '3c', baseRate: '1%' })])],
    },
    {
      name: 'touching at the second: 12:00:00 end, 12:00:01 start',
      tables: [contractsTab([partnerRow(1, 1, 5, { end: dateCell(2026, 5, 1, 12) }), partnerRow(1, 1, 10, { remark: 'pm', start: dateCell(2026, 5, 1, 12, 0, 1) })])],
    },
  ],
  invalid: [
    {
      name: 'fixture rows 3-4: 5/4 lies inside 5/2-5/4 (no non-overlapping range left)',
      tables: [contractsTab([partnerRow(1, 1, 10), partnerRow(2, 4, 5), partnerRow(4, 4, 5)])],
      problems: [{ row: 4, cell: 'D4', data: { otherRows: '3', otherSheet: '加碼合約', otherRange: '2026/05/02 00:00:00 ~ 2026/05/04 23:59:59', range: '2026/05/04 00:00:00 ~ 2026/05/04 23:59:59' } }],
    },
    {
      name: 'the deck: 12/1-12/5 in place, 12/4-12/8 suggests starting 12/6',
      tables: [
        contractsTab([
          partnerRow(1, 1, 5, { remark: '12/1-12/5_加碼5%', start: dateCell(2025, 12, 1), end: dateCell(2025, 12, 5, 23, 59, 59) }),
          partnerRow(1, 1, 5, { remark: '12/4-12/8_加碼5%', start: dateCell(2025, 12, 4), end: dateCell(2025, 12, 8, 23, 59, 59) }),
        ]),
      ],
      problems: [{ row: 3, cell: 'D3', suggestion: '2025/12/06 00:00:00' }],
    },
    {
      name: 'the later-starting contract is reported even when written above the earlier one',
      tables: [contractsTab([partnerRow(4, 8, 5), partnerRow(1, 5, 5)])],
      problems: [{ row: 2, cell: 'D2', data: { otherRows: '3', otherRange: '2026/05/01 00:00:00 ~ 2026/05/05 23:59:59' }, suggestion: '2026/05/06 00:00:00' }],
    },
    {
      name: 'multi-row contracts name all rows of the earlier one and the others of the later one',
      tables: [
        contractsTab([
          partnerRow(1, 3, 5),
          partnerRow(1, 3, 5, { productType: '3c', baseRate: '1%' }),
          partnerRow(3, 3, 10),
          partnerRow(3, 3, 10, { productType: '3c', baseRate: '1%' }),
        ]),
      ],
      problems: [{ row: 4, cell: 'D4', data: { otherRows: '2、3', rows: '5' } }],
    },
    {
      name: 'a long contract overlapping two later ones: each later one is reported against it',
      tables: [contractsTab([brandRow(1, { end: dateCell(2026, 5, 31, 23, 59, 59) }), brandRow(10), brandRow(20)])],
      problems: [
        { row: 3, cell: 'D3', data: { otherRows: '2' } },
        { row: 4, cell: 'D4', data: { otherRows: '2' } },
      ],
    },
  ],
});

describe('contract/overlap suggestions', () => {
  it('suggests nothing when the later contract lies wholly inside the earlier one', () => {
    const got = runRule('contract/overlap', { name: 'inside', tables: [contractsTab([partnerRow(2, 4, 5), partnerRow(4, 4, 5)])] });
    expect(got).toHaveLength(1);
    expect(got[0]!.suggestion).toBeUndefined();
  });
});

describe('contract/overlap at scale', () => {
  /** Only the rule under test runs, so the timing is the rule's (and the parser's), not the whole rule book's. */
  const onlyOverlap = Object.fromEntries(RULE_IDS.filter((id) => id !== 'contract/overlap').map((id) => [id, 'off' as const]));
  const MINUTE = 60_000;
  const T0 = Date.UTC(2026, 4, 1);
  const at = (wall: number): DateValue => ({ type: 'date', wall });

  it('50,000 one-minute contracts of one shop, every 7th pulled 30 s back into its predecessor', () => {
    const rows: RowSpec[] = [];
    let expected = 0;
    for (let i = 0; i < 50_000; i++) {
      let start = T0 + i * MINUTE;
      const end = start + 59_000;
      if (i % 7 === 3) {
        start -= 30_000;
        expected++;
      }
      rows.push(partnerRow(1, 1, 5, { remark: `c${i}`, start: at(start), end: at(end) }));
      // Drafts spanning ten minutes never count.
      if (i % 1000 === 0) rows.push(partnerRow(1, 1, 5, { remark: `draft${i}`, start: at(T0 + i * MINUTE), end: at(T0 + (i + 10) * MINUTE), status: '草稿' }));
    }
    const got = runRule('contract/overlap', { name: '50k', tables: [contractsTab(rows)], options: { severities: onlyOverlap } });
    expect(expected).toBe(7143);
    expect(got).toHaveLength(expected);
    // The first one: contract 3 (sheet row 2 + 3 + one draft above it) starts 30 s before contract 2 ends.
    expect(got[0]!.row).toBe(6);
  }, 20_000);

  it('150,000 contracts of one shop, each overlapping the next: more overlaps than a spread call may pass', () => {
    const rows: RowSpec[] = [];
    for (let i = 0; i < 150_000; i++) {
      const start = T0 + i * MINUTE;
      rows.push(partnerRow(1, 1, 5, { remark: `c${i}`, start: at(start), end: at(start + 90_000) }));
    }
    const got = runRule('contract/overlap', { name: '150k', tables: [contractsTab(rows)], options: { severities: onlyOverlap } });
    // 149,999 overlaps; a report keeps the first 50,000 (MAX_VIOLATIONS_PER_FILE), in row order.
    expect(got).toHaveLength(50_000);
    expect(got[0]!.row).toBe(3);
    expect(got[49_999]!.row).toBe(50_002);
  }, 60_000);
});
