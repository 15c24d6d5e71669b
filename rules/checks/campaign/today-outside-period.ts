import { defineRule, msg } from '../../engine/rule.js';
import { isoDate } from '../../time/civil.js';

/** How long before the campaign starts a check date still looks intended (SPEC §5.1). */
export const TODAY_EARLY_DAYS = 60;

/**
 * `campaign/today-outside-period`: "today" (the check date) is after the campaign ends, or more than
 * 60 days before it starts. Deadline rules judged against it (a blank 送審時間 is "submitted
 * today") are then probably not what the user meant — after the campaign, a clean file would show
 * a late-submission error on every unsubmitted contract. Once per file; the message names
 * `--today`.
 */
export default defineRule({
  meta: {
    id: 'campaign/today-outside-period',
    defaultSeverity: 'warning',
    scope: 'campaign',
    requires: [],
    docs: msg('檢查日在活動結束之後，或早於活動開始 60 天以上；期限規則可能不是你要的結果（請用 --today 指定）。', 'The check date is after the campaign ends or more than 60 days before it starts; deadline rules may not mean what you want (set --today).'),
    messages: {
      default: msg(
        '檢查日 {today} 已在活動（{start} ~ {end}）結束之後：尚未送審的合約都會以今天判斷期限而逾期。若要依當時的日期檢查，請加上 --today YYYY-MM-DD（例如 --today {start}）。',
        'The check date {today} is after the campaign ({start} to {end}) ended: every contract not yet submitted is judged as submitted today, hence late. To check as of an earlier date, add --today YYYY-MM-DD (e.g. --today {start}).',
      ),
      before: msg(
        '檢查日 {today} 比活動（{start} ~ {end}）開始早了 {days} 天以上：期限規則以這一天判斷。若不是你要的日期，請加上 --today YYYY-MM-DD。',
        'The check date {today} is more than {days} days before the campaign ({start} to {end}) starts: deadline rules are judged against it. If that is not the date you mean, add --today YYYY-MM-DD.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const { periodStart, periodEnd } = ctx.campaign;
    const data = { today: isoDate(ctx.today), start: isoDate(periodStart), end: isoDate(periodEnd), days: TODAY_EARLY_DAYS };
    if (ctx.today > periodEnd) ctx.report({ sheet: null, messageId: 'default', data });
    else if (ctx.today < periodStart - TODAY_EARLY_DAYS) ctx.report({ sheet: null, messageId: 'before', data });
  },
});
