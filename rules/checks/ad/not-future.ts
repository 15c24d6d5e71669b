import { defineRule, msg } from '../../engine/rule.js';
import { judgedAt } from '../../derive/submissions.js';
import { formatWall, isoDate } from '../../time/civil.js';

/**
 * `ad/not-future`: the CMS asks for a future exposure time (請設定未來時間): the exposure must not
 * start before the material is uploaded — or, for a new row not yet uploaded, before today.
 */
export default defineRule({
  meta: {
    id: 'ad/not-future',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告素材的曝光開始早於上稿時間（尚未上稿時：早於今天）：請設定未來時間。', 'The exposure starts before the material is submitted (or before today when not yet): the CMS wants a future time.'),
    messages: {
      default: msg('曝光開始 {start} 早於上稿時間 {submitted}；CMS 會要求「請設定未來時間」。', 'The exposure starts {start}, before the upload at {submitted}; the CMS asks for a future time.'),
      beforeToday: msg('曝光開始 {start} 已早於今天（{today}），這則素材還沒上稿；請設定未來時間。', 'The exposure starts {start}, before today ({today}), and the ad is not uploaded yet; set a future time.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const start = row.values.start;
      if (start === undefined) continue;
      const at = judgedAt(row, ctx.today);
      if (!at || start >= at.wall) continue;
      ctx.report(
        at.submitted
          ? { sheet, row, key: 'start', data: { start: formatWall(start), submitted: formatWall(at.wall) } }
          : { sheet, row, key: 'start', messageId: 'beforeToday', data: { start: formatWall(start), today: isoDate(ctx.today) } },
      );
    }
  },
});
