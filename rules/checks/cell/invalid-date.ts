import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/invalid-date`: not a date or date-time in any accepted form (SPEC §4.5). */
export default defineRule({
  meta: {
    id: 'cell/invalid-date',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('日期或時間無法辨識。', 'Not a date or date-time in any accepted form.'),
    messages: {
      default: msg(
        '「{column}」的「{text}」不是可辨識的日期，請填 2026/5/8、5/8、115/5/8 或 2026/5/8 10:00 這類格式。',
        '"{column}": "{text}" is not a date; write it like 2026/5/8, 5/8, 115/5/8 or 2026/5/8 10:00.',
      ),
      time: msg('「{column}」的「{text}」不是有效的時間，請用 24 小時制，例如 20:00。', '"{column}": "{text}" is not a time; use the 24-hour clock, e.g. 20:00.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/invalid-date'),
});
