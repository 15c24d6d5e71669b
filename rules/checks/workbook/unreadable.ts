import { defineRule, msg } from '../../engine/rule.js';

/**
 * `workbook/unreadable`: the file cannot be opened (corrupt, encrypted, wrong format, too large).
 * Readers (validator, upload page) find this before any workbook exists, so the engine has nothing
 * to check here; `unreadableFileReport` (rules/report.ts) builds the violation from this meta.
 */
export default defineRule({
  meta: {
    id: 'workbook/unreadable',
    defaultSeverity: 'error',
    scope: 'workbook',
    requires: [],
    docs: msg('檔案無法開啟（損毀、加密、格式不對或太大）。', 'The file cannot be opened (corrupt, encrypted, wrong format, too large).'),
    messages: { default: msg('無法讀取這個檔案：{reason}', 'This file cannot be read: {reasonEn}') },
    hasSuggestion: false,
  },
  check: () => {
    // A workbook that reached the engine was readable.
  },
});
