import { defineRule, msg } from '../../engine/rule.js';
import { reportTableIssues } from '../parser-issues.js';

/** `sheet/no-header`: a tab named like a kind has no recognisable header row in its first 20 rows. */
export default defineRule({
  meta: {
    id: 'sheet/no-header',
    defaultSeverity: 'error',
    scope: 'sheet',
    requires: [],
    docs: msg('工作表名稱可辨識，但前 20 列找不到標題列。', 'A tab named like a kind has no recognisable header row.'),
    messages: {
      default: msg(
        '工作表「{sheet}」的前 20 列找不到欄位標題（例如「商店代碼」），請使用範本的標題列。',
        'Tab "{sheet}" has no header row in its first 20 rows (e.g. "商店代碼 / Shop ID"); use the template\'s header row.',
      ),
    },
    hasSuggestion: false,
  },
  check: reportTableIssues('sheet/no-header'),
});
