/**
 * Ring-data request e-mails (SPEC §6, the deck's Step 2 template): one per 環狀數據 row, to the
 * campaign's address (LINE購物小管家), subject `【{brand}】{YYYY/MM/DD}_環狀數據發送需求` (brand = the
 * shop's 品牌名稱 from an enrollment tab, else its shop id; the date is the send date), and the six
 * body lines in the deck's order and wording, plus the latest day to send the e-mail (D-3 working
 * days before the send date). Pure content: the CLI turns it into .eml files with a mail library.
 *
 * A row the validator found errors on gets no e-mail: the caller passes the report's violations,
 * and the mail carries the reasons instead.
 */
import type { Workbook } from '../model.js';
import type { ReportViolation } from '../types.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { analyseWorkbook, type WorkbookAnalysis } from '../engine/validate.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';
import { TW_OFFICE_CALENDAR, YearNotCoveredError, nthWorkingDayBefore, type OfficeCalendar } from '../time/office-calendar.js';
import { isoDate, isoWeekday, pad2, slashDate, WEEKDAY_ZH_SHORT } from '../time/civil.js';

export interface RingMail {
  readonly sheet: string;
  readonly row: number;
  readonly shopId: string;
  readonly brand: string;
  readonly to: string;
  readonly subject: string;
  /** The six body lines, `label：value`, in the deck's order. */
  readonly lines: readonly string[];
  /** The send date `YYYY-MM-DD` and hour `HH:00`. */
  readonly sendDate: string;
  readonly sendTime: string;
  /** The latest day to send the e-mail (`YYYY-MM-DD`), or null when the office calendar lacks the year. */
  readonly sendBy: string | null;
  /** `11/28(五)`-style label of sendBy, or null. */
  readonly sendByLabel: string | null;
}

export interface RingMailSkip {
  readonly sheet: string;
  readonly row: number;
  readonly shopId: string | null;
  /** The errors on the row, as the report rendered them (rule id and message). */
  readonly reasons: readonly { readonly ruleId: string; readonly cell: string | null; readonly message: string }[];
}

export interface RingMails {
  readonly mails: readonly RingMail[];
  readonly skipped: readonly RingMailSkip[];
}

/** The deck's body labels (Step 2 – Email 信件範本), in order. */
export const RING_MAIL_LABELS = ['發送環狀品牌', '發送環狀日期/時間', '發送環狀受眾', '發送人數上限', '是否排除買家', '是否排除近期發送受眾'] as const;

/** `11/28(五)`: a date with its zh-TW weekday. @example weekdayLabel(dayFromYmd(2025, 11, 28)) === '11/28(五)' */
export function weekdayLabel(day: number): string {
  const s = slashDate(day).split('/');
  return `${Number(s[1])}/${Number(s[2])}(${WEEKDAY_ZH_SHORT[isoWeekday(day) - 1]})`;
}

/** The e-mail of one valid ring-data row (the values are read; a blank time is 08:00). */
export function ringMailOf(
  sheet: ParsedSheet<'ring-data'>,
  row: ParsedRow<'ring-data'>,
  brand: string,
  campaign: Campaign = DEFAULT_CAMPAIGN,
  calendar: OfficeCalendar = TW_OFFICE_CALENDAR,
): RingMail | undefined {
  const v = row.values;
  if (v.shopId === undefined || v.sendDate === undefined) return undefined;
  const time = v.sendTime === undefined ? campaign.config.ringData.defaultTime : `${pad2(Math.floor(v.sendTime / 3600))}:${pad2(Math.floor((v.sendTime % 3600) / 60))}`;
  const date = slashDate(v.sendDate);
  const exclude = v.excludeBuyers === undefined || v.excludeBuyers === '否' ? '否' : `是（${v.excludeBuyers}）`;
  const lines = [
    `${RING_MAIL_LABELS[0]}：${brand}`,
    `${RING_MAIL_LABELS[1]}：${date} ${time}`,
    `${RING_MAIL_LABELS[2]}：${v.audience ?? '通發型'}`,
    `${RING_MAIL_LABELS[3]}：${v.sendCap ?? ''}`,
    `${RING_MAIL_LABELS[4]}：${exclude}`,
    `${RING_MAIL_LABELS[5]}：${v.excludeRecent ? '是' : '否'}`,
  ];
  let by: number | null = null;
  try {
    by = nthWorkingDayBefore(v.sendDate, campaign.config.ringData.leadWorkingDays, calendar);
  } catch (e) {
    if (!(e instanceof YearNotCoveredError)) throw e;
  }
  return {
    sheet: sheet.name,
    row: row.row,
    shopId: v.shopId,
    brand,
    to: campaign.config.ringData.mailTo,
    subject: `【${brand}】${date}_環狀數據發送需求`,
    lines,
    sendDate: isoDate(v.sendDate),
    sendTime: time,
    sendBy: by === null ? null : isoDate(by),
    sendByLabel: by === null ? null : weekdayLabel(by),
  };
}

/**
 * Every ring-data row of a workbook: an e-mail for each row without errors in `violations` (the
 * workbook's validation report), a skip with the reasons for the others.
 */
export function ringMailsForWorkbook(
  workbook: Workbook,
  violations: readonly ReportViolation[],
  opts: {
    readonly campaign?: Campaign;
    readonly calendar?: OfficeCalendar;
    /** The workbook's analysis, when the caller has it already (it is not made twice). */
    readonly analysis?: WorkbookAnalysis;
  } = {},
): RingMails {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const analysis = opts.analysis ?? analyseWorkbook(workbook, campaign);
  const brands = new Map<string, string>();
  for (const s of analysis.sheets) {
    if (s.kind !== 'enrollment') continue;
    for (const r of (s as ParsedSheet<'enrollment'>).rows) {
      const { shopId, brandName } = r.values;
      if (shopId !== undefined && brandName && !brands.has(shopId)) brands.set(shopId, brandName);
    }
  }
  const mails: RingMail[] = [];
  const skipped: RingMailSkip[] = [];
  for (const s of analysis.sheets) {
    if (s.kind !== 'ring-data') continue;
    const sheet = s as ParsedSheet<'ring-data'>;
    for (const row of sheet.rows) {
      const errors = violations.filter((v) => v.severity === 'error' && v.sheet === sheet.name && v.row === row.row);
      const mail = errors.length === 0 ? ringMailOf(sheet, row, brands.get(row.values.shopId ?? '') ?? row.values.shopId ?? '', campaign, opts.calendar) : undefined;
      if (mail) mails.push(mail);
      else skipped.push({ sheet: sheet.name, row: row.row, shopId: row.values.shopId ?? null, reasons: errors.map((e) => ({ ruleId: e.ruleId, cell: e.cell, message: e.message })) });
    }
  }
  return { mails, skipped };
}

/** The body as text: the six lines, CRLF-free (a mail library encodes line ends). */
export function ringMailBody(mail: RingMail): string {
  return mail.lines.join('\n') + '\n';
}

/** A `mailto:` link with the subject and body (RFC 6068, UTF-8 percent-encoded). */
export function ringMailto(mail: RingMail): string {
  return `mailto:${mail.to}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(ringMailBody(mail).replace(/\n/g, '\r\n'))}`;
}
