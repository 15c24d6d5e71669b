import { defineRule, msg } from '../../engine/rule.js';
import { reportTableIssues } from '../parser-issues.js';

/** `workbook/unknown-sheet`: a tab matches no kind by name or header; it is skipped. */
export default defineRule({
  meta: {
    id: 'workbook/unknown-sheet',
    defaultSeverity: 'info',
    scope: 'workbook',
    requires: [],
    docs: msg('無法辨識的工作表，已略過。', 'A tab matches no sheet kind; it is skipped.'),
    messages: {
      default: msg(
        '工作表「{sheet}」不是報名表、加碼合約、鋪底合約或環狀數據，已略過。',
        'Tab "{sheet}" is not an enrollment, contracts, base-contracts or ring-data sheet; skipped.',
      ),
    },
    hasSuggestion: false,
  },
  check: reportTableIssues('workbook/unknown-sheet'),
});
