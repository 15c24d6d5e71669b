/**
 * The contracts of ../shared/fixtures/libreoffice/partner-workbook.xlsx (saved by LibreOffice):
 * its 加碼合約 and 鋪底合約 tabs as rebuilt by hand in the model by test/helpers/partner-workbook.ts —
 * dates as wall-clock date cells in `yyyy/m/d hh:mm:ss`, percents as fractions in `0%` — checked
 * against the real file cell by cell, and the exact contract violations a careful CMS user expects
 * there:
 *
 * - row 4: 5/4 overlaps row 3's 5/2-5/4 (nothing of it is left outside, so no suggestion);
 * - row 8: a partner contract at CPS 12%;
 * - row 9: a 🎉 in the remark;
 * - row 13: vendor bonus 3% on a partner contract;
 * - row 17: a 5/26 start submitted 5/22 18:00, after the 5/21 23:59:59 deadline;
 * - row 19: a brand-funded draft with vendor 2% for front 5% − base 2% = 3%, and its 5/18 11:00
 *   submission is after the 5/15 deadline of a 5/20 start;
 * - row 20: a 單品加碼 without a product ID.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { makeCell, validateWorkbook, type Cell, type CellValue, type Table, type ReportViolation } from '../../../rules/index.js';
import { PARTNER_WORKBOOK_TABS, PARTNER_WORKBOOK_XLSX } from '../../helpers/partner-workbook.js';

const { contracts, baseContracts } = PARTNER_WORKBOOK_TABS;

/**
 * An exceljs value in the model: LibreOffice date cells come back as Dates whose UTC fields hold
 * the wall-clock reading; rich text is joined.
 */
function modelValue(raw: unknown): CellValue {
  if (raw instanceof Date) return { type: 'date', wall: raw.getTime() };
  if (raw && typeof raw === 'object' && 'richText' in raw) return (raw as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return (raw ?? null) as CellValue;
}

/**
 * What a careful CMS user expects (ruleId, row, cell, suggestion), in report order. Rows 8, 9 and
 * 13 are 待審核: the CMS only lets them be deleted, so they get advice instead of a suggestion.
 */
const EXPECTED = [
  ['contract/overlap', 4, 'D4', undefined],
  ['contract/partner-cps', 8, 'K8', undefined],
  ['contract/remark-special-chars', 9, 'C9', undefined],
  ['contract/partner-vendor-bonus', 13, 'L13', undefined],
  ['contract/late-submission', 17, 'O17', undefined],
  ['contract/vendor-bonus-mismatch', 19, 'L19', '3%'],
  ['contract/late-submission', 19, 'O19', undefined],
  ['contract/missing-product-id', 20, 'G20', undefined],
] as const;

const contractViolations = (tables: Table[], today = '2026-03-20'): ReportViolation[] =>
  validateWorkbook({ tables }, { today }).violations.filter((v) => v.ruleId.startsWith('contract/'));

describe('partner-workbook.xlsx contracts', () => {
  it('the hand-built tabs hold the same values and formats as the LibreOffice file', async () => {
    expect(existsSync(PARTNER_WORKBOOK_XLSX)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PARTNER_WORKBOOK_XLSX);
    for (const built of [contracts, baseContracts]) {
      const ws = wb.getWorksheet(built.name)!;
      expect(ws.rowCount).toBe(built.rows.length);
      built.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const real = ws.getRow(r + 1).getCell(c + 1);
          const value = modelValue(real.value);
          expect(value, `${built.name}!${real.address}`).toEqual(cell?.value ?? null);
          if (cell && (typeof cell.value === 'number' || (typeof cell.value === 'object' && cell.value !== null))) expect(real.numFmt, `${built.name}!${real.address} format`).toBe(cell.format);
        });
      });
    }
  });

  it('reports exactly the expected contract violations', () => {
    const got = contractViolations([contracts, baseContracts]);
    expect(got.map((v) => [v.ruleId, v.row, v.cell, v.suggestion?.value])).toEqual(EXPECTED.map((e) => [...e]));
  });

  it('tells pending rows to delete and resubmit with the value (SPEC §5.3)', () => {
    const got = contractViolations([contracts, baseContracts]);
    expect(got[1]!.message).toBe('夥伴互利合約的 CPS 須為 15%，這裡是 12%。這列是待審核，後台只能檢視或刪除：請刪除後以「15%」重新送審。');
    expect(got[2]!.data).toMatchObject({ advice: 'pending', adviceValue: '5/12_加碼10%' });
  });

  it('names the earlier contract and the deadlines', () => {
    const got = contractViolations([contracts, baseContracts]);
    expect(got[0]!.data).toMatchObject({ otherRows: '3', otherRange: '2026/05/02 00:00:00 ~ 2026/05/04 23:59:59' });
    expect(got[4]!.data).toMatchObject({ deadline: '2026/05/21(四) 23:59:59', submitted: '2026/05/22 18:00:00' });
    expect(got[6]!.data).toMatchObject({ deadline: '2026/05/15(五) 23:59:59', submitted: '2026/05/18 11:00:00' });
    expect(got.map((v) => v.severity)).toEqual(['error', 'error', 'error', 'warning', 'error', 'error', 'error', 'error']);
  });

  it('does not depend on "today" (every row has a submission time)', () => {
    const strip = (vs: ReportViolation[]) => vs.map((v) => [v.ruleId, v.row, v.cell, v.message]);
    expect(strip(contractViolations([contracts, baseContracts], '2026-06-30'))).toEqual(strip(contractViolations([contracts, baseContracts])));
  });

  it('gives the same contract violations for the whole real workbook (enrollment and ring tabs included)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PARTNER_WORKBOOK_XLSX);
    const tables: Table[] = wb.worksheets.map((ws) => {
      const rows: (Cell | null)[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const out: (Cell | null)[] = [];
        row.eachCell({ includeEmpty: true }, (c, ci) => {
          const value = modelValue(c.value);
          out[ci - 1] = value === null ? null : makeCell(value, undefined, c.numFmt);
        });
        rows[r - 1] = out;
      });
      return { name: ws.name, rows };
    });
    const got = contractViolations(tables);
    expect(got.map((v) => [v.ruleId, v.row, v.cell, v.suggestion?.value])).toEqual(EXPECTED.map((e) => [...e]));
  });
});
