import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, groupRowsData } from '../../derive/contracts.js';
import { formatWall } from '../../time/civil.js';

/**
 * `contract/end-before-start`: a contract whose end is not after its start (end ≤ start). Reported
 * once per contract, on the end cell of its first row.
 */
export default defineRule({
  meta: {
    id: 'contract/end-before-start',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('合約的結束時間不晚於開始時間。', 'A contract ends at or before its start.'),
    messages: {
      default: msg(
        '結束時間 {end} 不晚於開始時間 {start}，合約沒有有效期間{rowsNote}。',
        'The end {end} is not after the start {start}: the contract has no period{rowsNoteEn}.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.end > g.start) continue;
      ctx.report({ sheet: g.sheet, row: g.first, key: 'end', data: { start: formatWall(g.start), end: formatWall(g.end), ...groupRowsData(g) } });
    }
  },
});
