import { defineRule, msg } from '../../engine/rule.js';
import { isEmail, MAX_EMAILS } from '../../values/email.js';
import { splitList } from '../../values/list.js';

/**
 * `oa/notify-emails`: the low-balance notice e-mails are 1–5 addresses separated by half-width
 * commas. Spaces around a comma are tolerated; any other separator (、 ， ; ； a space or a line
 * break) is not, and the comma-joined list is suggested. More than 5 addresses, or a malformed
 * one, are this rule too (the column is not an ordinary e-mail list).
 */
export default defineRule({
  meta: {
    id: 'oa/notify-emails',
    defaultSeverity: 'error',
    scope: 'oa',
    requires: ['oa-binding'],
    docs: msg('環狀不足額通知 email 超過 5 個、格式不對，或不是以半形逗號分隔。', 'The notice e-mails are more than 5, malformed, or not separated by half-width commas.'),
    messages: {
      default: msg('通知 email 須以半形逗號「,」分隔，不可用頓號、全形逗號、分號或空白。', 'Notice e-mails are separated by half-width commas (,), not by 、 ， ; or spaces.'),
      tooMany: msg('通知 email 有 {count} 個，最多 {max} 個。', 'There are {count} notice e-mails; at most {max} are allowed.'),
      malformed: msg('「{text}」不是正確的電子信箱。', '"{text}" is not a valid e-mail address.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('oa-binding')) {
      const text = row.values.notifyEmails;
      if (text === undefined || text === '') continue;
      const items = splitList(text.normalize('NFKC')).flatMap((x) => x.split(/\s+/)).filter((x) => x !== '');
      if (items.length > MAX_EMAILS) {
        ctx.report({ sheet, row, key: 'notifyEmails', messageId: 'tooMany', data: { count: items.length, max: MAX_EMAILS } });
        continue;
      }
      const bad = items.find((e) => !isEmail(e));
      if (bad !== undefined) {
        ctx.report({ sheet, row, key: 'notifyEmails', messageId: 'malformed', data: { text: bad } });
        continue;
      }
      const commaOnly = text.split(',').map((x) => x.trim());
      if (commaOnly.every((x) => isEmail(x))) continue;
      ctx.report({ sheet, row, key: 'notifyEmails', suggestion: { value: items.join(','), label: msg('改成以半形逗號分隔', 'Separate with half-width commas') } });
    }
  },
});
