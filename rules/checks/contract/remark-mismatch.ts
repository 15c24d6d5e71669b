import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, groupRowsData, percentText, samePercent } from '../../derive/contracts.js';
import { remarkOf } from '../../compute/schedule.js';
import { dayOfWall, secondsOfWall, shortDate, ymdFromDay } from '../../time/civil.js';

/** `M/D` or `M/D-M/D` (also with ~ ～ – 〜 between), after NFKC. */
const DATES = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\s*[-~\u2010-\u2015\u301c]\s*(\d{1,2})\/(\d{1,2}))?(?![\d/])/u;
const RATES = /(\d+(?:\.\d+)?)\s*%/gu;

export interface RemarkFacts {
  /** Month and day of the first and last dates the remark names, or undefined. */
  readonly dates?: { readonly from: readonly [number, number]; readonly to: readonly [number, number] };
  /** Every percent the remark names, in order. */
  readonly rates: readonly number[];
}

/**
 * What a remark says about its contract: the first date or date range, and its percentages.
 * @example remarkFacts('5/1-5/3_加碼5%') → { dates: { from: [5, 1], to: [5, 3] }, rates: [5] }
 * @example remarkFacts('12/1_5%(基礎2%+店家支付3%)') → { dates: { from: [12, 1], to: [12, 1] }, rates: [5, 2, 3] }
 */
export function remarkFacts(remark: string): RemarkFacts {
  // The rows of one contract, and many contracts, share a remark: each distinct remark is read
  // once (a bounded cache, emptied when full). The facts are frozen, so sharing them is safe.
  let facts = factsByRemark.get(remark);
  if (facts === undefined) {
    if (factsByRemark.size >= FACTS_MAX_ENTRIES) factsByRemark.clear();
    facts = Object.freeze(readRemarkFacts(remark));
    factsByRemark.set(remark, facts);
  }
  return facts;
}

const FACTS_MAX_ENTRIES = 4096;
const factsByRemark = new Map<string, RemarkFacts>();

/**
 * Text that NFKC leaves as it is: ASCII and the CJK Unified Ideographs (no decompositions, and
 * neither composes with anything). Nearly every remark is only these, and testing for them costs
 * less than normalising.
 */
const NFKC_STABLE = /^[\0-\x7f\u4e00-\u9fff]*$/;

function readRemarkFacts(remark: string): RemarkFacts {
  const t = NFKC_STABLE.test(remark) ? remark : remark.normalize('NFKC');
  // Every match of RATES in order, as `[...t.matchAll(RATES)]` would give (without its iterator
  // and match arrays); a text without `%` has none.
  const rates: number[] = [];
  if (t.includes('%')) {
    RATES.lastIndex = 0;
    for (let r = RATES.exec(t); r !== null; r = RATES.exec(t)) rates.push(Number(r[1]));
  }
  const m = t.includes('/') ? DATES.exec(t) : null;
  if (!m) return { rates };
  const from = [Number(m[1]), Number(m[2])] as const;
  const to = m[3] !== undefined ? ([Number(m[3]), Number(m[4])] as const) : from;
  return { dates: { from, to }, rates };
}

/** Whether a day falls on month `m`, day `d` (any year). */
function isMonthDay(day: number, md: readonly [number, number]): boolean {
  const ymd = ymdFromDay(day);
  return ymd.m === md[0] && ymd.d === md[1];
}

/**
 * `contract/remark-mismatch`: the remark names dates (`M/D`, `M/D-M/D`) or a rate (`R%`) that
 * disagree with the contract's period or front-end rebate — a reviewer reading the remark would
 * expect another contract. A remark naming several percentages (the deck's `12/1_5%(基礎2%+店家支付3%)`)
 * agrees when one of them is the front-end rebate. An end at 00:00:00 sharp counts as the day
 * before. Suggests the generated remark (SPEC §6). Once per contract, on its first row.
 */
export default defineRule({
  meta: {
    id: 'contract/remark-mismatch',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('合約備註寫的日期或回饋% 與合約期間或前台回饋不符。', "The remark names dates or a rate that disagree with the contract's period or front-end rebate."),
    messages: {
      default: msg('合約備註「{remark}」寫的{what}與合約（{period}，前台回饋 {rate}）不符；建議改為「{generated}」{rowsNote}。', 'The remark "{remark}" names {whatEn} that disagree with the contract ({period}, front-end rebate {rate}); use "{generated}"{rowsNoteEn}.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const g of contractGroupsOf(ctx)) {
      if (!g.remark || g.end <= g.start) continue;
      const facts = remarkFacts(g.remark);
      if (!facts.dates && facts.rates.length === 0) continue;
      // The front-end rebates of the group's rows (one row, usually): read without building arrays.
      const rows = g.rows;
      let fronts = 0;
      let rate = -Infinity;
      for (let i = 0; i < rows.length; i++) {
        const f = rows[i]!.values.frontRate;
        if (f === undefined) continue;
        fronts++;
        rate = Math.max(rate, f);
      }
      if (fronts === 0) continue;
      const first = dayOfWall(g.start);
      const last = secondsOfWall(g.end) === 0 && dayOfWall(g.end) > first ? dayOfWall(g.end) - 1 : dayOfWall(g.end);
      const datesWrong = facts.dates !== undefined && (!isMonthDay(first, facts.dates.from) || !isMonthDay(last, facts.dates.to));
      const rateWrong = facts.rates.length > 0 && !namesAFront(facts.rates, rows);
      if (!datesWrong && !rateWrong) continue;
      const generated = remarkOf(first, last, rate);
      const what = datesWrong && rateWrong ? ['日期與回饋%', 'dates and a rate'] : datesWrong ? ['日期', 'dates'] : ['回饋%', 'a rate'];
      ctx.report({
        sheet: g.sheet,
        row: g.first,
        key: 'remark',
        data: { remark: g.remark, what: what[0]!, whatEn: what[1]!, period: first === last ? shortDate(first) : `${shortDate(first)}-${shortDate(last)}`, rate: percentText(rate), generated, ...groupRowsData(g) },
        suggestion: { value: generated, label: msg('改為「{value}」', 'Use "{value}"') },
      });
    }
  },
});

/** Whether one of the remark's rates is the front-end rebate of one of the rows. */
function namesAFront(rates: readonly number[], rows: readonly { readonly values: { readonly frontRate?: number } }[]): boolean {
  for (const r of rates) {
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]!.values.frontRate;
      if (f !== undefined && samePercent(f, r)) return true;
    }
  }
  return false;
}
