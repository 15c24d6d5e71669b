/** A small real report for the formatter tests: the engine run on in-memory tabs. */
import { buildReport, tableFromValues, validateWorkbook, type FileReport } from '../../../rules/index';
import { enrollmentRow, kindTable } from '../../helpers/tables';
import type { CliReport } from '../../../validator/format/types';

export const HOSTILE = '<script>alert("x")</script>';

export function sampleFile(path = 'forms/brand.xlsx'): FileReport {
  const workbook = {
    tables: [
      kindTable('enrollment', [
        enrollmentRow(),
        enrollmentRow({ shopId: 'bad shop', brandName: HOSTILE, contactEmail: '=cmd@@x', chosenDays: '5/8(五)、5/13' }),
      ]),
      tableFromValues('Notes & <stuff>', [['just notes']]),
    ],
  };
  return validateWorkbook(workbook, { today: '2026-03-20', path });
}

export function sampleReport(): CliReport {
  return buildReport('2026-Q2', [sampleFile('b.xlsx'), sampleFile('a & <b>.xlsx')]) as CliReport;
}
