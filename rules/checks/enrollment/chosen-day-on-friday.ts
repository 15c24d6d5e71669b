import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf } from '../../derive/enrollments.js';
import { isoWeekday, monthKeyOfDay, shortDate, wallOfDay } from '../../time/civil.js';
import { nthWorkingDayBefore } from '../../time/office-calendar.js';

/**
 * The nearest day of the same month that is neither a Friday nor already taken, preferring days
 * whose D-n contract deadline has not passed at `submittedAt`; ties go to the earlier day.
 * @example nearestFreeNonFriday(2026-05-08, taken {5/14, 5/21, 5/22}) → 2026-05-07
 */
export function nearestFreeNonFriday(
  day: number,
  taken: ReadonlySet<number>,
  isOk: (candidate: number) => boolean = () => true,
): number | undefined {
  const month = monthKeyOfDay(day);
  let fallback: number | undefined;
  for (let dist = 1; dist <= 31; dist++) {
    for (const cand of [day - dist, day + dist]) {
      if (monthKeyOfDay(cand) !== month || isoWeekday(cand) === 5 || taken.has(cand)) continue;
      if (isOk(cand)) return cand;
      if (fallback === undefined) fallback = cand;
    }
  }
  return fallback;
}

/** `enrollment/chosen-day-on-friday`: Fridays are 10% already; suggests the nearest free non-Friday day. */
export default defineRule({
  meta: {
    id: 'enrollment/chosen-day-on-friday',
    defaultSeverity: 'warning',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('任選日選在週五（週五本來就是 10%），建議改為同月最近的非週五日。', 'A chosen day is a Friday (already 10%); the nearest free non-Friday day of the month is suggested.'),
    messages: {
      default: msg('任選日「{text}」是週五，週五本來就有 10% 回饋，等於浪費一個任選日；建議改為 {suggested}。', 'Chosen day "{text}" is a Friday, which is 10% anyway; use {suggested} instead.'),
      noFreeDay: msg('任選日「{text}」是週五，週五本來就有 10% 回饋，等於浪費一個任選日。', 'Chosen day "{text}" is a Friday, which is 10% anyway.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const lead = ctx.campaign.config.contractLeadWorkingDays;
    for (const e of enrollmentsOf(ctx)) {
      const taken = new Set(e.chosenDays.map((i) => i.day));
      const cellText = e.row.cells['chosenDays']?.text ?? '';
      const submitted = e.row.values.submittedAt;
      const inTime = (cand: number) => {
        if (submitted === undefined) return true;
        try {
          return wallOfDay(nthWorkingDayBefore(cand, lead, ctx.calendar), 86_399) >= submitted;
        } catch {
          return false;
        }
      };
      // All Fridays of the cell are replaced in one suggested value, the same on each violation
      // (one cell, one suggestion: the value fixes every Friday at once).
      const found: { text: string; suggested: string | undefined }[] = [];
      for (const item of e.chosenDays) {
        if (isoWeekday(item.day) !== 5) continue;
        const alt = nearestFreeNonFriday(item.day, taken, inTime);
        if (alt !== undefined) taken.add(alt);
        found.push({ text: item.text, suggested: alt === undefined ? undefined : shortDate(alt) });
      }
      let value = cellText;
      for (const f of found) if (f.suggested !== undefined && value.includes(f.text)) value = value.replace(f.text, f.suggested);
      for (const f of found) {
        if (f.suggested === undefined) {
          ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', messageId: 'noFreeDay', data: { text: f.text } });
          continue;
        }
        ctx.report({
          sheet: e.sheet,
          row: e.row,
          key: 'chosenDays',
          data: { text: f.text, suggested: f.suggested },
          suggestion: { value: cellText.includes(f.text) ? value : f.suggested, label: msg('把 {text} 改成 {suggested}', 'Replace {text} with {suggested}') },
        });
      }
    }
  },
});
