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
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  analyseWorkbook,
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
  shopPlans,
  unreadableFileReport,
  validateWorkbook,
  type Campaign,
  type CostTotal,
  type FileReport,
  type Lang,
  type MonthCost,
  type RebateMonth,
  type Schedule,
  type ShopCosts,
  type Workbook,
} from '../../rules/index.js';
import { annotatedFileName, revalidator, withoutSummaryTab, writeAnnotatedCopy, writeFixedCopy } from '../annotate.js';
import { pickFixes, type FixCandidate } from '../annotate-fix.js';
import { shopCalendars } from '../commands/calendar.js';
import { dayLabel, holidayOf, monthTitle } from '../format/calendar.js';
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
  /** The first MAX_PAGE_SHOPS enrolled shops, as the page draws them. */
  readonly shops: readonly ShopView[];
  /** Enrolled shops of the file. */
  readonly shopsTotal: number;
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

/**
 * Enrolled shops the page draws (rebate calendars, cost estimates, contract schedule) and the
 * schedule download covers. The check itself covers every shop; an agency's enrollment of 52,000
 * shops (issue 12) would otherwise make about 1.5 million contracts, 87,000 calendar months and a
 * page of several hundred MB — more than 3 GB in the worker, and a schedule longer than a
 * worksheet can hold. `partner-check schedule` generates the rest.
 */
export const MAX_PAGE_SHOPS = 100;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The file name without folders or control characters (what the report calls the file). */
export function displayNameOf(raw: string): string {
  const base = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
}

let uploadPool: WorkerPool<PoolRequest, CheckOutcome> | undefined;
let poolUsers = 0;

/**
 * A running server holds the shared upload pool; when the last one closes, the pool's workers
 * are terminated (idle workers would otherwise keep a stopped `partner-check serve` alive).
 */
export function holdUploadPool(): () => Promise<void> {
  poolUsers++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--poolUsers > 0 || !uploadPool) return;
    const pool = uploadPool;
    uploadPool = undefined;
    await pool.close();
  };
}

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
    shopsTotal: 0,
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

/** Uploads from this size on have a model worth collecting before the copies are written. */
const GC_AFTER_BYTES = 1024 * 1024;
let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, if V8 lets us: `--expose-gc` cannot be given to a worker thread
 * (execArgv refuses V8 options), so it is switched on here and `gc` taken from a fresh context,
 * once. Without it (a V8 that refuses), nothing happens: V8 collects the model later by itself.
 */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/** What the copies and the page need once the model is checked (the model itself only for a CSV). */
interface CheckedModel {
  readonly fileReport: CliFileReport;
  readonly reader: string;
  /** A CSV's model (its copies are built from it); an .xlsx copy patches the package instead. */
  readonly copyModel: Workbook;
  readonly fixes: readonly FixCandidate[];
  readonly pictures: PictureFacts | undefined;
  readonly picturesUsed: readonly string[];
  readonly shops: readonly ShopView[];
  readonly shopsTotal: number;
  readonly schedules: readonly Schedule[];
  readonly calendars: readonly ShopCalendar[];
  readonly ring: Awaited<ReturnType<typeof ringMailOutputs>>;
  readonly deadlines: ReturnType<typeof deadlineOutputs>;
}

type PictureFacts = ReturnType<typeof readPictures>;

const NO_MODEL: Workbook = { tables: [] };

/**
 * Reads and checks the upload and computes what the page shows (shops, ring-data e-mails,
 * deadlines). The model and its analysis live only in this call: the copies are written after it
 * returns, so that a big upload's model is garbage by then (issue 12: the server's peak memory).
 */
