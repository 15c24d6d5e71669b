import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `sheet/missing-column`: a required column is absent from the header row. */
export default defineRule({
  meta: {
    id: 'sheet/missing-column',
    defaultSeverity: 'error',
    scope: 'sheet',
    requires: [],
    docs: msg('缺少必要欄位。', 'A required column is absent.'),
    messages: { default: msg('缺少必要欄位「{column}」。', 'Required column "{columnEn}" ({column}) is missing.') },
    hasSuggestion: false,
  },
  check: reportParserIssues('sheet/missing-column'),
});
