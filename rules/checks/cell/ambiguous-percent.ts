import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/ambiguous-percent`: a plain number in (0,1) is read as a fraction (0.15 → 15%). */
export default defineRule({
  meta: {
    id: 'cell/ambiguous-percent',
    defaultSeverity: 'warning',
    scope: 'cell',
    requires: [],
    docs: msg('0 與 1 之間的純數字被當成比例（0.15 → 15%）。', 'A plain number between 0 and 1 is read as a fraction (0.15 → 15%).'),
    messages: {
      default: msg(
        '「{column}」的 {text} 被讀成 {percent}；若不是這個意思，請直接寫上百分比符號（例如 {percent}）。',
        '"{column}": {text} was read as {percent}; write the percent sign (e.g. {percent}) to make it unambiguous.',
      ),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/ambiguous-percent'),
});
