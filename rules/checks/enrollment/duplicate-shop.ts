import { defineRule, msg } from '../../engine/rule.js';
import { monthsData } from '../../time/civil.js';
import { enrollmentsOf, type Enrollment } from '../../derive/enrollments.js';

/** `enrollment/duplicate-shop`: one shop enrolled twice for overlapping months (reported on the later row). */
export default defineRule({
  meta: {
    id: 'enrollment/duplicate-shop',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('同一商店重複報名重疊的月份。', 'One shop is enrolled twice for overlapping months.'),
    messages: {
      default: msg('商店「{shopId}」的 {months} 已在「{firstSheet}」第 {firstRow} 列報名過，不可重複報名。', 'Shop "{shopId}" is already enrolled for {monthsEn} at "{firstSheet}" row {firstRow}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const seen = new Map<string, Map<string, Enrollment>>();
    for (const e of enrollmentsOf(ctx)) {
      if (!e.shopId || !e.plan) continue;
      let months = seen.get(e.shopId);
      if (!months) seen.set(e.shopId, (months = new Map()));
      const clashes = e.months.filter((m) => months!.has(m));
      if (clashes.length > 0) {
        const first = months.get(clashes[0]!)!;
        ctx.report({
          sheet: e.sheet,
          row: e.row,
          key: 'shopId',
          data: { shopId: e.shopId, ...monthsData(clashes), firstSheet: first.sheet.name, firstRow: first.row.row },
        });
      }
      for (const m of e.months) if (!months.has(m)) months.set(m, e);
    }
  },
});
