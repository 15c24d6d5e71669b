import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, groupRowsData, percentText, samePercent } from '../../derive/contracts.js';
import { remarkOf } from '../../compute/schedule.js';
import { dayOfWall, monthDayOfDay, secondsOfWall, shortDate } from '../../time/civil.js';

/*
 * What a remark names, after NFKC: the first `M/D` or `M/D-M/D` (also with ~ ～ – 〜 between)
 * and every `R%`, exactly as these regexes find them (readRemarkFacts scans by hand):
 *   DATES = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\s*[-~\u2010-\u2015\u301c]\s*(\d{1,2})\/(\d{1,2}))?(?![\d/])/u  (first match)
 *   RATES = /(\d+(?:\.\d+)?)\s*%/gu  (every match)
 */

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
  // Read afresh for every contract: on the 100k bench no slower than the bounded cache it replaces,
  // which (holding the 4,096 latest remarks) missed nearly always on a real export (tens of thousands of
  // distinct remarks, each read once per check).
  return readRemarkFacts(remark);
}

/**
 * Text that NFKC leaves as it is: ASCII and the CJK Unified Ideographs (no decompositions, and
 * neither composes with anything). Nearly every remark is only these, and testing for them costs
 * less than normalising.
 */
const NFKC_STABLE = /^[\0-\x7f\u4e00-\u9fff]*$/;

function readRemarkFacts(remark: string): RemarkFacts {
  const t = nfkc(remark);
  const rates = RATES_FOUND.slice(0, scanRates(t));
  const n = scanFirstDates(t);
  if (n === 0) return { rates };
  const from = [DATES_FOUND[0]!, DATES_FOUND[1]!] as const;
  const to = n === 4 ? ([DATES_FOUND[2]!, DATES_FOUND[3]!] as const) : from;
  return { dates: { from, to }, rates };
}

function nfkc(remark: string): string {
  return NFKC_STABLE.test(remark) ? remark : remark.normalize('NFKC');
}

/**
 * What the scanners found last: the rates (scanRates' count of them) and the month and day of the
 * first date, then of the range's last date (scanFirstDates' count: 0, 2 or 4). Shared scratch
 * space, so that reading every contract's remark allocates nothing; read right after the scan.
 */
const RATES_FOUND: number[] = [];
const DATES_FOUND = new Int32Array(4);

// The two scanners below find exactly what DATES and RATES (above) find — the property test
// test/checks/contract/remark-facts.property.test.ts compares them on random text — in one plain
// walk over the text: the regexes cost several times more, and every contract's remark is read.

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Regex `\s`: white space and line terminators. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** DATES' range marks: `-`, `~`, U+2010–U+2015, U+301C. */
const isRangeMark = (c: number) => c === 45 || c === 126 || (c >= 0x2010 && c <= 0x2015) || c === 0x301c;

/** End of the run of digits starting at i (i itself when there is none). */
function digitsEnd(t: string, i: number): number {
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** Every RATES match (`(\d+(?:\.\d+)?)\s*%`, global) in order, as numbers, into RATES_FOUND: their count. */
function scanRates(t: string): number {
  let count = 0;
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const j = digitsEnd(t, i + 1);
    let k = j;
    if (k + 1 < n && t.charCodeAt(k) === 46 && isDigit(t.charCodeAt(k + 1))) k = digitsEnd(t, k + 2);
    let s = k;
    while (s < n && isSpace(t.charCodeAt(s))) s++;
    if (s < n && t.charCodeAt(s) === 37) {
      // Whole numbers of up to 15 digits are exact by arithmetic; anything else as Number reads it.
      RATES_FOUND[count++] = k === j && j - i <= 15 ? digitsValue(t, i, j) : Number(t.slice(i, k));
      i = s + 1;
    } else {
      // A match starting later in this run of digits would fail the same way; its fraction's
      // digits may still start one.
      i = j;
    }
  }
  RATES_FOUND.length = count;
  return count;
}

/** The value of the digits t[i..j) (at most 15 of them: exact). */
function digitsValue(t: string, i: number, j: number): number {
  let x = 0;
  for (let p = i; p < j; p++) x = x * 10 + (t.charCodeAt(p) - 48);
  return x;
}

