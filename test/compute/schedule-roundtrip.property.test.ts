/**
 * Round trip (SPEC §6: "A generated schedule, validated together with its enrollment, has zero
 * violations"): random valid enrollments → schedulesForWorkbook → scheduleToRows → a contracts tab
 * → validateWorkbook with the enrollment tab (plus, at random, a 鋪底合約 tab, and a 環狀數據 tab
 * for shops that committed to ring data) → no error and no warning; and the schedule itself covers
 * every enrolled day exactly once with the expected rate. Seeded, so every run checks the same
 * cases; a failure prints its seed, path and counterexample.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_CAMPAIGN,
  generateSchedule,
  scheduleToRows,
  schedulesForWorkbook,
  validateWorkbook,
  expectedRate,
  isWorkingDay,
  civil,
  type CellValue,
  type Plan,
  type Schedule,
  type Table,
} from '../../rules/index.js';
import { kindTable, enrollmentRow, type RowSpec } from '../helpers/tables.js';

const { dayFromYmd, monthRange, isoWeekday, formatWall, wallOfDay, ymdFromDay, shortDate, monthKeyOfDay } = civil;
const campaign = DEFAULT_CAMPAIGN;
const SEED = 20_260_401;
const RUNS = 500;
const plan = (id: string): Plan => campaign.plans.find((p) => p.id === id)!;

interface RowPlanSpec {
  readonly plan: Plan;
  readonly planText: string;
  readonly site: boolean;
  readonly ring: boolean;
  /** Chosen days by month (exactly the allowance, none on a Friday). */
  readonly chosen: readonly number[];
  readonly chosenStyle: 'md' | 'iso';
  readonly separator: string;
  readonly submittedAt: number;
  readonly submittedAsDateCell: boolean;
  readonly baseCps: number;
  readonly baseRate: number | null;
}

interface BaseSegment {
  readonly types: readonly { readonly type: string; readonly rate: number; readonly cps: number; readonly price: number | null }[];
}

interface ShopSpec {
  readonly shopId: string;
  readonly rows: readonly RowPlanSpec[];
  /** Base contracts: one segment for all of 2026, or two split at a day of the period. */
  readonly base: { readonly first: BaseSegment; readonly second: BaseSegment | null; readonly splitDay: number };
  readonly ringSendPick: number;
}

function nonFridays(month: string): number[] {
  const r = monthRange(month)!;
  const out: number[] = [];
  for (let d = r.first; d <= r.last; d++) if (isoWeekday(d) !== 5) out.push(d);
  return out;
}

const START = Date.UTC(2026, 2, 1, 0, 0, 0); // 2026-03-01 00:00:00 wall

function rowArb(p: Plan): fc.Arbitrary<RowPlanSpec> {
  const names = [p.id, p.label, p.labelEn, ...p.aliases];
  return fc
    .record({ site: fc.boolean(), ring: fc.boolean() })
    .chain(({ site, ring }) => {
      const allowance = campaign.allowance(site, ring);
      const perMonth = p.months.map((m) => fc.shuffledSubarray(nonFridays(m), { minLength: allowance, maxLength: allowance }));
      return fc.record({
        plan: fc.constant(p),
        planText: fc.constantFrom(...names),
        site: fc.constant(site),
        ring: fc.constant(ring),
        chosen: fc.tuple(...perMonth).map((lists) => lists.flat()),
        chosenStyle: fc.constantFrom('md' as const, 'iso' as const),
        separator: fc.constantFrom('、', ',', '，', '; ', '\n'),
        // Whole minutes between 2026-03-01 and the plan's deadline (inclusive when it is on a minute).
        submittedAt: fc.integer({ min: 0, max: Math.floor((p.deadlineWall - START) / 60_000) }).map((min) => START + min * 60_000),
        submittedAsDateCell: fc.boolean(),
        baseCps: fc.integer({ min: 0, max: 29 }).map((x) => x / 2),
        baseRate: fc.option(fc.constantFrom(1, 1.5, 2, 3, 5), { nil: null }),
      });
    });
}

const segmentArb: fc.Arbitrary<BaseSegment> = fc
  .constantFrom(['normal'], ['normal', '3c'], ['normal', '3c', 'food'])
  .chain((types) =>
    fc.tuple(
      ...types.map((type) =>
        fc.record({
          type: fc.constant(type),
          rate: fc.constantFrom(0, 0.5, 1, 2, 2.5, 3, 5),
          cps: fc.integer({ min: 0, max: 15 }),
          price: fc.option(fc.constantFrom(1, 1.2), { nil: null }),
        }),
      ),
    ),
  )
  .map((types) => ({ types }));

const shopIdArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{1,20}$/);

const planSetArb = fc.constantFrom(['quarter'], ['2026-05'], ['2026-06'], ['2026-05', '2026-06']);

