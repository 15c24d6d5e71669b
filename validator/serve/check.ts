/**
 * Checks one uploaded file exactly the way `partner-check validate` checks a file: read and
 * checked, whole, in a worker of the shared pool (validator/pool), by the shared engine (validateWorkbook),
^ * annotated by writeAnnotatedCopy and fixed by writeFixedCopy; plus what `schedule` computes for it (rebate calendars, the
 * generated contract schedule as .xlsx, the cost estimates). The result is everything the page
 * shows, rendered in one language, and the downloads as bytes in memory.
 *
 * The caller owns `workDir` (a fresh temporary folder holding the upload) and removes it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  dayClasses,
  type Rates,
  buildReport,
  calendarGrid,
  DEFAULT_CAMPAIGN,
  loadCampaign,
  civil,
  displayNtd,
  estimateCosts,
  schedulesForWorkbook,
  unreadableFileReport,
  validateWorkbook,
  analyseWorkbook,
  type Campaign,
  type CostTotal,
  type FileReport,
  type Lang,
  type MonthCost,
  type RebateMonth,
  type Schedule,
  type ShopCosts,
} from '../../rules/index.js';
import { annotatedFileName, revalidator, withoutSummaryTab, writeAnnotatedCopy, writeFixedCopy } from '../annotate.js';
import { shopCalendars } from '../commands/calendar.js';
import { dayLabel, monthTitle } from '../format/calendar.js';
import { formatHtml } from '../format/html.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { readPictures } from '../pictures.js';
import { chartLayouts, deadlineOutputs, ringMailOutputs, type RingMailOutcome } from './outputs.js';
import { problemText, scheduleXlsx } from '../format/schedule.js';
import type { CliFileReport, CliReport, ShopCalendar } from '../format/types.js';
import { t } from '../i18n.js';
import { defaultTimeoutMs, type ReadWorkbookOptions } from '../read/guarded.js';
import { readFileOnce } from '../read/read-job.js';
import { REASONS, type ReadFailureReason } from '../read/reasons.js';
import { bundledWorker, WorkerPool } from '../pool/pool.js';
import type { PoolRequest } from '../pool/worker.js';
import type { Download } from './store.js';
import type { CalendarMonthView, CheckResponse, CostRowView, JsonReport, RingSkipView, ShopView } from './types.js';
import { rateMonthLayout } from '../format/chart.js';
import { ratesTitle } from '../format/html.js';
import { weekdayNames } from '../format/calendar.js';

export interface CheckSettings {
  readonly campaign: Campaign;
  /** "Today" for deadline rules, `YYYY-MM-DD`. */
  readonly today: string;
  readonly lang: Lang;
  readonly read?: ReadWorkbookOptions;
}

/** What a pool worker gets for one upload (a Campaign has methods: its config travels instead). */
export interface CheckUploadRequest {
  readonly upload: CheckUpload;
  readonly campaignConfig: unknown;
  readonly today: string;
  readonly lang: Lang;
  readonly timeoutMs?: number;
}

export interface CheckUpload {
  /** The uploaded bytes on disk (inside workDir). */
  readonly filePath: string;
  /** The name the user's file has (the report's `path`). */
  readonly displayName: string;
  /** A private temporary folder for outputs; removed by the caller. */
  readonly workDir: string;
  /** Pictures sent together with the file: [name as dropped, path on disk]. */
  readonly pictures?: readonly (readonly [string, string])[];
}

