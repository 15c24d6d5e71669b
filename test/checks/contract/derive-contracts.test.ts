/**
 * The shared contract data of rules/derive/contracts.ts: groups, base-contract index, coverage.
 */
import { describe, it, expect } from 'vitest';
import { analyseWorkbook, type Table } from '../../../rules/index.js';
import type { ParsedSheet } from '../../../rules/sheet/parse.js';
import {
  baseContractsAt, coveredUntil, coveringBaseContract, coversPeriod, groupContractRows, groupRowsData, indexBaseContracts, mergeSpans, percentText, rangeText, samePercent,
} from '../../../rules/derive/contracts.js';
import { wallFrom } from '../../../rules/time/civil.js';
import { dateCell } from '../../helpers/tables.js';
import { baseRow, baseTab, contractsTab, partnerRow } from './contract-rows.js';

const parsed = <K extends 'contracts' | 'base-contracts'>(table: Table, kind: K) => analyseWorkbook({ tables: [table] }).sheets.find((s) => s.kind === kind) as ParsedSheet<K>;

describe('groupContractRows', () => {
  const sheet = parsed(
    contractsTab([
      partnerRow(1, 1, 10),
      partnerRow(2, 2, 5),
      partnerRow(1, 1, 10, { productType: '3c', submittedAt: dateCell(2026, 4, 25, 9) }),
      partnerRow(1, 1, 10, { remark: 'other remark' }),
      partnerRow(3, 3, 5, { start: 'not a date' }),
    ]),
    'contracts',
  );
  const groups = groupContractRows(sheet);

  it('joins rows with the same shop, type, start, end and remark; keeps first-row order; drops unreadable keys', () => {
    expect(groups.map((g) => g.rows.map((r) => r.row))).toEqual([[2, 4], [3], [5]]);
  });
  it('lists product types and takes the latest submission time', () => {
    expect(groups[0]!.productTypes).toEqual(['normal', '3c']);
    expect(groups[0]!.submittedAt).toBe(wallFrom(2026, 4, 25, 9));
  });
  it('names the other rows in both languages', () => {
    expect(groupRowsData(groups[0]!)).toEqual({ rows: '4', rowsNote: '（同一合約另含第 4 列）', rowsNoteEn: ' (same contract: also row 4)' });
    expect(groupRowsData(groups[1]!)).toEqual({ rows: '', rowsNote: '', rowsNoteEn: '' });
  });
});

describe('base-contract index', () => {
  const index = indexBaseContracts([
    parsed(
      baseTab([
        baseRow({ shopId: 'b', end: dateCell(2026, 6, 30, 23, 59, 59) }),
        baseRow({ shopId: 'b', productType: '3c', baseRate: '1%', start: dateCell(2026, 7, 1) }),
        baseRow({ shopId: 'b', baseRate: '3%', start: dateCell(2026, 7, 1), end: dateCell(2026, 9, 30, 23, 59, 59) }),
        baseRow({ shopId: 'b', start: dateCell(2026, 10, 2) }),
      ]),
      'base-contracts',
    ),
  ]);

  it('merges consecutive periods and keeps gaps', () => {
    expect(mergeSpans([{ start: 0, end: 86_399_000 }, { start: 86_400_000, end: 172_799_000 }])).toEqual([{ start: 0, end: 172_799_000 }]);
    expect(mergeSpans([{ start: 0, end: 1000 }, { start: 3000, end: 4000 }])).toHaveLength(2);
  });
  it('covers a period across consecutive base contracts but not across a gap', () => {
    expect(coversPeriod(index, 'b', 'normal', wallFrom(2026, 6, 30), wallFrom(2026, 7, 1, 23, 59, 59))).toBe(true);
    expect(coversPeriod(index, 'b', 'Normal', wallFrom(2026, 1, 1), wallFrom(2026, 9, 30, 23, 59, 59))).toBe(true);
    expect(coversPeriod(index, 'b', 'normal', wallFrom(2026, 9, 30), wallFrom(2026, 10, 2, 23, 59, 59))).toBe(false);
    expect(coveredUntil(index, 'b', 'normal', wallFrom(2026, 5, 1))).toBe(wallFrom(2026, 9, 30, 23, 59, 59));
    expect(coveredUntil(index, 'b', 'normal', wallFrom(2026, 10, 1, 12))).toBeUndefined();
    expect(coversPeriod(index, 'nobody', 'normal', 0, 1)).toBe(false);
  });
  it('finds the base contract in force at an instant', () => {
    expect(coveringBaseContract(index, 'b', 'normal', wallFrom(2026, 6, 30, 23, 59, 59))?.baseRate).toBe(2);
    expect(coveringBaseContract(index, 'b', 'normal', wallFrom(2026, 7, 1))?.baseRate).toBe(3);
    expect(coveringBaseContract(index, 'b', 'normal', wallFrom(2026, 10, 1))).toBeUndefined();
  });
  it('lists the shop’s base contracts of every type in force at an instant', () => {
    expect(baseContractsAt(index, 'b', wallFrom(2026, 5, 1)).map((c) => c.productType)).toEqual(['normal']);
    expect(baseContractsAt(index, 'b', wallFrom(2026, 8, 1)).map((c) => c.productType).sort()).toEqual(['3c', 'normal']);
  });
});

describe('formatting helpers', () => {
  it('formats percents and ranges', () => {
    expect(percentText(8 - 2)).toBe('6%');
    expect(percentText(7.5 - 2)).toBe('5.5%');
    expect(samePercent(0.1 + 0.2, 0.3)).toBe(true);
    expect(rangeText(wallFrom(2026, 1, 1), wallFrom(2026, 1, 2, 23, 59, 59))).toBe('2026/01/01 00:00:00 ~ 2026/01/02 23:59:59');
  });
});
