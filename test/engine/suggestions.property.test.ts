/**
 * Property (issue 13, SPEC §5.3 "one cell, one suggestion"): for random workbooks (enrollment,
 * contracts and base contracts with many kinds of mistakes), no cell carries two different
 * suggestions, and applying every suggestion at once never brings a new violation to its cell.
 * Seeded, so every run checks the same cases.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { a1, validateWorkbook, type Table, type Workbook, type ReportViolation, type CellValue } from '../../rules/index.js';
import { kindTable, enrollmentRow, type RowSpec } from '../helpers/tables.js';

const SEED = 20_261_201;
const RUNS = 60;

const day = fc.integer({ min: 1, max: 12 });
const time = fc.constantFrom('00:00:00', '23:59:59', '10:00:00', '12:00:00', '00:00');
const wall = (d: number, t: string) => `2026/05/${String(d).padStart(2, '0')} ${t}`;

const contractRow: fc.Arbitrary<RowSpec> = fc
  .record({
    shopId: fc.constantFrom('goodday_food', 'bloom_beauty'),
    contractType: fc.constantFrom('活動加碼', '活動加碼', '單品加碼'),
    a: day,
    len: fc.integer({ min: 0, max: 4 }),
    startTime: time,
    endTime: time,
    remark: fc.constantFrom('ok', '★', '–', '\n', '🎉', 'wrongDate', 'wrongRate'),
    productType: fc.constantFrom('normal', 'normal', '3c'),
    baseRate: fc.constantFrom('2%', '2%', '3%', '6%'),
    frontRate: fc.constantFrom('5%', '10%', '1%', '7.5%', '6%'),
    rebateCap: fc.constantFrom<CellValue>(-1, 200, 0, 1.5, '無上限', '200點', 'x'),
    cps: fc.constantFrom('15%', '12%', '8%', '16%'),
    vendorBonus: fc.constantFrom('0%', '3%', '8%'),
    pointPrice: fc.constantFrom<CellValue>(1.2, 1, null),
    partnerPlan: fc.constantFrom<CellValue>('是', '否', null),
    submittedAt: fc.constantFrom<CellValue>('2026/4/24 15:00', '2026/5/8 10:00', null),
    status: fc.constantFrom<CellValue>(null, '待審核', '通過', '不通過', '草稿'),
  })
  .map((r) => {
    const b = Math.min(r.a + r.len, 28);
    const range = r.a === b ? `5/${r.a}` : `5/${r.a}-5/${b}`;
    const rate = r.frontRate;
    const remark = {
      ok: `${range}_加碼${rate}`,
      '★': `${range}★加碼${rate}`,
      '–': `${range.replace('-', '–')}_加碼${rate}`,
      '\n': `${range}\n加碼${rate}`,
      '🎉': `${range}_加碼${rate} 🎉`,
      wrongDate: `5/${r.a + 1}_加碼${rate}`,
      wrongRate: `${range}_加碼3%`,
    }[r.remark];
    return {
      shopId: r.shopId,
      contractType: r.contractType,
      remark,
      start: wall(r.a, r.startTime),
      end: wall(b, r.endTime),
      productType: r.productType,
      productId: r.contractType === '單品加碼' ? 'P1' : null,
      baseRate: r.baseRate,
      frontRate: rate,
      rebateCap: r.rebateCap,
      cps: r.cps,
      vendorBonus: r.vendorBonus,
      pointPrice: r.pointPrice,
      partnerPlan: r.partnerPlan,
      submittedAt: r.submittedAt,
      status: r.status,
    };
  });

const enrollment: fc.Arbitrary<RowSpec> = fc.record({
  chosen: fc.constantFrom('5/5、5/12、5/19', '5/8、5/12', '5/1、5/8、5/15', null),
  baseCps: fc.constantFrom('8%', '16%'),
  baseRate: fc.constantFrom('2%', '6%', null),
}).map((e) => enrollmentRow({ plan: '5月單月方案', chosenDays: e.chosen, baseCps: e.baseCps, baseRate: e.baseRate }));

const workbookArb = fc.record({
  enroll: fc.option(enrollment, { nil: null }),
  contracts: fc.array(contractRow, { minLength: 1, maxLength: 7 }),
  base: fc.boolean(),
}).map(({ enroll, contracts, base }): Table[] => {
  const tables = [kindTable('contracts', contracts)];
  if (enroll) tables.unshift(kindTable('enrollment', [enroll]));
  if (base) tables.push(kindTable('base-contracts', [{ shopId: 'goodday_food', productType: 'normal', baseRate: '2%', cps: '8%', pointPrice: 1.2, start: '2026/01/01 00:00:00', end: '2026/12/31 23:59:59' }]));
  return tables;
});

const cellKey = (v: ReportViolation) => `${v.sheet}!${v.cell}`;

function apply(tables: readonly Table[], vs: readonly ReportViolation[]): Workbook {
  const edits = new Map<string, string>();
  for (const v of vs) if (v.suggestion && v.cell) edits.set(cellKey(v), v.suggestion.value);
  return {
    tables: tables.map((t) => ({
      name: t.name,
      rows: t.rows.map((row, r) =>
        row.map((c, j) => {
          const edit = c ? edits.get(`${t.name}!${a1(r, j)}`) : undefined;
          return edit !== undefined ? { value: edit, text: edit } : c;
        }),
      ),
    })),
  };
}

describe('suggestions over random workbooks', () => {
  it(`never disagree on a cell, and applying them brings no new violation to their cell (${RUNS} seeded cases)`, () => {
    let suggested = 0;
    fc.assert(
      fc.property(workbookArb, (tables) => {
        const report = validateWorkbook({ tables }, { today: '2026-04-01' });
        const byCell = new Map<string, Set<string>>();
        const rulesBefore = new Map<string, Set<string>>();
        for (const v of report.violations) {
          if (!v.cell) continue;
          (rulesBefore.get(cellKey(v)) ?? rulesBefore.set(cellKey(v), new Set()).get(cellKey(v))!).add(v.ruleId);
          if (v.suggestion) (byCell.get(cellKey(v)) ?? byCell.set(cellKey(v), new Set()).get(cellKey(v))!).add(v.suggestion.value);
        }
        for (const [cell, values] of byCell) expect([...values], cell).toHaveLength(1);
        suggested += byCell.size;
        const after = validateWorkbook(apply(tables, report.violations), { today: '2026-04-01' });
        for (const v of after.violations) {
          if (!v.cell || !byCell.has(cellKey(v))) continue;
          expect(rulesBefore.get(cellKey(v))!.has(v.ruleId), `${cellKey(v)}: new ${v.ruleId} after ${[...byCell.get(cellKey(v))!][0]}: ${v.message}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The workbooks do exercise the mechanism.
    expect(suggested).toBeGreaterThan(RUNS);
  });
});
