/**
 * Baselines for the baseline rules: from a previous workbook and from a previous JSON report.
 */
import { describe, it, expect } from 'vitest';
import { baselineFromReport, baselineFromWorkbook, type Baseline } from '../../../rules/index.js';
import { enrollmentRow } from '../../helpers/tables.js';
import { wallFrom, dayFromYmd } from '../../../rules/time/civil.js';
import { contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

describe('baselineFromWorkbook', () => {
  const baseline = baselineFromWorkbook({
    tables: [
      enrollmentTab([enrollmentRow({ plan: '5月單月方案', chosenDays: '5/5、5/12' }), enrollmentRow({ shopId: 'x_shop', plan: '4月單月方案', chosenDays: null })]),
      contractsTab([partnerRow(5, 5, 10, { status: '待審核' }), partnerRow(6, 6, 5, { submittedAt: null, status: null, productId: 'P1' }), partnerRow(7, 7, 5, { start: 'soon' })]),
    ],
  });

  it('keeps readable contract rows with their values (blank = null)', () => {
    expect(baseline.contracts).toEqual([
      {
        shopId: 'goodday_food', contractType: '活動加碼', productType: 'normal', remark: '5/5_加碼10%',
        start: wallFrom(2026, 5, 5), end: wallFrom(2026, 5, 5, 23, 59, 59), status: '待審核', submittedAt: wallFrom(2026, 4, 24, 15),
        frontRate: 10, baseRate: 2, cps: 15, vendorBonus: 0, rebateCap: -1, productId: null,
      },
      expect.objectContaining({ remark: '5/6_加碼5%', status: null, submittedAt: null, productId: 'P1' }),
    ]);
  });

  it('keeps enrollments with the plan id when the campaign knows it, else the text', () => {
    expect(baseline.enrollments).toEqual([
      { shopId: 'goodday_food', plan: '2026-05', chosenDays: [dayFromYmd(2026, 5, 5), dayFromYmd(2026, 5, 12)] },
      { shopId: 'x_shop', plan: '4月單月方案', chosenDays: [] },
    ]);
  });

  it('round-trips through a JSON report', () => {
    const json = JSON.parse(JSON.stringify({ tool: 'partner-check', files: [], baseline }));
    expect(baselineFromReport(json)).toEqual({ baseline, problem: null });
  });
});

describe('baselineFromReport', () => {
  const contract = {
    shopId: 'goodday_food', contractType: '活動加碼', productType: 'normal', remark: 'r', start: wallFrom(2026, 5, 5), end: wallFrom(2026, 5, 5, 23, 59, 59),
    status: '通過', submittedAt: null, frontRate: 10, baseRate: 2, cps: 15, vendorBonus: 0, rebateCap: -1, productId: null,
  };

  it('reads the top-level baseline section and ignores extra keys such as byFile', () => {
    const r = baselineFromReport({ tool: 'partner-check', baseline: { contracts: [contract], enrollments: [{ shopId: 'a', plan: null, chosenDays: [1] }], byFile: {} } });
    expect(r.problem).toBeNull();
    expect(r.baseline).toEqual<Baseline>({ contracts: [contract], enrollments: [{ shopId: 'a', plan: null, chosenDays: [1] }] });
  });

  it('accepts wall-clock strings and ISO days, and fills omitted optional fields with null', () => {
    const r = baselineFromReport({
      baseline: {
        contracts: [{ shopId: 'goodday_food', contractType: '活動加碼', productType: 'normal', start: '2026-05-05T00:00:00', end: '2026/05/05 23:59:59', submittedAt: '2026-04-24 15:00' }],
        enrollments: [{ shopId: 'a', chosenDays: ['2026-05-05'] }],
      },
    });
    expect(r.baseline?.contracts[0]).toEqual({
      shopId: 'goodday_food', contractType: '活動加碼', productType: 'normal', remark: '', start: wallFrom(2026, 5, 5), end: wallFrom(2026, 5, 5, 23, 59, 59),
      status: null, submittedAt: wallFrom(2026, 4, 24, 15), frontRate: null, baseRate: null, cps: null, vendorBonus: null, rebateCap: null, productId: null,
    });
    expect(r.baseline?.enrollments).toEqual([{ shopId: 'a', plan: null, chosenDays: [dayFromYmd(2026, 5, 5)] }]);
  });

  it('reads a baseline of 200,000 contracts (more than a spread call may pass: the stack)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...contract, shopId: `s${i}` }));
    const r = baselineFromReport({ baseline: { contracts: many } });
    expect(r.problem).toBeNull();
    expect(r.baseline?.contracts.length).toBe(200_000);
    expect(r.baseline?.contracts[199_999]?.shopId).toBe('s199999');
  });

  it('merges per-file sections when there is no top-level one', () => {
    const r = baselineFromReport({ files: [{ path: 'a.xlsx', baseline: { contracts: [contract] } }, { path: 'b.xlsx', baseline: { enrollments: [{ shopId: 'b' }] } }] });
    expect(r.baseline).toEqual({ contracts: [contract], enrollments: [{ shopId: 'b', plan: null, chosenDays: [] }] });
  });

  it('reports a missing section instead of throwing', () => {
    expect(baselineFromReport({ tool: 'partner-check', files: [] })).toEqual({ baseline: undefined, problem: 'the report has no baseline section' });
    expect(baselineFromReport(null).problem).toBe('the report has no baseline section');
    expect(baselineFromReport('text').baseline).toBeUndefined();
  });

  it('reports a malformed section with the path of the bad value', () => {
    const r = baselineFromReport({ baseline: { contracts: [{ ...contract, start: 'tomorrow' }], enrollments: [] } });
    expect(r.baseline).toBeUndefined();
    expect(r.problem).toMatch(/^baseline\.contracts\.0\.start: /);
  });

  it('rejects impossible dates', () => {
    const r = baselineFromReport({ baseline: { contracts: [], enrollments: [{ shopId: 'a', chosenDays: ['2026-02-30'] }] } });
    expect(r.problem).toMatch(/baseline\.enrollments\.0\.chosenDays\.0/);
    const t = baselineFromReport({ baseline: { contracts: [{ ...contract, end: '2026-05-05T24:00:00' }] } });
    expect(t.problem).toMatch(/baseline\.contracts\.0\.end/);
  });
});
