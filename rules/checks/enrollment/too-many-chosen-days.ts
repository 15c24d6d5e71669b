import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf, chosenByMonth } from '../../derive/enrollments.js';
import { monthLabel } from '../../time/civil.js';

/** `1 chosen day`, `2 chosen days`. */
export function chosenDaysEn(n: number): string {
  return `${n} chosen ${n === 1 ? 'day' : 'days'}`;
}

/** A month key as `2026 年 5 月` / `May 2026` for messages. */
export function monthData(month: string): { monthLabel: string; monthLabelEn: string } {
  return { monthLabel: monthLabel(month, 'zh-TW'), monthLabelEn: monthLabel(month, 'en') };
}

/**
 * The message data of a month with `count` distinct chosen days over its `allowance`; shared with
 * the `calendar`/`cost` argument checks, so both say the same (validator/commands/arg-checks.ts).
 */
export function tooManyChosenDaysData(month: string, count: number, allowance: number): Record<string, string | number> {
  const excess = count - allowance;
  return { month, ...monthData(month), count, countEn: chosenDaysEn(count), allowance, allowanceEn: chosenDaysEn(allowance), excess, excessEn: chosenDaysEn(excess) };
}

/** `enrollment/too-many-chosen-days`: a month has more chosen days than its allowance (0/3/6). */
export default defineRule({
  meta: {
    id: 'enrollment/too-many-chosen-days',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('某月的任選日超過可選天數（0／3／6 天）。', 'A month has more chosen days than allowed (0/3/6).'),
    messages: {
      default: msg('{monthLabel} 選了 {count} 個任選日，但依推廣承諾每月可選 {allowance} 天：請刪去 {excess} 天。', '{monthLabelEn} has {countEn}, but the promotion commitment allows {allowanceEn} a month: remove {excessEn}.'),
      none: msg(
        '{monthLabel} 選了 {count} 個任選日，但沒有勾選推廣承諾，就沒有任選日：勾選「官網/社群曝光」或「環狀數據」其中一項，每月可選 3 天；兩項都做可選 6 天。否則請清空任選日。',
        '{monthLabelEn} has {countEn}, but without a promotion commitment there are no chosen days: commit to site/social exposure or ring-data pushes for 3 a month, both for 6; otherwise clear the chosen days.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      if (e.row.invalid.has('siteExposure') || e.row.invalid.has('ringData')) continue;
      for (const [month, items] of chosenByMonth(e.chosenDays)) {
        const distinct = new Set(items.map((i) => i.day)).size;
        if (distinct > e.allowance) {
          ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', messageId: e.allowance === 0 ? 'none' : 'default', data: tooManyChosenDaysData(month, distinct, e.allowance) });
        }
      }
    }
  },
});
