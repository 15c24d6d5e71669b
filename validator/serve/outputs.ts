/**
 * What the upload page offers besides the report, computed by the same code as the CLI commands:
 * the ring-data request e-mails (`partner-check ring-mail`: rules' ringMailsForWorkbook, .eml by
 * MailComposer), the deadlines (`partner-check deadlines`: .ics by the `ics` library, and a CSV a
 * spreadsheet opens), the HTML and JUnit reports (`validate --format html|junit`), and the chart
 * layouts the page draws (validator/format/chart.ts).
 */
import { deadlinesForWorkbook, ringMailBody, ringMailsForWorkbook, ringMailto, type Campaign, type Lang, type ReportViolation, type Workbook, type WorkbookAnalysis } from '../../rules/index.js';
import { deadlinesIcs, type FileDeadline } from '../commands/deadlines.js';
import { emlName, ringMailEml } from '../commands/ring-mail.js';
import { barChartLayout, countItems, type BarChartLayout } from '../format/chart.js';
import { t } from '../i18n.js';
import { neutralize } from '../neutralize.js';
import type { Download } from './store.js';
import type { RingMailView, RingSkipView } from './types.js';

export type RingMailOutcome = Omit<RingMailView, 'eml'> & { readonly eml: Download | null };

/** The e-mails of the workbook's valid ring-data rows (each with its .eml) and the rows skipped. */
export async function ringMailOutputs(
  workbook: Workbook,
  violations: readonly ReportViolation[],
  campaign: Campaign,
  today: string,
  /** The workbook's analysis, when the caller has it (not made again). */
  analysis?: WorkbookAnalysis,
): Promise<{ mails: RingMailOutcome[]; skipped: RingSkipView[] }> {
  const { mails, skipped } = ringMailsForWorkbook(workbook, violations, { campaign, ...(analysis ? { analysis } : {}) });
  const out: RingMailOutcome[] = [];
  for (const m of mails) {
    let eml: Download | null = null;
    try {
      eml = { bytes: await ringMailEml(m, today), name: emlName(m), contentType: 'message/rfc822' };
    } catch {
      eml = null; // the text and the mailto: link still work
    }
    out.push({ sheet: m.sheet, row: m.row, shopId: m.shopId, to: m.to, subject: m.subject, body: ringMailBody(m), mailto: ringMailto(m), sendDate: m.sendDate, sendTime: m.sendTime, sendByLabel: m.sendByLabel, eml });
  }
  return { mails: out, skipped: skipped.map((s) => ({ sheet: s.sheet, row: s.row, shopId: s.shopId, reasons: s.reasons })) };
}

const CSV_HEAD: Record<Lang, readonly string[]> = {
  'zh-TW': ['期限', '星期', '項目', '商店代碼', '檔案', '工作表', '列', '提醒日'],
  en: ['Deadline', 'Day', 'What', 'Shop ID', 'File', 'Sheet', 'Row', 'Remind on'],
};

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Text from a user's file never starts a formula in the spreadsheet that opens the CSV.
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The deadlines as CSV (UTF-8 with a byte-order mark so Excel reads the Chinese, CRLF rows),
 * one row per deadline in the order `partner-check deadlines` lists them.
 */
export function deadlinesCsv(list: readonly FileDeadline[], lang: Lang): string {
  const rows = [CSV_HEAD[lang].map(csvCell).join(',')];
  for (const d of list) {
    const day = lang === 'en' ? d.at.slice(0, 10) : d.dayLabel;
    rows.push([d.at, day, d.title[lang], d.shopId, d.file, d.sheet, d.row, d.remindOn].map(csvCell).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The workbook's deadlines (file = the upload's name) as .ics and CSV downloads. */
export function deadlineOutputs(
  workbook: Workbook,
  displayName: string,
  base: string,
  campaign: Campaign,
  lang: Lang,
  today: string,
  known: Pick<Parameters<typeof deadlinesForWorkbook>[1] & object, 'analysis' | 'schedules'> = {},
): { count: number; ics: Download; csv: Download } {
  const list: FileDeadline[] = deadlinesForWorkbook(workbook, { campaign, ...known }).deadlines.map((d) => ({ ...d, file: displayName }));
  return {
    count: list.length,
    ics: { bytes: Buffer.from(deadlinesIcs(list, lang, today, campaign), 'utf8'), name: `${base}.deadlines.ics`, contentType: 'text/calendar; charset=utf-8' },
    csv: { bytes: Buffer.from(deadlinesCsv(list, lang), 'utf8'), name: `${base}.deadlines.csv`, contentType: 'text/csv; charset=utf-8' },
  };
}

/** The per-rule and per-shop bar charts of the HTML report, as layouts (shops are the violations' `shopId`). */
export function chartLayouts(violations: readonly ReportViolation[], lang: Lang): { rules: BarChartLayout | null; shops: BarChartLayout | null } {
  if (violations.length === 0) return { rules: null, shops: null };
  const others = t(lang, 'html.chartOthers');
  const shopKeys = violations.map((v) => v.data['shopId']).filter((s): s is string => typeof s === 'string' && s !== '');
  return {
    rules: barChartLayout(countItems(violations.map((v) => v.ruleId)), { title: t(lang, 'html.chartRules'), others }),
    shops: shopKeys.length > 0 ? barChartLayout(countItems(shopKeys), { title: t(lang, 'html.chartShops'), others }) : null,
  };
}