export interface CheckOutcome {
  readonly report: JsonReport;
  readonly fileReport: CliFileReport;
  readonly unreadable: string | null;
  readonly shops: readonly ShopView[];
  readonly annotated: Download | null;
  readonly annotateError: string | null;
  /** The fixed copy (修正檔): every safe suggestion applied; null when the file could not be read or fixed. */
  readonly fixed: Download | null;
  readonly schedule: Download | null;
  readonly json: Download;
  readonly html: Download;
  readonly junit: Download;
  readonly ics: Download | null;
  readonly deadlinesCsv: Download | null;
  readonly deadlineCount: number;
  readonly ringMails: readonly RingMailOutcome[];
  readonly ringSkipped: readonly RingSkipView[];
  /** The pictures sent along that the sheets name (and that were checked). */
  readonly picturesUsed: readonly string[];
  readonly charts: CheckResponse['charts'];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The file name without folders or control characters (what the report calls the file). */
export function displayNameOf(raw: string): string {
  const base = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
}

let uploadPool: WorkerPool<PoolRequest, CheckOutcome> | undefined;

/**
 * Checks one upload in the shared worker pool (one worker per core), so the server's event loop
 * stays free and a file that exhausts a worker's memory or time only fails itself.
 */
export async function checkUpload(upload: CheckUpload, s: CheckSettings): Promise<CheckOutcome> {
  uploadPool ??= new WorkerPool<PoolRequest, CheckOutcome>(bundledWorker('pool-worker', import.meta.url), {
    ...(s.read?.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: s.read.maxOldGenerationSizeMb } : {}),
  });
  const request: CheckUploadRequest = {
    upload,
    campaignConfig: s.campaign === DEFAULT_CAMPAIGN ? undefined : s.campaign.config,
    today: s.today,
    lang: s.lang,
  };
  const timeoutMs = s.read?.timeoutMs ?? defaultTimeoutMs(fileSize(upload.filePath));
  const outcome = await uploadPool.run({ task: 'upload', request }, timeoutMs, (failure) =>
    unreadableOutcome(upload, s, failure.kind === 'timeout' ? REASONS.timedOut : REASONS.tooLargeOrMalformed),
  );
  // Structured clone turns Buffers into Uint8Arrays; the downloads keep their bytes either way.
  return outcome;
}

function fileSize(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0;
  }
}

/** The whole check of one upload in this thread (what a pool worker runs). */
export async function checkUploadHere(request: CheckUploadRequest): Promise<CheckOutcome> {
  let campaign = DEFAULT_CAMPAIGN;
  if (request.campaignConfig !== undefined) {
    const loaded = loadCampaign(request.campaignConfig);
    if (!loaded.ok) throw new Error(`campaign: ${loaded.problems.join('; ')}`);
    campaign = loaded.campaign;
  }
  return checkUploadInThread(request.upload, { campaign, today: request.today, lang: request.lang });
}

function unreadableOutcome(upload: CheckUpload, s: CheckSettings, reason: ReadFailureReason): CheckOutcome {
  const base = path.basename(upload.displayName, path.extname(upload.displayName)) || 'upload';
  const fileReport: CliFileReport = unreadableFileReport(upload.displayName, reason, s.lang);
  return unreadableResult(fileReport, base, s);
}

/** The outcome of a file that could not be read: its report (as JSON, HTML and JUnit) and nothing else. */
function unreadableResult(fileReport: CliFileReport, base: string, s: CheckSettings): CheckOutcome {
  const report = reportJson(s.campaign, fileReport);
  return {
    report,
    fileReport,
    unreadable: fileReport.error,
    shops: [],
    annotated: null,
    annotateError: null,
    fixed: null,
    schedule: null,
    json: jsonDownload(report, base),
    ...reportDownloads(fileReport, base, s, []),
    ics: null,
    deadlinesCsv: null,
    deadlineCount: 0,
    ringMails: [],
    ringSkipped: [],
    picturesUsed: [],
    charts: { rules: null, shops: null },
  };
}

/** The HTML and JUnit reports of the one file, as `validate --format html|junit` writes them. */
function reportDownloads(fileReport: CliFileReport, base: string, s: CheckSettings, calendars: readonly ShopCalendar[]): { html: Download; junit: Download } {
  const report = buildReport(s.campaign.id, [fileReport]) as CliReport;
  const ctx = {
    lang: s.lang,
    today: s.today,
    campaignName: s.lang === 'en' ? s.campaign.config.nameEn : s.campaign.config.name,
    rates: s.campaign.config.rates,
    calendars: { [fileReport.path]: calendars },
  };
  return {
    html: { bytes: Buffer.from(formatHtml(report, ctx), 'utf8'), name: `${base}.report.html`, contentType: 'text/html; charset=utf-8' },
    junit: { bytes: Buffer.from(formatJunit(report, ctx), 'utf8'), name: `${base}.junit.xml`, contentType: 'application/xml; charset=utf-8' },
  };
}

