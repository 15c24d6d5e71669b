import { defineRule, msg } from '../../engine/rule.js';
import { formatWall } from '../../time/civil.js';

/** `deal/end-before-start`: a 爆殺驚喜 deal ends at or before its start. */
export default defineRule({
  meta: {
    id: 'deal/end-before-start',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('爆殺驚喜的優惠結束時間不晚於開始時間。', 'A flash deal ends at or before its start.'),
    messages: {
      default: msg('優惠結束 {end} 不晚於優惠開始 {start}，這筆優惠沒有有效期間。', 'The deal end {end} is not after its start {start}: the deal has no period.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('flash-deals')) {
      const { start, end } = row.values;
      if (start === undefined || end === undefined || end > start) continue;
      ctx.report({ sheet, row, key: 'end', data: { start: formatWall(start), end: formatWall(end) } });
    }
  },
});