function shopArb(shopId: string): fc.Arbitrary<ShopSpec> {
  return planSetArb.chain((ids) =>
    fc.record({
      shopId: fc.constant(shopId),
      rows: fc.tuple(...ids.map((id) => rowArb(plan(id)))),
      base: fc.record({
        first: segmentArb,
        second: fc.option(segmentArb, { nil: null }),
        splitDay: fc.integer({ min: dayFromYmd(2026, 4, 2), max: dayFromYmd(2026, 6, 30) }),
      }),
      ringSendPick: fc.nat(),
    }),
  );
}

const workbookArb = fc
  .record({
    ids: fc.uniqueArray(shopIdArb, { minLength: 1, maxLength: 3, selector: (s) => s }),
    withBaseTab: fc.boolean(),
  })
  .chain(({ ids, withBaseTab }) => fc.record({ shops: fc.tuple(...ids.map(shopArb)), withBaseTab: fc.constant(withBaseTab) }));

function chosenText(r: RowPlanSpec): string {
  return r.chosen.map((d) => (r.chosenStyle === 'md' ? shortDate(d) : civil.isoDate(d))).join(r.separator);
}

function enrollmentTable(shops: readonly ShopSpec[]): Table {
  const rows: RowSpec[] = [];
  for (const s of shops) {
    for (const r of s.rows) {
      rows.push(
        enrollmentRow({
          shopId: s.shopId,
          plan: r.planText,
          submittedAt: r.submittedAsDateCell ? ({ type: 'date', wall: r.submittedAt } as CellValue) : formatWall(r.submittedAt),
          siteExposure: r.site ? '是' : '否',
          ringData: r.ring ? 'Y' : 'N',
          chosenDays: r.chosen.length > 0 ? chosenText(r) : null,
          baseCps: `${r.baseCps}%`,
          baseRate: r.baseRate === null ? null : `${r.baseRate}%`,
        }),
      );
    }
  }
  return kindTable('enrollment', rows);
}

function baseTable(shops: readonly ShopSpec[]): Table {
  const rows: RowSpec[] = [];
  for (const s of shops) {
    const { first, second, splitDay } = s.base;
    const segments: [BaseSegment, string, string][] = second
      ? [
          [first, '2026/01/01 00:00:00', formatWall(wallOfDay(splitDay - 1, 86_399))],
          [second, formatWall(wallOfDay(splitDay)), '2026/12/31 23:59:59'],
        ]
      : [[first, '2026/01/01 00:00:00', '2026/12/31 23:59:59']];
    for (const [seg, start, end] of segments) {
      for (const t of seg.types) {
        rows.push({ shopId: s.shopId, productType: t.type, baseRate: `${t.rate}%`, cps: `${t.cps}%`, pointPrice: t.price, start, end });
      }
    }
  }
  return kindTable('base-contracts', rows);
}

/** One valid send per enrolled month of every shop that committed to ring data, on a Friday (10%). */
function ringTable(shops: readonly ShopSpec[]): Table | null {
  const rows: RowSpec[] = [];
  for (const s of shops) {
    for (const r of s.rows) {
      if (!r.ring) continue;
      for (const m of r.plan.months) {
        const range = monthRange(m)!;
        const fridays: number[] = [];
        for (let d = range.first; d <= range.last; d++) if (isoWeekday(d) === 5) fridays.push(d);
        const day = fridays[s.ringSendPick % fridays.length]!;
        const { y, m: mo, d } = ymdFromDay(day);
        rows.push({ shopId: s.shopId, sendDate: `${y}/${mo}/${d}`, sendTime: '20:00', audience: '通發型', sendCap: 100000, excludeBuyers: '近3個月', excludeRecent: '是', requestedAt: '2026/3/1 10:00' });
      }
    }
  }
  return rows.length > 0 ? kindTable('ring-data', rows) : null;
}

/** Expected rate per (shop, day): the first row enrolling the month governs it. */
function expectedDays(shop: ShopSpec): Map<number, number> {
  const out = new Map<number, number>();
  const seen = new Set<string>();
  for (const r of shop.rows) {
    for (const m of r.plan.months) {
      if (seen.has(m)) continue;
      seen.add(m);
      const range = monthRange(m)!;
      const chosen = new Set(r.chosen.filter((d) => monthKeyOfDay(d) === m));
      for (let d = range.first; d <= range.last; d++) out.set(d, expectedRate(d, chosen, campaign).rate);
    }
  }
  return out;
}