async function checkUploadInThread(upload: CheckUpload, s: CheckSettings): Promise<CheckOutcome> {
  const { displayName, filePath, workDir } = upload;
  const base = path.basename(displayName, path.extname(displayName)) || 'upload';
  const read = await readFileOnce(filePath);
  if (!read.ok) return unreadableResult(unreadableFileReport(displayName, read.reason, s.lang), base, s);
  // A copy this tool wrote is checked without its 檢查結果 tab.
  const workbook = withoutSummaryTab(read.workbook);
  const analysis = analyseWorkbook(workbook, s.campaign);
  // Pictures dropped together with the workbook are found by name, like `--assets DIR`.
  const dropped = new Map<string, string>();
  for (const [name, file] of upload.pictures ?? []) if (!dropped.has(name)) dropped.set(name, file);
  // Without pictures sent along, none is at hand (asset/not-checked says so, as in the add-on).
  const pictures = dropped.size > 0 ? readPictures(analysis, { dropped }) : undefined;
  const picturesUsed = [...new Set([...(pictures?.keys() ?? [])].map((n) => path.posix.basename(n.replace(/\\/g, '/'))))].filter((n) => [...dropped.keys()].some((k) => k.toLowerCase() === n.toLowerCase())).sort();
  const checked: FileReport = validateWorkbook(workbook, { campaign: s.campaign, today: s.today, lang: s.lang, path: displayName, analysis, ...(pictures ? { pictures } : {}) });
  const fileReport: CliFileReport = {
    ...checked,
    meta: { ...checked.meta, ...(read.encoding ? { encoding: read.encoding } : {}), reader: read.reader },
  };
  const report = reportJson(s.campaign, fileReport);

  let annotated: Download | null = null;
  let annotateError: string | null = null;
  const annotatedName = annotatedFileName(displayName, new Set());
  const annotatedPath = path.join(workDir, 'annotated.xlsx');
  try {
    await writeAnnotatedCopy({ inputPath: filePath, workbook, reader: read.reader, report: fileReport, lang: s.lang, today: s.today, campaign: s.campaign }, annotatedPath);
    annotated = { bytes: readFileSync(annotatedPath), name: annotatedName, contentType: XLSX_TYPE };
  } catch (e) {
    annotateError = e instanceof Error ? e.message : String(e);
  }
  let fixed: Download | null = null;
  const fixedPath = path.join(workDir, 'fixed.xlsx');
  try {
    const revalidate = revalidator({ campaign: s.campaign, today: s.today, lang: s.lang, path: displayName, ...(pictures ? { pictures } : {}) });
    await writeFixedCopy({ inputPath: filePath, workbook, reader: read.reader, report: fileReport, lang: s.lang, today: s.today, campaign: s.campaign, revalidate }, fixedPath);
    fixed = { bytes: readFileSync(fixedPath), name: annotatedFileName(displayName, new Set(), '.fixed.xlsx'), contentType: XLSX_TYPE };
  } catch (e) {
    annotateError ??= e instanceof Error ? e.message : String(e);
  }

  const schedules = schedulesForWorkbook(workbook, { campaign: s.campaign });
  const costs = estimateCosts(workbook, { campaign: s.campaign });
  const calendars = shopCalendars(workbook, s.campaign);
  const shops = calendars.map((cal) =>
    shopView(
      cal,
      schedules.find((x) => x.shopId === cal.shopId),
      costs.find((c) => c.shopId === cal.shopId),
      s.lang,
      s.campaign.config.rates,
    ),
  );
  const schedule: Download | null =
    schedules.some((x) => x.contracts.length > 0) ? { bytes: await scheduleXlsx(schedules), name: `${base}.schedule.xlsx`, contentType: XLSX_TYPE } : null;

  const ring = await ringMailOutputs(workbook, checked.violations, s.campaign, s.today);
  const deadlines = deadlineOutputs(workbook, displayName, base, s.campaign, s.lang, s.today);
  return {
    report,
    fileReport,
    unreadable: null,
    shops,
    annotated,
    annotateError,
    fixed,
    schedule,
    json: jsonDownload(report, base),
    ...reportDownloads(fileReport, base, s, calendars),
    ics: deadlines.ics,
    deadlinesCsv: deadlines.csv,
    deadlineCount: deadlines.count,
    ringMails: ring.mails,
    ringSkipped: ring.skipped,
    picturesUsed,
    charts: chartLayouts(checked.violations, s.lang),
  };
}