async function checkModel(upload: CheckUpload, s: CheckSettings, base: string): Promise<{ readonly ok: false; readonly reason: ReadFailureReason } | ({ readonly ok: true } & CheckedModel)> {
  const { displayName, filePath } = upload;
  const read = await readFileOnce(filePath);
  if (!read.ok) return { ok: false, reason: read.reason };
  // A copy this tool wrote is checked without its 檢查結果 tab.
  const workbook = withoutSummaryTab(read.workbook);
  // One analysis serves the check, the fixed copy's candidates and the shop plans of the page.
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
  const fixes = pickFixes(fileReport.violations, analysis, s.campaign);
  const allPlans = shopPlans(analysis, { campaign: s.campaign });
  const plans = allPlans.slice(0, MAX_PAGE_SHOPS);
  const schedules = schedulesForWorkbook(plans, { campaign: s.campaign });
  const costs = estimateCosts(plans, { campaign: s.campaign });
  const calendars = shopCalendars(plans, s.campaign);
  const shops = calendars.map((cal) =>
    shopView(
      cal,
      schedules.find((x) => x.shopId === cal.shopId),
      costs.find((c) => c.shopId === cal.shopId),
      s.lang,
      s.campaign.config.rates,
    ),
  );
  const ring = await ringMailOutputs(workbook, checked.violations, s.campaign, s.today, analysis);
  // The generated contracts' deadlines of the shops on the page (and the schedule download); every entered row's.
  const deadlines = deadlineOutputs(workbook, displayName, base, s.campaign, s.lang, s.today, { analysis, schedules });
  return {
    ok: true,
    fileReport,
    reader: read.reader,
    copyModel: read.reader === 'csv' ? workbook : NO_MODEL,
    fixes,
    pictures,
    picturesUsed,
    shops,
    shopsTotal: allPlans.length,
    schedules,
    calendars,
    ring,
    deadlines,
  };
}

async function checkUploadInThread(upload: CheckUpload, s: CheckSettings): Promise<CheckOutcome> {
  const { displayName, filePath, workDir } = upload;
  const base = path.basename(displayName, path.extname(displayName)) || 'upload';
  const checked = await checkModel(upload, s, base);
  if (!checked.ok) return unreadableResult(unreadableFileReport(displayName, checked.reason, s.lang), base, s);
  const { fileReport, reader, copyModel: workbook, fixes, pictures, picturesUsed, shops, shopsTotal, schedules, calendars, ring, deadlines } = checked;
  // The model is garbage now; collected before the copies and the schedule allocate their buffers,
  // the peak is the model's, not the model's plus the copies' (a 52,000-shop upload: 510 → ~420 MB).
  if (fileSize(filePath) >= GC_AFTER_BYTES) collectGarbage();
  const report = reportJson(s.campaign, fileReport);
  const schedule: Download | null =
    schedules.some((x) => x.contracts.length > 0) ? { bytes: await scheduleXlsx(schedules), name: `${base}.schedule.xlsx`, contentType: XLSX_TYPE } : null;

  let annotated: Download | null = null;
  let annotateError: string | null = null;
  const annotatedName = annotatedFileName(displayName, new Set());
  const annotatedPath = path.join(workDir, 'annotated.xlsx');
  try {
    await writeAnnotatedCopy({ inputPath: filePath, workbook, reader, report: fileReport, lang: s.lang, today: s.today, campaign: s.campaign }, annotatedPath);
    annotated = { bytes: readFileSync(annotatedPath), name: annotatedName, contentType: XLSX_TYPE };
  } catch (e) {
    annotateError = e instanceof Error ? e.message : String(e);
  }
  let fixed: Download | null = null;
  const fixedPath = path.join(workDir, 'fixed.xlsx');
  try {
    const revalidate = revalidator({ campaign: s.campaign, today: s.today, lang: s.lang, path: displayName, ...(pictures ? { pictures } : {}) });
    await writeFixedCopy({ inputPath: filePath, workbook, reader, report: fileReport, lang: s.lang, today: s.today, campaign: s.campaign, revalidate, fixes }, fixedPath);
    fixed = { bytes: readFileSync(fixedPath), name: annotatedFileName(displayName, new Set(), '.fixed.xlsx'), contentType: XLSX_TYPE };
  } catch (e) {
    annotateError ??= e instanceof Error ? e.message : String(e);
  }

  return {
    report,
    fileReport,
    unreadable: null,
    shops,
    shopsTotal,
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
    charts: chartLayouts(fileReport.violations, s.lang),
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
              holiday: holidayOf(d, lang),
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
