import { defineRule, msg } from '../../engine/rule.js';
import { pad2 } from '../../time/civil.js';

/** `HH:mm` of seconds since midnight (seconds shown only when present). @example clockText(73800) === '20:30' */
export function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const mi = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad2(h)}:${pad2(mi)}${s === 0 ? '' : `:${pad2(s)}`}`;
}

/**
 * The send hour to suggest for a bad time: the hour the user wrote (minutes dropped, so the push
 * never goes out later than asked), kept inside the allowed window.
 * @example suggestedHour(20 * 3600 + 1800, 8, 22) === 20   // 20:30 → 20:00
 * @example suggestedHour(22 * 3600 + 1800, 8, 22) === 22   // 22:30 → 22:00
 * @example suggestedHour(7 * 3600, 8, 22) === 8            // 07:00 → 08:00
 */
export function suggestedHour(seconds: number, firstHour: number, lastHour: number): number {
  return Math.min(lastHour, Math.max(firstHour, Math.floor(seconds / 3600)));
}

/**
 * `ring/invalid-time`: a ring-data push goes out on the hour between the campaign's first and last
 * hour (08:00–22:00; 22:00 itself is allowed, 22:30 is not). A blank time means 08:00 and is fine.
 */
export default defineRule({
  meta: {
    id: 'ring/invalid-time',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('環狀數據發送時間須為 08:00–22:00 之間的整點。', 'Ring-data send times must be on the hour between 08:00 and 22:00.'),
    messages: {
      default: msg('發送時間 {time} 不是整點；環狀數據只能在 {first}–{last} 的整點發送。', 'Send time {time} is not on the hour; ring data goes out on the hour between {first} and {last}.'),
      outsideHours: msg('發送時間 {time} 不在 {first}–{last} 之間；環狀數據只能在這段時間的整點發送。', 'Send time {time} is outside {first}–{last}; ring data goes out on the hour within that window.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const { firstHour, lastHour } = ctx.campaign.config.ringData;
    const first = `${pad2(firstHour)}:00`;
    const last = `${pad2(lastHour)}:00`;
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const seconds = row.values.sendTime;
      if (seconds === undefined) continue;
      const onTheHour = seconds % 3600 === 0;
      const inWindow = seconds >= firstHour * 3600 && seconds <= lastHour * 3600;
      if (onTheHour && inWindow) continue;
      const hour = suggestedHour(seconds, firstHour, lastHour);
      ctx.report({
        sheet,
        row,
        key: 'sendTime',
        messageId: inWindow ? 'default' : 'outsideHours',
        data: { time: clockText(seconds), first, last },
        suggestion: { value: `${pad2(hour)}:00`, label: msg('改成 {value}', 'Use {value}') },
      });
    }
  },
});
