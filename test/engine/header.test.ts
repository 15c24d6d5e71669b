import { describe, it, expect } from 'vitest';
import { analyseWorkbook, tableFromValues, validateWorkbook, kindDef } from '../../rules/index.js';
import { kindFromSheetName, matchHeader } from '../../rules/sheet/header.js';
import { kindTable, enrollmentRow } from '../helpers/tables.js';

describe('sheet kinds and header rows (SPEC §4)', () => {
  it('recognises tabs by name after normalisation', () => {
    expect(kindFromSheetName(' 報名表 ')).toBe('enrollment');
    expect(kindFromSheetName('Contracts')).toBe('contracts');
    expect(kindFromSheetName('BASE CONTRACTS')).toBe('base-contracts');
    expect(kindFromSheetName('環狀數據')).toBe('ring-data');
    expect(kindFromSheetName('加碼合約-5月')).toBe('contracts');
    expect(kindFromSheetName('Sheet1')).toBeUndefined();
  });

  it('matches headers in zh-TW, English, aliases, full-width and two-line forms', () => {
    expect(matchHeader('enrollment', '品牌名稱')?.key).toBe('brandName');
    expect(matchHeader('enrollment', ' brand ')?.key).toBe('brandName');
    expect(matchHeader('enrollment', '原ＣＰＳ％')?.key).toBe('baseCps');
    expect(matchHeader('enrollment', '品牌名稱\nBrand')?.key).toBe('brandName');
    expect(matchHeader('enrollment', '品牌名稱*')?.key).toBe('brandName');
    expect(matchHeader('contracts', 'product type name')?.key).toBe('productType');
    expect(matchHeader('contracts', '舖底合約%')?.key).toBe('baseRate');
    expect(matchHeader('contracts', '備忘')).toBeUndefined();
  });

  it('finds a header on row 3 under a title', () => {
    const t = kindTable('enrollment', [enrollmentRow()], { titleRows: [['LINE購物 夥伴互利計劃 報名表（2026 Q2）'], ['填寫說明：日期請填 2026/5/8 或 5/8']] });
    const a = analyseWorkbook({ tables: [t] });
    expect(a.summaries).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 3, rows: 1 }]);
    expect(a.sheets[0]!.rows[0]!.row).toBe(4);
  });

  it('recognises a tab with an unknown name by its header row', () => {
    const t = kindTable('contracts', [], { name: 'Sheet1' });
    expect(analyseWorkbook({ tables: [t] }).summaries[0]).toMatchObject({ kind: 'contracts', headerRow: 1 });
  });

  it('a rich-text header (joined runs) is a header', () => {
    const cols = kindDef('enrollment').columns;
    // Adapters join rich-text runs ("品牌" + "名稱"); the cell's display text is the same.
    const header = cols.map((c) => c.zh);
    const t = tableFromValues('報名表', [header, ['好日子', 'goodday_food']]);
    expect(analyseWorkbook({ tables: [t] }).sheets[0]!.columns.get('brandName')?.header).toBe('品牌名稱');
  });

  it('skips blank rows and counts data rows', () => {
    const t = kindTable('enrollment', [enrollmentRow(), {}, enrollmentRow({ shopId: 'other_shop' })]);
    const a = analyseWorkbook({ tables: [t] });
    expect(a.summaries[0]!.rows).toBe(2);
    expect(a.sheets[0]!.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('a tab matching nothing is info, a named tab without header is an error', () => {
    const report = validateWorkbook(
      { tables: [tableFromValues('Notes', [['hello']]), tableFromValues('加碼合約', [['nothing here']])] },
      { today: '2026-03-20' },
    );
    expect(report.violations.map((v) => [v.ruleId, v.severity, v.sheet])).toEqual([
      ['workbook/unknown-sheet', 'info', 'Notes'],
      ['sheet/no-header', 'error', '加碼合約'],
    ]);
    expect(report.sheets).toEqual([
      { name: 'Notes', kind: null, headerRow: null, rows: 0 },
      { name: '加碼合約', kind: 'contracts', headerRow: null, rows: 0 },
    ]);
  });
});
