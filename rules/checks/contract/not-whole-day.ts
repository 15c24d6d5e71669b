import { defineRule, msg } from '../../engine/rule.js';
import { CAMPAIGN_BONUS, contractGroupsOf, groupRowsData } from '../../derive/contracts.js';
import { dayOfWall, formatWall, secondsOfWall, wallOfDay } from '../../time/civil.js';

const LAST_SECOND = 86_399;

/**
 * The whole-day end a user most likely meant: an end at midnight sharp (`5/3 00:00`) means the
 * day before ends (5/2 23:59:59); any other time means its own day's 23:59:59.
 * @example wholeDayEnd(wallFrom(2026,5,1), wallFrom(2026,5,3)) === wallFrom(2026,5,2,23,59,59)
 * @example wholeDayEnd(wallFrom(2026,5,1), wallFrom(2026,5,2,18)) === wallFrom(2026,5,2,23,59,59)
 */
export function wholeDayEnd(start: number, end: number): number {
  const day = dayOfWall(end);
  const previous = wallOfDay(day - 1, LAST_SECOND);
  return secondsOfWall(end) === 0 && previous > start ? previous : wallOfDay(day, LAST_SECOND);
}

/**
 * `contract/not-whole-day`: a 活動加碼 contract should run from 00:00:00 to 23:59:59 (the deck's
 * examples all do, and the partner plan's rates are per day). One violation per wrong cell of the
 * contract's first row (start and/or end), each suggesting the whole-day time of the same day.
 */
export default defineRule({
  meta: {
    id: 'contract/not-whole-day',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('活動加碼合約未從 00:00:00 開始或未於 23:59:59 結束。', 'A campaign-wide contract does not start at 00:00:00 or end at 23:59:59.'),
    messages: {
      default: msg('活動加碼合約的開始時間 {time} 不是當天 00:00:00，當天會有部分時段沒有加碼{rowsNote}。', 'The campaign-wide contract starts at {time}, not 00:00:00: part of that day gets no bonus{rowsNoteEn}.'),
      end: msg('活動加碼合約的結束時間 {time} 不是當天 23:59:59，當天會有部分時段沒有加碼{rowsNote}。', 'The campaign-wide contract ends at {time}, not 23:59:59: part of that day gets no bonus{rowsNoteEn}.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.contractType !== CAMPAIGN_BONUS || g.end <= g.start) continue;
      const startWhole = secondsOfWall(g.start) === 0;
      const endWhole = secondsOfWall(g.end) === LAST_SECOND;
      if (startWhole && endWhole) continue;
      const rows = groupRowsData(g);
      if (!startWhole) {
        const value = formatWall(wallOfDay(dayOfWall(g.start)));
        ctx.report({ sheet: g.sheet, row: g.first, key: 'start', messageId: 'default', data: { time: formatWall(g.start), ...rows }, suggestion: { value, label: msg('改為 {value}', 'Use {value}') } });
      }
      if (!endWhole) {
        const value = formatWall(wholeDayEnd(g.start, g.end));
        ctx.report({ sheet: g.sheet, row: g.first, key: 'end', messageId: 'end', data: { time: formatWall(g.end), ...rows }, suggestion: { value, label: msg('改為 {value}', 'Use {value}') } });
      }
    }
  },
});
