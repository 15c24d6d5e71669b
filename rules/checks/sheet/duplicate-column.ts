import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `sheet/duplicate-column`: a known column appears twice; the first one is used. */
export default defineRule({
  meta: {
    id: 'sheet/duplicate-column',
    defaultSeverity: 'error',
    scope: 'sheet',
    requires: [],
    docs: msg('同一個欄位出現兩次。', 'A known column appears twice.'),
    messages: {
      default: msg('欄位「{header}」與 {firstCell} 的「{first}」重複；只會讀取第一個，請刪除多餘的欄位。', 'Column "{header}" repeats "{first}" at {firstCell}; only the first is read. Remove the extra column.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('sheet/duplicate-column'),
});
