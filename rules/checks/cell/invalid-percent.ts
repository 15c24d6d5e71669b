import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/invalid-percent`: not a percent, or outside 0..100. */
export default defineRule({
  meta: {
    id: 'cell/invalid-percent',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('不是百分比，或不在 0%–100% 之間。', 'Not a percent, or outside 0..100.'),
    messages: {
      default: msg('「{column}」的「{text}」不是百分比，請填 15% 這類格式。', '"{column}": "{text}" is not a percent; write it like 15%.'),
      range: msg('「{column}」的「{text}」超出 0%–100%。', '"{column}": "{text}" is outside 0%–100%.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/invalid-percent'),
});
