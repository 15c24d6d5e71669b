import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, groupRowsData, STATUS_DRAFT } from '../../derive/contracts.js';
import { dayOfWall, deadlineData, formatWall, isoDate, wallOfDay } from '../../time/civil.js';

/**
 * `contract/late-submission`: a contract must be submitted by 23:59:59 of the 3rd working day
 * before its start day (SPEC §2, the deck: 12/3(三) → 11/28(五)).
 *
 * - With a submittedAt (the latest of the contract's rows), that time is compared.
 * - Without one, a new (blank status) or draft contract is late once "today" is past the deadline
 *   day: it can no longer be submitted in time.
 * - A pending, approved or rejected contract without submittedAt is skipped: the CMS export simply
 *   lacks the time, and guessing would be noise.
 */
export default defineRule({
  meta: {
    id: 'contract/late-submission',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('合約晚於 D-3（開始日前第 3 個工作日 23:59:59）送審。', 'A contract is submitted after its D-3 deadline (23:59:59 of the 3rd working day before the start).'),
    messages: {
      default: msg(
        '{start} 開始的合約最晚須在 {deadline} 前送審，但送審時間是 {submitted}{rowsNote}。',
        'A contract starting {start} must be submitted by {deadlineEn}, but it was submitted at {submitted}{rowsNoteEn}.',
      ),
      notSubmitted: msg(
        '{start} 開始的合約最晚須在 {deadline} 前送審，今天（{today}）仍未送審，已來不及{rowsNote}。',
        'A contract starting {start} had to be submitted by {deadlineEn}; today ({today}) it is still not submitted{rowsNoteEn}.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const lead = ctx.campaign.config.contractLeadWorkingDays;
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      const submitted = g.submittedAt;
      const unsubmittedNew = submitted === undefined && (g.status === undefined || g.status === STATUS_DRAFT);
      if (submitted === undefined && !unsubmittedNew) continue;
      const deadlineDay = ctx.deadlineDay(dayOfWall(g.start), lead, { sheet: g.sheet, row: g.first, key: 'start' });
      if (deadlineDay === undefined) continue;
      const deadline = wallOfDay(deadlineDay, 86_399);
      // Dates are formatted only for the contracts that are reported (formatting is the costly part).
      if (submitted !== undefined) {
        if (submitted > deadline) {
          const base = { start: formatWall(g.start), ...deadlineData(deadline), ...groupRowsData(g) };
          ctx.report({ sheet: g.sheet, row: g.first, key: 'submittedAt', data: { ...base, submitted: formatWall(submitted) } });
        }
      } else if (ctx.today > deadlineDay) {
        const base = { start: formatWall(g.start), ...deadlineData(deadline), ...groupRowsData(g) };
        ctx.report({ sheet: g.sheet, row: g.first, key: 'start', messageId: 'notSubmitted', data: { ...base, today: isoDate(ctx.today) } });
      }
    }
  },
});
