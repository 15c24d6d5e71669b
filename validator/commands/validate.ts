/**
 * `partner-check validate PATH…`: reads every file (in reader workers with resource limits),
 * checks each with the shared engine, and writes one report (text, json, junit or html) to stdout
 * or atomically to --out. Optional: compare with a previous report (--baseline), annotated copies
 * (--annotate), fixed copies (--fix). Exit 0 clean · 1 errors (or too many warnings) · 2 unreadable file or misuse.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseWorkbook, buildReport, unreadableFileReport, validateWorkbook, type Baseline, type Campaign, type FileReport, type Lang, type SeveritySetting, type WorkbookAnalysis } from '../../rules/index.js';
import { baselineFromAnalysis } from '../../rules/derive/baseline.js';
import { readWorkbookFile } from '../read/guarded.js';
import { annotatedFileName, revalidator, withoutSummaryTab, writeAnnotatedCopy, writeFixedCopy } from '../annotate.js';
import {
  campaignOption,
  choiceOption,
  langOfArgv,
  langOption,
  nonNegativeIntOption,
  parseArgs,
  ruleOverrides,
  todayOption,
  usageFailure,
  UsageError,
  type CliIo,
  type OptionSpecs,
} from '../args.js';
import { baselineForFile, baselineSection, compareWithPrevious, readPreviousReport, type PreviousReport } from '../baseline.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { HELP, t } from '../i18n.js';
import { formatHtml } from '../format/html.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { formatText } from '../format/text.js';
import type { CliFileReport, CliReport, FormatContext, Formatter, ShopCalendar } from '../format/types.js';
import { shopCalendars } from './calendar.js';

export const VALIDATE_OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  campaign: { type: 'string' },
  baseline: { type: 'string' },
  'record-baseline': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  annotate: { type: 'string' },
  fix: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const REPORT_FORMATS = ['text', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FORMATTERS: Readonly<Record<ReportFormat, Formatter>> = { text: formatText, json: formatJson, junit: formatJunit, html: formatHtml };

/** Extensions a folder walk picks up. Legacy and binary Excel files are included so they are reported, not silently skipped. */
export const FOLDER_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xls', '.xlsb', '.ods', '.csv', '.tsv', '.txt']);

interface ValidateSettings {
  readonly lang: Lang;
  readonly format: ReportFormat;
  readonly out: string | undefined;
  readonly today: string;
  readonly campaign: Campaign;
  readonly severities: Record<string, SeveritySetting>;
  readonly maxWarnings: number | undefined;
  readonly annotateDir: string | undefined;
  readonly fixDir: string | undefined;
  readonly quiet: boolean;
  readonly previous: PreviousReport | undefined;
  /**
   * Whether the JSON report gets its `baseline` section (tomorrow's baseline): with `--baseline`
   * (even when that file does not exist yet, the first night) or `--record-baseline`.
   */
  readonly recordBaseline: boolean;
}

