import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/required`: a required cell is blank (booleans excepted: blank means "no"). */
export default defineRule({
  meta: {
    id: 'cell/required',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('必填欄位不可空白（是非欄位空白視為「否」）。', 'A required cell is blank (a blank yes/no cell means "no").'),
    messages: { default: msg('「{column}」必須填寫。', '"{column}" is required.') },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/required'),
});