/**
 * The first DATES match, into DATES_FOUND: month, day (2) or month, day, month, day (4); 0 when
 * none. A match starts at a run of 1–2 digits not after a digit, `/` or `.`, followed by `/` and
 * a run of 1–2 digits; then the range part when it is whole and not followed by a digit or `/`,
 * else the single date when it is not followed by `/`.
 */
function scanFirstDates(t: string): number {
  const n = t.length;
  if (!t.includes('/')) return 0;
  for (let p = 0; p < n; p++) {
    if (!isDigit(t.charCodeAt(p))) continue;
    if (p > 0) {
      const b = t.charCodeAt(p - 1);
      if (isDigit(b) || b === 47 || b === 46) continue;
    }
    const q = digitsEnd(t, p + 1);
    if (q - p > 2 || q >= n || t.charCodeAt(q) !== 47) continue;
    const e = digitsEnd(t, q + 1);
    if (e === q + 1 || e - (q + 1) > 2) continue;
    let g = e;
    while (g < n && isSpace(t.charCodeAt(g))) g++;
    if (g < n && isRangeMark(t.charCodeAt(g))) {
      g++;
      while (g < n && isSpace(t.charCodeAt(g))) g++;
      const h = digitsEnd(t, g);
      if (h > g && h - g <= 2 && h < n && t.charCodeAt(h) === 47) {
        const f = digitsEnd(t, h + 1);
        if (f > h + 1 && f - (h + 1) <= 2 && !(f < n && t.charCodeAt(f) === 47)) {
          DATES_FOUND[0] = digitsValue(t, p, q);
          DATES_FOUND[1] = digitsValue(t, q + 1, e);
          DATES_FOUND[2] = digitsValue(t, g, h);
          DATES_FOUND[3] = digitsValue(t, h + 1, f);
          return 4;
        }
      }
    }
    if (e < n && t.charCodeAt(e) === 47) continue;
    DATES_FOUND[0] = digitsValue(t, p, q);
    DATES_FOUND[1] = digitsValue(t, q + 1, e);
    return 2;
  }
  return 0;
}

/** Whether a day falls on month `m`, day `d` (any year). */
function isMonthDay(day: number, m: number, d: number): boolean {
  return monthDayOfDay(day) === m * 100 + d;
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
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (!g.remark || g.end <= g.start) continue;
      // The remark's facts straight from the scanners' scratch space (remarkFacts, allocation-free).
      const t = nfkc(g.remark);
      const rateCount = scanRates(t);
      const dateCount = scanFirstDates(t);
      if (dateCount === 0 && rateCount === 0) continue;
      // The front-end rebates of the group's rows (one row, usually): read without building arrays.
      // `g.rows` of a one-row contract is a fresh array: read its row directly.
      const rows = g.rowCount === 1 ? undefined : g.rows;
      const only = rows === undefined ? g.first : undefined;
      let fronts = 0;
      let rate = -Infinity;
      const n = rows === undefined ? 1 : rows.length;
      for (let i = 0; i < n; i++) {
        const f = (only ?? rows![i]!).values.frontRate;
        if (f === undefined) continue;
        fronts++;
        rate = Math.max(rate, f);
      }
      if (fronts === 0) continue;
      const first = dayOfWall(g.start);
      const last = secondsOfWall(g.end) === 0 && dayOfWall(g.end) > first ? dayOfWall(g.end) - 1 : dayOfWall(g.end);
      const datesWrong =
        dateCount > 0 &&
        (!isMonthDay(first, DATES_FOUND[0]!, DATES_FOUND[1]!) || (dateCount === 4 ? !isMonthDay(last, DATES_FOUND[2]!, DATES_FOUND[3]!) : !isMonthDay(last, DATES_FOUND[0]!, DATES_FOUND[1]!)));
      const rateWrong = rateCount > 0 && !namesAFront(RATES_FOUND, only, rows);
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

/** Whether one of the remark's rates is the front-end rebate of one of the rows (`only`, else `rows`). */
function namesAFront(rates: readonly number[], only: FrontRow | undefined, rows: readonly FrontRow[] | undefined): boolean {
  const n = rows === undefined ? 1 : rows.length;
  for (const r of rates) {
    for (let i = 0; i < n; i++) {
      const f = (only ?? rows![i]!).values.frontRate;
      if (f !== undefined && samePercent(f, r)) return true;
    }
  }
  return false;
}

type FrontRow = { readonly values: { readonly frontRate?: number } };
