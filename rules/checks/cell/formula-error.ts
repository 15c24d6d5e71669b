import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/formula-error`: the formula's result is an error value (#N/A, #REF!, …). */
export default defineRule({
  meta: {
    id: 'cell/formula-error',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('公式的結果是錯誤值。', "The formula's result is an error value."),
    messages: { default: msg('「{column}」的公式結果是錯誤值 {error}，請修正公式。', '"{column}": the formula returns the error {error}; fix the formula.') },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/formula-error'),
});
