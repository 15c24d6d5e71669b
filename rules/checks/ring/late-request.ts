import { defineRule, msg } from '../../engine/rule.js';
import { dayOfWall, deadlineData, formatWall, isoDate, slashDate, wallOfDay } from '../../time/civil.js';
import { nthWorkingDayBefore, type OfficeCalendar } from '../../time/office-calendar.js';

/**
 * The earliest send date a request made on `requestDay` can still meet: the first day after
 * `after` whose D-n deadline is on or after the request day. Undefined when the office calendar
 * runs out (the engine reports uncovered years elsewhere) or nothing fits within 60 days.
 * @example earliestSendDay(2026-05-25, after 2026-05-27, 3) === 2026-05-28 // 5/27, 5/26, 5/25
 */
export function earliestSendDay(requestDay: number, after: number, lead: number, calendar: OfficeCalendar): number | undefined {
  for (let day = Math.max(after, requestDay) + 1; day <= requestDay + 60; day++) {
    try {
      if (nthWorkingDayBefore(day, lead, calendar) >= requestDay) return day;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * `ring/late-request`: a ring-data request must reach LINE購物小管家 by 23:59:59 of the 3rd
 * working day (campaign `ringData.leadWorkingDays`) before the send date.
 */
export default defineRule({
  meta: {
    id: 'ring/late-request',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('環狀數據需求須在發送日前 3 個工作天（23:59:59 前）提出。', 'Ring-data requests are due by 23:59:59 of the 3rd working day before the send date.'),
    messages: {
      default: msg('{sendDate} 發送的環狀數據最晚須在 {deadline} 前提出，但需求提出時間是 {requested}；最早可改在 {earliest} 發送。', 'A ring-data push on {sendDate} must be requested by {deadlineEn}, but it was requested at {requested}; the earliest possible send date is {earliest}.'),
      noEarliest: msg('{sendDate} 發送的環狀數據最晚須在 {deadline} 前提出，但需求提出時間是 {requested}。', 'A ring-data push on {sendDate} must be requested by {deadlineEn}, but it was requested at {requested}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const lead = ctx.campaign.config.ringData.leadWorkingDays;
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const { sendDate, requestedAt } = row.values;
      if (sendDate === undefined || requestedAt === undefined) continue;
      const deadline = ctx.deadlineDay(sendDate, lead, { sheet, row, key: 'sendDate' });
      if (deadline === undefined) continue;
      const deadlineWall = wallOfDay(deadline, 86_399);
      if (requestedAt <= deadlineWall) continue;
      const earliest = earliestSendDay(dayOfWall(requestedAt), sendDate, lead, ctx.calendar);
      const data = { sendDate: slashDate(sendDate), ...deadlineData(deadlineWall), requested: formatWall(requestedAt), date: isoDate(sendDate) };
      ctx.report(
        earliest === undefined
          ? { sheet, row, key: 'requestedAt', messageId: 'noEarliest', data }
          : { sheet, row, key: 'requestedAt', data: { ...data, earliest: slashDate(earliest) } },
      );
    }
  },
});
