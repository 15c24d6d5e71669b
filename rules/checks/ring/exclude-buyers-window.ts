import { defineRule, msg } from '../../engine/rule.js';
import { EXCLUDE_BUYERS_OPTIONS } from '../../columns.js';
import { enumLookup } from '../../values/enum.js';

const windowOf = enumLookup(EXCLUDE_BUYERS_OPTIONS);

/** The allowed windows in days, shortest first, with their canonical labels. */
const ALLOWED_WINDOWS: readonly { readonly days: number; readonly value: string }[] = [
  { days: 10, value: '近10天' },
  { days: 90, value: '近3個月' },
  { days: 182, value: '近半年' },
];

const CJK_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 兩: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const UNIT_DAYS: Readonly<Record<string, number>> = { 天: 1, 日: 1, day: 1, days: 1, 週: 7, 周: 7, 星期: 7, week: 7, weeks: 7, 個月: 30, 月: 30, month: 30, months: 30, 年: 365, year: 365, years: 365 };

/**
 * The length in days of a window written like `近1個月`, `最近兩週`, `last 45 days` or `近一年`;
 * undefined when the text is not such a window.
 * @example windowDays('近1個月') === 30
 * @example windowDays('近半年') === 182
 * @example windowDays('自訂') === undefined
 */
export function windowDays(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (/^(近|最近|last)?半年$/.test(t)) return 182;
  const m = /^(?:近|最近|last)?(\d+|十[一二]?|[一兩二三四五六七八九十])(天|日|週|周|星期|個月|月|年|days?|weeks?|months?|years?)$/.exec(t);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : CJK_NUMBERS[m[1]!];
  const unit = UNIT_DAYS[m[2]!];
  if (n === undefined || unit === undefined || n <= 0) return undefined;
  return n * unit;
}

/**
 * The allowed window to suggest for a custom one: the shortest that still excludes every buyer the
 * brand meant to exclude, or the longest when the wish is longer than all of them.
 * @example allowedWindowFor(30) === '近3個月'
 * @example allowedWindowFor(365) === '近半年'
 */
export function allowedWindowFor(days: number): string {
  for (const w of ALLOWED_WINDOWS) if (w.days >= days) return w.value;
  return ALLOWED_WINDOWS[ALLOWED_WINDOWS.length - 1]!.value;
}

/**
 * `ring/exclude-buyers-window`: the buyer exclusion is 否 or one of the fixed windows (近10天,
 * 近3個月, 近半年); a custom range cannot be set. Aliases such as 近三個月 count as written.
 */
export default defineRule({
  meta: {
    id: 'ring/exclude-buyers-window',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('排除買家只能填否、近10天、近3個月或近半年，不可自訂區間。', 'Buyer exclusion must be 否 (no), last 10 days, last 3 months or last 6 months; no custom range.'),
    messages: {
      default: msg('排除買家「{text}」不是可選的區間；只能填 {allowed}（不可自訂區間）。', 'Buyer exclusion "{text}" is not an allowed window; use one of {allowedEn} (no custom range).'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const allowed = EXCLUDE_BUYERS_OPTIONS.map((o) => o.value).join('、');
    const allowedEn = EXCLUDE_BUYERS_OPTIONS.map((o) => `${o.value} (${o.en})`).join(', ');
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const text = row.values.excludeBuyers;
      if (text === undefined || windowOf(text) !== undefined) continue;
      const days = windowDays(text);
      ctx.report({
        sheet,
        row,
        key: 'excludeBuyers',
        data: { text, allowed, allowedEn },
        ...(days !== undefined
          ? { suggestion: { value: allowedWindowFor(days), label: msg('改成涵蓋原區間的最短可選區間 {value}', 'Use {value}, the shortest allowed window covering yours') } }
          : {}),
      });
    }
  },
});