/** Checks, straight from the schedule, that every enrolled day is covered once at its rate. */
function assertCoverage(schedule: Schedule, expected: Map<number, number>): void {
  const covered = new Map<number, number>();
  for (const c of schedule.contracts) {
    expect(monthKeyOfDay(c.firstDay)).toBe(monthKeyOfDay(c.lastDay));
    expect(c.start).toBe(`${civil.slashDate(c.firstDay)} 00:00:00`);
    expect(c.end).toBe(`${civil.slashDate(c.lastDay)} 23:59:59`);
    expect(c.remark).toBe(`${c.firstDay === c.lastDay ? shortDate(c.firstDay) : `${shortDate(c.firstDay)}-${shortDate(c.lastDay)}`}_加碼${c.rate}%`);
    for (let d = c.firstDay; d <= c.lastDay; d++) {
      expect(covered.has(d), `day ${civil.isoDate(d)} covered twice`).toBe(false);
      covered.set(d, c.rate);
    }
  }
  expect([...covered.entries()].sort((a, b) => a[0] - b[0])).toEqual([...expected.entries()].sort((a, b) => a[0] - b[0]));
}

describe('round trip: generated schedules validate clean against their enrollments', () => {
  it(`has no error or warning and covers every enrolled day once (${RUNS} seeded cases)`, () => {
    fc.assert(
      fc.property(workbookArb, ({ shops, withBaseTab }) => {
        const enrollment = enrollmentTable(shops);
        const extra: Table[] = [];
        if (withBaseTab) extra.push(baseTable(shops));
        const ring = ringTable(shops);
        if (ring) extra.push(ring);
        const input = { tables: [enrollment, ...extra] };

        const schedules = schedulesForWorkbook(input);
        expect(schedules.map((s) => s.shopId)).toEqual(shops.map((s) => s.shopId));
        for (const [i, s] of schedules.entries()) {
          expect(s.problems).toEqual([]);
          assertCoverage(s, expectedDays(shops[i]!));
        }
        const rows = scheduleToRows(schedules);
        expect(rows.length).toBe(schedules.reduce((n, s) => n + s.contracts.reduce((k, c) => k + c.lines.length, 0), 0));
        const contracts = kindTable('contracts', rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))));

        const report = validateWorkbook({ tables: [enrollment, contracts, ...extra] }, { today: '2026-03-01' });
        const bad = report.violations.filter((v) => v.severity !== 'info');
        expect(bad.map((v) => `${v.ruleId} ${v.sheet}!${v.cell ?? v.row}: ${v.message}`)).toEqual([]);
        // The contracts tab was recognised and read in full.
        expect(report.sheets.find((s) => s.name === contracts.name)).toMatchObject({ kind: 'contracts', rows: rows.length });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('generateSchedule from plain data: a partition of the months into maximal runs with D-3 deadlines', () => {
  const monthArb = fc.integer({ min: 2025 * 12 + 1, max: 2027 * 12 + 11 }).map((k) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);

  it(`holds for any months of 2025-02 … 2027-12 and any chosen days (${RUNS} seeded cases)`, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(monthArb, { minLength: 1, maxLength: 3 }).chain((months) =>
          fc.record({
            months: fc.constant(months),
            chosen: fc.tuple(...months.map((m) => fc.subarray(Array.from({ length: monthRange(m)!.last - monthRange(m)!.first + 1 }, (_, i) => monthRange(m)!.first + i), { maxLength: 8 }))).map((l) => l.flat()),
          }),
        ),
        ({ months, chosen }) => {
          const s = generateSchedule({ shopId: 'shop_p', months, chosenDays: chosen });
          expect(s.problems).toEqual([]);
          const chosenSet = new Set(chosen);
          const expected = new Map<number, number>();
          for (const m of months) {
            const r = monthRange(m)!;
            for (let d = r.first; d <= r.last; d++) expected.set(d, expectedRate(d, chosenSet, campaign).rate);
          }
          assertCoverage(s, expected);
          s.contracts.forEach((c, i) => {
            // Maximal: the next contract of the same month has another rate.
            const next = s.contracts[i + 1];
            if (next && next.month === c.month) expect(next.rate).not.toBe(c.rate);
            // D-3: the deadline is a working day with exactly two working days strictly between it and the start.
            expect(c.submitByDay).not.toBeNull();
            const dl = c.submitByDay!;
            expect(dl).toBeLessThan(c.firstDay);
            expect(isWorkingDay(dl)).toBe(true);
            let between = 0;
            for (let d = dl + 1; d < c.firstDay; d++) if (isWorkingDay(d)) between++;
            expect(between).toBe(2);
            expect(c.submitBy).toBe(`${civil.slashDate(dl)} 23:59:59`);
            expect(c.lines).toEqual([{ productType: 'normal', baseRate: 2, frontRate: c.rate, rebateCap: -1, cps: 15, vendorBonus: 0, pointPrice: 1.2, partnerPlan: true, base: null }]);
          });
        },
      ),
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
  });
});