export async function runValidate(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = langOfArgv(argv);
  let settings: ValidateSettings;
  let inputs: string[];
  try {
    const { options, positionals } = parseArgs(argv, VALIDATE_OPTIONS);
    if (options.help) {
      io.stdout.write(HELP.validate[langOption(options.lang)]);
      return 0;
    }
    const outLang = langOption(options.lang);
    const format = choiceOption(options.format, REPORT_FORMATS, 'text', '--format');
    const today = todayOption(options.today, io);
    const severities = ruleOverrides(options.rule as readonly string[] | undefined);
    const maxWarnings = nonNegativeIntOption(options['max-warnings'], '--max-warnings');
    if (positionals.length === 0) throw new UsageError('err.noPaths');
    const campaign = campaignOption(options.campaign, outLang);
    if (!campaign.ok) {
      io.stderr.write(`partner-check: ${t(outLang, 'err.campaign')}\n${campaign.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    let previous: PreviousReport | undefined;
    if (typeof options.baseline === 'string') {
      const read = readPreviousReport(options.baseline);
      if (read.kind === 'missing') {
        if (!options.quiet) io.stderr.write(`partner-check: ${t(outLang, 'warn.baselineMissing', { file: options.baseline })}\n`);
        previous = { violationsByPath: new Map(), baseline: undefined, byFile: new Map(), baselineProblem: null };
      } else if (read.kind === 'unreadable') {
        io.stderr.write(`partner-check: ${t(outLang, 'err.baselineUnreadable', { file: options.baseline, reason: read.reason })}\n`);
        return 2;
      } else if (read.kind === 'not-a-report') {
        io.stderr.write(`partner-check: ${t(outLang, 'err.baselineNotReport', { file: options.baseline })}\n`);
        return 2;
      } else {
        previous = read.report;
        if (read.report.baselineProblem && !options.quiet) {
          io.stderr.write(`partner-check: ${t(outLang, 'warn.baselineNoSection', { file: options.baseline })} (${read.report.baselineProblem})\n`);
        }
      }
    }
    const out = typeof options.out === 'string' ? options.out : undefined;
    const annotateDir = typeof options.annotate === 'string' ? options.annotate : undefined;
    const fixDir = typeof options.fix === 'string' ? options.fix : undefined;
    const recordBaseline = typeof options.baseline === 'string' || options['record-baseline'] === true;
    settings = { lang: outLang, format, out, today, campaign: campaign.campaign, severities, maxWarnings, annotateDir, fixDir, quiet: options.quiet === true, previous, recordBaseline };
    inputs = collectInputs(positionals, [out, annotateDir, fixDir].filter((p): p is string => p !== undefined));
    if (inputs.length === 0) throw new UsageError('err.noFiles');
    if (out !== undefined && positionals.some((p) => path.resolve(p) === path.resolve(out))) throw new UsageError('err.outIsInput', { file: out });
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'validate');
    throw e;
  }
  return validateFiles(inputs, settings, io);
}

/**
 * Expands the command line's paths: files as given (whatever their extension; the reader
 * explains what is wrong), folders recursively in sorted order, skipping dotfiles, `~$` lock
 * files, unrelated extensions and the tool's own outputs. Missing paths are kept so the report
 * says they are missing.
 */
export function collectInputs(paths: readonly string[], exclude: readonly string[] = []): string[] {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key) || excluded.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real) || excluded.has(path.resolve(dir))) return;
    visitedDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const full = path.join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && FOLDER_EXTENSIONS.has(path.extname(name).toLowerCase())) add(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      add(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else add(p);
  }
  return out;
}

interface FileOutcome {
  readonly report: CliFileReport;
  readonly unreadable: boolean;
  readonly annotateFailed: boolean;
  /** This run's baseline of the file (only when recorded: `--baseline` or `--record-baseline`). */
  readonly baseline: Baseline | undefined;
  readonly calendars: readonly ShopCalendar[];
}

async function validateFiles(inputs: readonly string[], s: ValidateSettings, io: CliIo): Promise<number> {
  const progress = createProgress(io, inputs.length, s.quiet);
  const sorted = [...inputs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const annotateNames = new Map(sorted.map((p) => [p, annotatedFileName(p, taken)]));
  const fixTaken = new Set<string>();
  const fixNames = new Map(sorted.map((p) => [p, annotatedFileName(p, fixTaken, '.fixed.xlsx')]));
  const outcomes = await mapPool(sorted, poolSize(), async (file) => {
    const outcome = await checkFile(file, s, { annotate: annotateNames.get(file)!, fix: fixNames.get(file)! }, io);
    progress.tick(file);
    return outcome;
  });
  progress.done();

  const files = outcomes.map((o) => o.report);
  const base = buildReport(s.campaign.id, files) as CliReport;
  let report: CliReport = base;
  if (s.previous) {
    const counts = { new: 0, open: 0, resolved: 0 };
    for (const f of files) {
      for (const v of f.violations) counts[v.status === 'new' ? 'new' : 'open']++;
      counts.resolved += f.resolved?.length ?? 0;
    }
    const checked = new Set(files.map((f) => f.path));
    const filesNotChecked = [...s.previous.violationsByPath.keys()].filter((p) => !checked.has(p)).sort();
    report = { ...report, comparison: { ...counts, filesNotChecked } };
  }
  if (s.recordBaseline) {
    const baselines = new Map<string, Baseline>();
    for (const o of outcomes) if (o.baseline) baselines.set(o.report.path, o.baseline);
    report = { ...report, baseline: baselineSection(baselines) };
  }

  const calendars: Record<string, readonly ShopCalendar[]> = {};
  for (const o of outcomes) if (o.calendars.length > 0) calendars[o.report.path] = o.calendars;
  const ctx: FormatContext = {
    lang: s.lang,
    color: s.format === 'text' && s.out === undefined && io.stdout.isTTY === true && !io.env['NO_COLOR'],
    campaignName: s.lang === 'en' ? s.campaign.config.nameEn : s.campaign.config.name,
    today: s.today,
    quiet: s.quiet,
    ...(s.maxWarnings !== undefined ? { maxWarnings: s.maxWarnings } : {}),
    calendars,
    rates: s.campaign.config.rates,
  };
  const text = FORMATTERS[s.format](report, ctx);
  let writeFailed = false;
  if (s.out !== undefined) {
    try {
      writeFileAtomic(s.out, text);
      if (!s.quiet) io.stderr.write(`partner-check: ${t(s.lang, 'note.wrote', { file: s.out })}\n`);
    } catch (e) {
      io.stderr.write(`partner-check: ${t(s.lang, 'err.write', { file: s.out, reason: errorText(e) })}\n`);
      writeFailed = true;
    }
  } else {
    io.stdout.write(text);
  }
  if (outcomes.some((o) => o.unreadable || o.annotateFailed) || writeFailed) return 2;
  if (report.summary.errors > 0) return 1;
  if (s.maxWarnings !== undefined && report.summary.warnings > s.maxWarnings) return 1;
  return 0;
}

async function checkFile(file: string, s: ValidateSettings, names: { annotate: string; fix: string }, io: CliIo): Promise<FileOutcome> {
  const read = await readWorkbookFile(file);
  if (!read.ok) {
    let report: CliFileReport = unreadableFileReport(file, read.reason, s.lang, read.detail ? { detail: read.detail } : {});
    if (s.previous) report = compareWithPrevious([report], s.previous).files[0]!;
    // Carry the file's previous baseline forward, so one unreadable night does not lose it.
    return { report, unreadable: true, annotateFailed: false, baseline: s.recordBaseline ? s.previous?.byFile.get(file) : undefined, calendars: [] };
  }
  // A copy we wrote (annotated or fixed) is checked without its 檢查結果 tab: only the user's tabs count.
  const workbook = withoutSummaryTab(read.workbook);
  // One parse serves both the baseline and the validation.
  let analysis: WorkbookAnalysis | undefined = analyseWorkbook(workbook, s.campaign);
  const current = s.recordBaseline || s.previous ? baselineFromAnalysis(analysis, s.campaign) : undefined;
  const baseline = s.previous && current ? baselineForFile(s.previous, file, current) : undefined;
  const checked: FileReport = validateWorkbook(workbook, {
    campaign: s.campaign,
    today: s.today,
    lang: s.lang,
    severities: s.severities,
    ...(baseline ? { baseline } : {}),
    path: file,
    analysis,
  });
  // The parsed rows are no longer needed: let GC free them before the (slow, async) annotated copy.
  analysis = undefined;
  let report: CliFileReport = {
    ...checked,
    meta: { ...checked.meta, ...(read.encoding ? { encoding: read.encoding } : {}), reader: read.reader },
  };
  if (s.previous) report = compareWithPrevious([report], s.previous).files[0]!;
  const calendars = s.format === 'html' ? shopCalendars(workbook, s.campaign) : [];
  let annotateFailed = false;
  if (s.annotateDir !== undefined) {
    const outPath = path.join(s.annotateDir, names.annotate);
    try {
      await writeAnnotatedCopy({ inputPath: file, workbook, reader: read.reader, report, lang: s.lang, today: s.today, campaign: s.campaign }, outPath);
      if (!s.quiet && io.stderr.isTTY !== true) {
        // Batch logs (cron) get one line per copy; a terminal shows the progress bar instead.
        io.stderr.write(`partner-check: ${t(s.lang, 'note.annotated', { file: outPath })}\n`);
      }
      report = { ...report, meta: { ...report.meta, annotated: outPath } };
    } catch (e) {
      io.stderr.write(`partner-check: ${t(s.lang, 'err.annotate', { file: outPath, reason: errorText(e) })}\n`);
      annotateFailed = true;
    }
  }
  if (s.fixDir !== undefined) {
    const outPath = path.join(s.fixDir, names.fix);
    try {
      const revalidate = revalidator({ campaign: s.campaign, today: s.today, lang: s.lang, severities: s.severities, path: file });
      const fixed = await writeFixedCopy({ inputPath: file, workbook, reader: read.reader, report, lang: s.lang, today: s.today, campaign: s.campaign, revalidate }, outPath);
      if (!s.quiet && io.stderr.isTTY !== true) io.stderr.write(`partner-check: ${t(s.lang, 'note.fixed', { file: outPath, count: fixed.applied.length })}\n`);
      report = { ...report, meta: { ...report.meta, fixed: outPath, fixes: fixed.applied.length } };
    } catch (e) {
      io.stderr.write(`partner-check: ${t(s.lang, 'err.fix', { file: outPath, reason: errorText(e) })}\n`);
      annotateFailed = true;
    }
  }
  return { report, unreadable: false, annotateFailed, baseline: s.recordBaseline ? current : undefined, calendars };
}

function errorText(e: unknown): string {
  return e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
}

function poolSize(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cpus));
}

/** Maps with at most `limit` tasks in flight; results keep the input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Progress {
  tick(file: string): void;
  done(): void;
}

/** A one-line progress bar on stderr: only for batches of more than 3 files, only on a TTY. */
export function createProgress(io: CliIo, total: number, quiet: boolean): Progress {
  if (quiet || total <= 3 || io.stderr.isTTY !== true) return { tick: () => {}, done: () => {} };
  let count = 0;
  const width = 24;
  const render = (file: string) => {
    const filled = Math.round((count / total) * width);
    const name = path.basename(file).replace(/[\u0000-\u001F\u007F]/g, '?');
    const cols = io.stderr.columns ?? 80;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${name}`;
    io.stderr.write(`\r\u001b[K${line.slice(0, Math.max(10, cols - 1))}`);
  };
  return {
    tick: (file) => {
      count++;
      render(file);
    },
    done: () => io.stderr.write('\r\u001b[K'),
  };
}