function reportJson(campaign: Campaign, file: CliFileReport): JsonReport {
  const report = buildReport(campaign.id, [file]) as CliReport;
  return JSON.parse(formatJson(report, { lang: 'zh-TW' })) as JsonReport;
}

function jsonDownload(report: JsonReport, base: string): Download {
  return { bytes: Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8'), name: `${base}.report.json`, contentType: JSON_TYPE };
}

function monthView(month: RebateMonth, lang: Lang, rates: Rates): CalendarMonthView {
  return {
    month: month.month,
    title: monthTitle(month.month, lang),
    weeks: calendarGrid(month).map((week) =>
      week.map((d) =>
        d
          ? {
              date: d.date,
              dayText: t(lang, 'cal.day', { d: civil.ymdFromDay(d.day).d }),
              label: dayLabel(d, lang),
              rate: d.rate,
              reason: d.reason,
              holiday: d.holiday,
              workingDay: d.workingDay,
              cls: dayClasses(d, rates),
            }
          : null,
      ),
    ),
    rates: rateMonthLayout(month.month, month.days, rates, ratesTitle(month.month, lang), weekdayNames(lang)),
  };
}

function costRow(month: string, e: Pick<CostTotal, 'monthlyGmv' | 'cpsCostCurrent' | 'cpsCostPartner' | 'cpsIncrease' | 'linePoints' | 'adPointsSaving' | 'net'>): CostRowView {
  const net = displayNtd(e.net);
  return {
    month,
    gmv: displayNtd(e.monthlyGmv),
    cpsNow: displayNtd(e.cpsCostCurrent),
    cpsPartner: displayNtd(e.cpsCostPartner),
    increase: displayNtd(e.cpsIncrease),
    points: displayNtd(e.linePoints, { symbol: false }),
    saving: displayNtd(e.adPointsSaving),
    net,
    negative: net.startsWith('-'),
  };
}

function costsView(costs: ShopCosts | undefined, lang: Lang): ShopView['costs'] {
  if (!costs) return null;
  const rows: CostRowView[] = [];
  const notes: string[] = [];
  const sep = lang === 'en' ? ', ' : '、';
  for (const m of costs.months as readonly MonthCost[]) {
    if (m.estimate) rows.push(costRow(m.month, m.estimate));
    else notes.push(t(lang, 'cost.missing', { month: m.month, fields: m.missing.map((f) => t(lang, `cost.field.${f}`)).join(sep) }));
  }
  const total = costs.total && costs.total.months > 1 ? costRow(t(lang, 'cost.total'), costs.total) : null;
  return { rows, total, notes };
}

function shopView(cal: ShopCalendar, schedule: Schedule | undefined, costs: ShopCosts | undefined, lang: Lang, rates: Rates): ShopView {
  return {
    shopId: cal.shopId,
    brandName: cal.brandName,
    plan: cal.planLabel[lang],
    sheet: cal.sheet,
    row: cal.row,
    months: cal.months.map((m) => monthView(m, lang, rates)),
    costs: costsView(costs, lang),
    schedule: {
      contracts: (schedule?.contracts ?? []).map((c) => ({ start: c.start, end: c.end, remark: c.remark, rate: c.rate, submitBy: c.submitBy })),
      problems: (schedule?.problems ?? []).map((p) => problemText(p, lang)),
    },
  };
}
