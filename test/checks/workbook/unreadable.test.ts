import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { unreadableFileReport } from '../../../rules/index.js';

// A readable workbook never has this problem; unreadable files get their entry from the readers.
ruleTester('workbook/unreadable', {
  valid: [{ name: 'a workbook that reached the engine was readable', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [],
});

describe('unreadableFileReport', () => {
  const reason = { 'zh-TW': '這是舊版 Excel 97-2003 (.xls) 檔案，請另存為 .xlsx', en: 'This is a legacy .xls file; save it as .xlsx' };
  it('builds the SPEC §7 file entry in zh-TW', () => {
    const r = unreadableFileReport('forms/a.xlsx', reason, 'zh-TW');
    expect(r).toMatchObject({ path: 'forms/a.xlsx', error: reason['zh-TW'], sheets: [], counts: { errors: 1, warnings: 0, infos: 0 } });
    expect(r.violations).toEqual([
      expect.objectContaining({ ruleId: 'workbook/unreadable', severity: 'error', sheet: null, row: null, column: null, cell: null, message: `無法讀取這個檔案：${reason['zh-TW']}` }),
    ]);
  });
  it('and in English', () => {
    expect(unreadableFileReport('a.xlsx', reason, 'en').violations[0]!.message).toBe(`This file cannot be read: ${reason.en}`);
  });
});
