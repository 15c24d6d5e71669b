import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/invalid-number`: not a number, or outside its allowed range. */
export default defineRule({
  meta: {
    id: 'cell/invalid-number',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('不是數字，或超出允許範圍。', 'Not a number, or outside its allowed range.'),
    messages: {
      default: msg('「{column}」的「{text}」不是數字。', '"{column}": "{text}" is not a number.'),
      integer: msg('「{column}」須為整數，目前是「{text}」。', '"{column}" must be a whole number, not "{text}".'),
      negative: msg('「{column}」不可為負數，目前是「{text}」。', '"{column}" cannot be negative ("{text}").'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/invalid-number'),
});
