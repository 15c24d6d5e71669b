import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/weekday-mismatch`: a weekday mark like `5/8(四)` disagrees with the date. */
export default defineRule({
  meta: {
    id: 'cell/weekday-mismatch',
    defaultSeverity: 'warning',
    scope: 'cell',
    requires: [],
    docs: msg('日期旁標示的星期與實際星期不符。', 'The weekday mark disagrees with the date.'),
    messages: {
      default: msg('「{text}」標示星期{mark}，但 {date} 是星期{actual}，請確認日期。', '"{text}" is marked {markEn}, but {date} is a {actualEn}; check the date.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/weekday-mismatch'),
});
