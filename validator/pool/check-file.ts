/**
 * What a pool worker does for `partner-check validate`: read ONE file and check it, whole, in this
 * thread, and hand back only what the main thread needs — the file's report, its baseline (when
 * recorded), its calendars (HTML report) and the annotated copy's fate. The model never leaves
 * the worker. Comparison with the previous report stays on the main thread (it needs the whole
 * previous report; the report it compares is small).
 */
import { readPictures } from '../pictures.js';
import { analyseWorkbook, unreadableFileReport, validateWorkbook, type Baseline, type Campaign, type FileReport, type Lang, type ReportViolation, type SeveritySetting } from '../../rules/index.js';
import { baselineFromAnalysis } from '../../rules/derive/baseline.js';
import { revalidator, withoutSummaryTab, writeAnnotatedCopy, writeFixedCopy } from '../annotate.js';
import { campaignOption } from '../args.js';
import { baselineForFile, compareWithPrevious, type PreviousReport } from '../baseline.js';
import { shopCalendars } from '../commands/calendar.js';
import type { CliFileReport, ShopCalendar } from '../format/types.js';
import { readFileOnce } from '../read/read-job.js';
import { OutputError } from '../output/index.js';
import { t } from '../i18n.js';

export interface CheckFileJob {
  /** The file as the report names it (`-` for standard input). */
  readonly file: string;
  /** Where its bytes are (standard input's temp file, else `file`). */
  readonly readPath: string;
  /** `--campaign FILE`, loaded again in the worker (undefined: the default campaign). */
  readonly campaignFile: string | undefined;
  readonly today: string;
  readonly lang: Lang;
  readonly severities: Record<string, SeveritySetting>;
  /**
   * From `--baseline`: the previous run's violations of this file, and its baseline (its own, or
   * the union when the report had no per-file one).
   */
  readonly previous:
    | { readonly violations: readonly ReportViolation[]; readonly own: Baseline | undefined; readonly union: Baseline | undefined }
    | undefined;
  readonly recordBaseline: boolean;
  readonly calendars: boolean;
  /** Where to write the annotated copy, if asked. */
  readonly annotatePath: string | undefined;
  /** Where to write the fixed copy (`--fix`), if asked. */
  readonly fixPath?: string | undefined;
  /** Where pictures named in sheets are looked up (SPEC §4.9). */
  readonly pictureDirs: { readonly besideDir: string | undefined; readonly assetDirs: readonly string[] };
}

export interface CheckFileResult {
  readonly report: CliFileReport;
  readonly unreadable: boolean;
  readonly baseline: Baseline | undefined;
  readonly calendars: readonly ShopCalendar[];
  /** The annotated copy: written (its path) or why not. */
  readonly annotated?: { readonly ok: true; readonly path: string } | { readonly ok: false; readonly path: string; readonly error: string; readonly message?: string };
  /** The fixed copy: written (its path and how many fixes) or why not. */
  readonly fixed?: { readonly ok: true; readonly path: string; readonly count: number } | { readonly ok: false; readonly path: string; readonly error: string; readonly message?: string };
}

const campaigns = new Map<string, Campaign>();

function campaignFor(job: CheckFileJob): Campaign {
  const key = job.campaignFile ?? '';
  let c = campaigns.get(key);
  if (!c) {
    const loaded = campaignOption(job.campaignFile, job.lang);
    // The main thread validated the same file before starting; a change in between is a crash.
    if (!loaded.ok) throw new Error(`campaign ${job.campaignFile}: ${loaded.messages.join('; ')}`);
    c = loaded.campaign;
    campaigns.set(key, c);
  }
  return c;
}

/** The slice of the previous report this file needs, as baseline.ts expects it. */
function previousFor(job: CheckFileJob): PreviousReport | undefined {
  if (!job.previous) return undefined;
  return {
    violationsByPath: new Map([[job.file, job.previous.violations]]),
    baseline: job.previous.union,
    byFile: job.previous.own ? new Map([[job.file, job.previous.own]]) : new Map(),
    baselineProblem: null,
  };
}

export async function checkFile(job: CheckFileJob): Promise<CheckFileResult> {
  const campaign = campaignFor(job);
  const prev = previousFor(job);
  const read = await readFileOnce(job.readPath);
  if (!read.ok) {
    let report: CliFileReport = unreadableFileReport(job.file, read.reason, job.lang, read.detail ? { detail: read.detail } : {});
    if (prev) report = compareWithPrevious([report], prev).files[0]!;
    return { report, unreadable: true, baseline: undefined, calendars: [] };
  }
  // One parse serves both the baseline and the validation.
  // A copy we wrote (annotated or fixed) is checked without its 檢查結果 tab: only the user's tabs count.
  const workbook = withoutSummaryTab(read.workbook);
  const analysis = analyseWorkbook(workbook, campaign);
  const current = job.recordBaseline || job.previous ? baselineFromAnalysis(analysis, campaign) : undefined;
  let baseline: Baseline | undefined;
  if (prev && current) baseline = baselineForFile(prev, job.file, current);
  const pictures = readPictures(analysis, { ...(job.pictureDirs.besideDir !== undefined ? { besideDir: job.pictureDirs.besideDir } : {}), assetDirs: job.pictureDirs.assetDirs });
  const checked: FileReport = validateWorkbook(workbook, {
    campaign,
    today: job.today,
    lang: job.lang,
    severities: job.severities,
    ...(baseline ? { baseline } : {}),
    path: job.file,
    analysis,
    pictures,
  });
  let report: CliFileReport = { ...checked, meta: { ...checked.meta, ...(read.encoding ? { encoding: read.encoding } : {}), reader: read.reader } };
  if (prev) report = compareWithPrevious([report], prev).files[0]!;
  const calendars = job.calendars ? shopCalendars(workbook, campaign) : [];
  let annotated: CheckFileResult['annotated'];
  if (job.annotatePath !== undefined) {
    try {
      await writeAnnotatedCopy({ inputPath: job.readPath, workbook, reader: read.reader, report, lang: job.lang, today: job.today, campaign }, job.annotatePath);
      annotated = { ok: true, path: job.annotatePath };
      report = { ...report, meta: { ...report.meta, annotated: job.annotatePath } };
    } catch (e) {
      // An output-safety refusal already says what is wrong, in the user's language.
      const message = e instanceof OutputError ? t(job.lang, e.key, e.data) : undefined;
      annotated = { ok: false, path: job.annotatePath, error: e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e), ...(message !== undefined ? { message } : {}) };
    }
  }
  let fixed: CheckFileResult['fixed'];
  if (job.fixPath !== undefined) {
    try {
      const revalidate = revalidator({ campaign, today: job.today, lang: job.lang, severities: job.severities, path: job.file, pictures });
      const outcome = await writeFixedCopy({ inputPath: job.readPath, workbook, reader: read.reader, report, lang: job.lang, today: job.today, campaign, revalidate }, job.fixPath);
      fixed = { ok: true, path: job.fixPath, count: outcome.applied.length };
      report = { ...report, meta: { ...report.meta, fixed: job.fixPath, fixes: outcome.applied.length } };
    } catch (e) {
      const message = e instanceof OutputError ? t(job.lang, e.key, e.data) : undefined;
      fixed = { ok: false, path: job.fixPath, error: e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e), ...(message !== undefined ? { message } : {}) };
    }
  }
  return { report, unreadable: false, baseline: job.recordBaseline ? current : undefined, calendars, ...(annotated ? { annotated } : {}), ...(fixed ? { fixed } : {}) };
}

