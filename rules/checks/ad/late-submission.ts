import { defineRule, msg } from '../../engine/rule.js';
import { judgedAt } from '../../derive/submissions.js';
import { dayOfWall, deadlineData, formatWall, isoDate, wallOfDay } from '../../time/civil.js';

/**
 * `ad/late-submission`: ad materials are uploaded 3 working days ahead (於 3 個工作日前上稿完成,
 * campaign `adMaterial.leadWorkingDays`): by 23:59:59 of the 3rd working day before the exposure's
 * start day. A new row not yet uploaded is late once today is past that day.
 */
export default defineRule({
  meta: {
    id: 'ad/late-submission',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告素材晚於曝光開始前第 3 個工作日（23:59:59）上稿。', 'An ad material is uploaded after 23:59:59 of the 3rd working day before its exposure starts.'),
    messages: {
      default: msg('{start} 開始曝光的素材最晚須在 {deadline} 前上稿，但上稿時間是 {submitted}。', 'An ad exposed from {start} must be uploaded by {deadlineEn}, but it was uploaded at {submitted}.'),
      notSubmitted: msg('{start} 開始曝光的素材最晚須在 {deadline} 前上稿，今天（{today}）仍未上稿，已來不及。', 'An ad exposed from {start} had to be uploaded by {deadlineEn}; today ({today}) it is still not uploaded.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const lead = ctx.campaign.config.adMaterial.leadWorkingDays;
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const start = row.values.start;
      if (start === undefined) continue;
      const at = judgedAt(row, ctx.today);
      if (!at) continue;
      const deadlineDay = ctx.deadlineDay(dayOfWall(start), lead, { sheet, row, key: 'start' });
      if (deadlineDay === undefined) continue;
      const deadline = wallOfDay(deadlineDay, 86_399);
      if (at.submitted && at.wall > deadline) {
        ctx.report({ sheet, row, key: 'submittedAt', data: { start: formatWall(start), ...deadlineData(deadline), submitted: formatWall(at.wall) } });
      } else if (!at.submitted && ctx.today > deadlineDay) {
        ctx.report({ sheet, row, key: 'start', messageId: 'notSubmitted', data: { start: formatWall(start), ...deadlineData(deadline), today: isoDate(ctx.today) } });
      }
    }
  },
});
