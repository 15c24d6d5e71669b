import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `sheet/unknown-column`: a header matches nothing; the column is ignored. */
export default defineRule({
  meta: {
    id: 'sheet/unknown-column',
    defaultSeverity: 'info',
    scope: 'sheet',
    requires: [],
    docs: msg('無法辨識的欄位，已略過。', 'A header matches no known column; ignored.'),
    messages: { default: msg('欄位「{header}」無法辨識，檢查時略過。', 'Column "{header}" is not a known column; it is ignored.') },
    hasSuggestion: false,
  },
  check: reportParserIssues('sheet/unknown-column'),
});
