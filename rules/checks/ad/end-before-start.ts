import { defineRule, msg } from '../../engine/rule.js';
import { formatWall } from '../../time/civil.js';

/** `ad/end-before-start`: an ad material's exposure ends at or before its start. */
export default defineRule({
  meta: {
    id: 'ad/end-before-start',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告素材的曝光結束時間不晚於開始時間。', "An ad material's exposure ends at or before its start."),
    messages: {
      default: msg('曝光結束 {end} 不晚於曝光開始 {start}，這則素材沒有曝光期間。', 'The exposure end {end} is not after its start {start}: the ad has no exposure period.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const { start, end } = row.values;
      if (start === undefined || end === undefined || end > start) continue;
      ctx.report({ sheet, row, key: 'end', data: { start: formatWall(start), end: formatWall(end) } });
    }
  },
});
