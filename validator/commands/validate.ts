/**
 * `partner-check validate PATH…`: reads every file (in reader workers with resource limits),
 * checks each with the shared engine, and writes one report (text, json, junit or html) to stdout
 * or atomically to --out. Optional: compare with a previous report (--baseline), annotated copies
 * (--annotate), fixed copies (--fix). Exit 0 clean · 1 errors (or too many warnings) · 2 unreadable file or misuse.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { buildReport, unreadableFileReport, type Baseline, type Campaign, type Lang, type SeveritySetting } from '../../rules/index.js';
import { defaultTimeoutMs } from '../read/guarded.js';
import { REASONS } from '../read/reasons.js';
import type { CheckFileJob, CheckFileResult } from '../pool/check-file.js';
import { bundledWorker, defaultPoolSize, WorkerPool } from '../pool/pool.js';
import type { PoolRequest } from '../pool/worker.js';
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
  textColumns,
  wantsColor,
  type CliIo,
  type OptionSpecs,
} from '../args.js';
import { baselineSection, compareWithPrevious, readPreviousReport, type PreviousReport } from '../baseline.js';
import { identitiesOf, OutputError, resolveOutput, writeFailure, writeOutput, type FileIdentity, type ResolvedOutput } from '../output/index.js';
import { notRegularFileReason, readStdinToFile, STDIN_NAME, STDIN_TOO_LARGE, type StdinFile } from '../output/inputs.js';
import { copyName, isOwnReport, OWN_COPY } from '../output/names.js';
import { HELP, t } from '../i18n.js';
import { formatHtml } from '../format/html.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { formatText } from '../format/text.js';
import { displayWidth, fitWidth, terminalSafe } from '../format/terminal.js';
import type { CliFileReport, CliReport, FormatContext, Formatter, ShopCalendar } from '../format/types.js';

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
  assets: { type: 'string', multiple: true },
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
  jobs: { type: 'string' },
  verbose: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  wide: { type: 'boolean' },
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
  /** --out resolved (symlinks followed, checked against every input), once inputs are known. */
  readonly outTarget?: ResolvedOutput;
  /** Every input's device and inode: no output may land on one. */
  readonly inputIds?: readonly FileIdentity[];
  /** Where `-` (standard input) was saved. */
  readonly stdin?: StdinFile;
  /** `--stdin-filename`: the name standard input has in the report (default `-`). */
  readonly stdinName?: string;
  readonly today: string;
  readonly campaign: Campaign;
  readonly severities: Record<string, SeveritySetting>;
  readonly maxWarnings: number | undefined;
  readonly annotateDir: string | undefined;
  readonly fixDir: string | undefined;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Columns of the text report (80, a wider terminal's, unlimited with --wide). */
  readonly columns: number;
  readonly previous: PreviousReport | undefined;
  /**
   * Whether the JSON report gets its `baseline` section (tomorrow's baseline): with `--baseline`
   * (even when that file does not exist yet, the first night) or `--record-baseline`.
   */
  readonly recordBaseline: boolean;
  /** `--campaign FILE` as given (the pool workers load it again). */
  readonly campaignFile: string | undefined;
  /** Worker threads (`--jobs N`; default one per core). */
  readonly jobs: number;
  /** `--assets` folders where pictures named in sheets are looked up (besides each workbook's own folder). */
  readonly assetDirs: readonly string[];
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
      } else if (read.kind === 'too-deep') {
        io.stderr.write(`partner-check: ${t(outLang, 'err.baselineTooDeep', { file: options.baseline, depth: read.depth })}\n`);
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
    const assetDirs = ((options.assets as readonly string[] | undefined) ?? []).map((d) => {
      let st;
      try {
        st = statSync(d);
      } catch {
        throw new UsageError('err.assetsDir', { dir: d });
      }
      if (!st.isDirectory()) throw new UsageError('err.assetsDir', { dir: d });
      return d;
    });
    const jobsOption = nonNegativeIntOption(options.jobs, '--jobs');
    const jobs = jobsOption === undefined || jobsOption === 0 ? defaultPoolSize() : jobsOption;
    const campaignFile = typeof options.campaign === 'string' ? options.campaign : undefined;
    settings = { lang: outLang, format, out, today, campaign: campaign.campaign, severities, maxWarnings, annotateDir, fixDir, quiet: options.quiet === true, verbose: options.verbose === true, columns: textColumns(io, options.wide), previous, recordBaseline, campaignFile, jobs, assetDirs };
    if (typeof options['stdin-filename'] === 'string') settings = { ...settings, stdinName: options['stdin-filename'] };
    if (out !== undefined && isFolder(out)) {
      io.stderr.write(`partner-check: ${t(outLang, 'err.outIsDir', { file: out })}\n`);
      return 2;
    }
    // The --out file is one of ours only when it does not exist yet or holds a report of ours;
    // a brand's workbook named by --out stays an input (and is then refused as the output).
    const ownOut = out !== undefined && (!existsSync(out) || isOwnReport(out)) ? [out] : [];
    inputs = collectInputs(positionals, [...ownOut, ...[annotateDir, fixDir].filter((p): p is string => p !== undefined)]);
    if (inputs.length === 0) throw new UsageError('err.noFiles');
    if (out !== undefined && positionals.some((p) => path.resolve(p) === path.resolve(out))) throw new UsageError('err.outIsInput', { file: out, input: out });
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'validate');
    throw e;
  }
  // Every input — also those found inside folders, and the campaign file — by device and inode:
  // no output (report or copy) may replace one, whatever path (link, ./, hardlink) names it.
  const campaignFile = campaignPath(argv);
  const inputIds = identitiesOf([...inputs.filter((p) => p !== STDIN_NAME), ...(campaignFile !== undefined ? [campaignFile] : [])]);
  let outTarget: ResolvedOutput | undefined;
  if (settings.out !== undefined) {
    try {
      outTarget = resolveOutput(settings.out, inputIds);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      io.stderr.write(`partner-check: ${t(settings.lang, e.key, e.data)}\n`);
      return 2;
    }
  }
  const stdin = inputs.includes(STDIN_NAME) ? await readStdinToFile(undefined, undefined, settings.stdinName) : undefined;
  try {
    return await validateFiles(inputs, { ...settings, inputIds, ...(outTarget ? { outTarget } : {}), ...(stdin ? { stdin } : {}) }, io);
  } finally {
    stdin?.dispose();
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The --campaign value of an argv (an input too: never overwritten); the last one wins, as in parseArgs (a config file's comes first). */
function campaignPath(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--campaign') found = argv[i + 1];
    else if (a.startsWith('--campaign=')) found = a.slice('--campaign='.length);
  }
  return found;
}

/**
 * Expands the command line's paths: files as given (whatever their extension; the reader
 * explains what is wrong), folders recursively in sorted order, skipping dotfiles, `~$` lock
 * files, unrelated extensions and the tool's own outputs (the `--out` file, the `--annotate`
 * folder, and `*.checked.xlsx` / `*.fixed.xlsx` copies — unless named explicitly). `-` is
 * standard input. Missing paths are kept so the report says they are missing.
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
  const walk = (dir: string, top = false) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    // The --annotate folder is skipped inside a scan; named itself, it is scanned (its copies are skipped by name).
    if (visitedDirs.has(real) || (!top && excluded.has(path.resolve(dir)))) return;
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
      else if (st.isFile() && FOLDER_EXTENSIONS.has(path.extname(name).toLowerCase()) && !OWN_COPY.test(name)) add(full);
    }
  };
  for (const p of paths) {
    if (p === STDIN_NAME) {
      if (!seen.has(STDIN_NAME)) out.push(STDIN_NAME);
      seen.add(STDIN_NAME);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      const matches = expandGlob(p);
      if (matches.length === 0) add(p);
      for (const m of matches) add(m);
      continue;
    }
    if (st.isDirectory()) walk(p, true);
    else add(p);
  }
  return out;
}

/**
 * A quoted glob (`'forms/**\/*.xlsx'`, for shells that do not expand it, or Windows) → the files it
 * matches, sorted by code unit (tinyglobby; dotfiles, `~$` lock files and our own copies skipped
 * as in a folder walk). A path with no glob characters, or a glob that matches nothing, gives [].
 */
export function expandGlob(pattern: string): string[] {
  if (!/[*?[\]{}]/.test(pattern)) return [];
  const matches = globSync(pattern, { onlyFiles: true, expandDirectories: false, dot: false, absolute: path.isAbsolute(pattern) });
  return matches
    .filter((m) => !path.basename(m).startsWith('~$') && !OWN_COPY.test(path.basename(m)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  const ids = s.inputIds ?? [];
  const stdinName = s.stdinName ?? 'stdin';
  const annotateNames = new Map(sorted.map((p) => [p, s.annotateDir === undefined ? '' : copyName(p === STDIN_NAME ? stdinName : p, s.annotateDir, '.checked.xlsx', taken, ids)]));
  const fixTaken = new Set<string>();
  const fixNames = new Map(sorted.map((p) => [p, s.fixDir === undefined ? '' : copyName(p === STDIN_NAME ? stdinName : p, s.fixDir, '.fixed.xlsx', fixTaken, ids)]));
  const pool = new WorkerPool<PoolRequest, CheckFileResult>(bundledWorker('pool-worker', import.meta.url), { size: Math.min(s.jobs, sorted.length) });
  let outcomes: FileOutcome[];
  try {
    outcomes = await Promise.all(
      sorted.map(async (file) => {
        const outcome = await checkFile(pool, file, s, { annotate: annotateNames.get(file)!, fix: fixNames.get(file)! }, io);
        progress.tick(file);
        return outcome;
      }),
    );
  } finally {
    await pool.close();
  }
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
    color: s.format === 'text' && s.out === undefined && wantsColor(io),
    campaignName: s.lang === 'en' ? s.campaign.config.nameEn : s.campaign.config.name,
    today: s.today,
    quiet: s.quiet,
    verbose: s.verbose,
    columns: s.columns,
    ...(s.maxWarnings !== undefined ? { maxWarnings: s.maxWarnings } : {}),
    calendars,
    rates: s.campaign.config.rates,
  };
  const text = FORMATTERS[s.format](report, ctx);
  let writeFailed = false;
  if (s.out !== undefined) {
    try {
      writeOutput(s.outTarget ?? s.out, text, ids);
      if (!s.quiet) io.stderr.write(`partner-check: ${t(s.lang, 'note.wrote', { file: s.out })}\n`);
    } catch (e) {
      io.stderr.write(`partner-check: ${writeFailure(s.lang, s.out, e)}\n`);
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

/** One file, read and checked whole in a pool worker; only its report (and baseline) come back. */
async function checkFile(pool: WorkerPool<PoolRequest, CheckFileResult>, input: string, s: ValidateSettings, names: { annotate: string; fix: string }, io: CliIo): Promise<FileOutcome> {
  // Standard input is reported under --stdin-filename when given.
  const file = input === STDIN_NAME && s.stdinName !== undefined ? s.stdinName : input;
  const previous = s.previous
    ? {
        violations: s.previous.violationsByPath.get(file) ?? [],
        own: s.previous.byFile.get(file),
        union: s.previous.byFile.has(file) ? undefined : s.previous.baseline,
      }
    : undefined;
  const unreadable = (reason: Parameters<typeof unreadableFileReport>[1]): FileOutcome => {
    let report: CliFileReport = unreadableFileReport(file, reason, s.lang);
    if (s.previous) report = compareWithPrevious([report], s.previous).files[0]!;
    // Carry the file's previous baseline forward, so one unreadable night does not lose it.
    return { report, unreadable: true, annotateFailed: false, baseline: s.recordBaseline ? s.previous?.byFile.get(file) : undefined, calendars: [] };
  };
  // Standard input was saved to a private temp file; anything but a regular file is refused here,
  // before a worker opens it (a FIFO would block the open).
  let readPath = file;
  if (input === STDIN_NAME) {
    if (!s.stdin || s.stdin.path === null) return unreadable(STDIN_TOO_LARGE);
    readPath = s.stdin.path;
  } else {
    const notFile = notRegularFileReason(input);
    if (notFile) return unreadable(notFile);
  }
  const job: CheckFileJob = {
    file,
    readPath,
    campaignFile: s.campaignFile,
    today: s.today,
    lang: s.lang,
    severities: s.severities,
    previous,
    recordBaseline: s.recordBaseline,
    calendars: s.format === 'html',
    annotatePath: s.annotateDir !== undefined ? path.join(s.annotateDir, names.annotate) : undefined,
    fixPath: s.fixDir !== undefined ? path.join(s.fixDir, names.fix) : undefined,
    // Pictures are looked up beside the file as named (not standard input's temp file) and under --assets.
    pictureDirs: { besideDir: file === STDIN_NAME ? undefined : path.dirname(file), assetDirs: s.assetDirs },
  };
  const result = await pool.run({ task: 'check-file', job }, defaultTimeoutMs(fileSize(readPath)), (failure) => {
    let report: CliFileReport = unreadableFileReport(file, failure.kind === 'timeout' ? REASONS.timedOut : REASONS.tooLargeOrMalformed, s.lang, { detail: failure.detail });
    if (s.previous) report = compareWithPrevious([report], s.previous).files[0]!;
    return { report, unreadable: true, baseline: undefined, calendars: [] };
  });
  if (result.unreadable) {
    // Carry the file's previous baseline forward, so one unreadable night does not lose it.
    return { report: result.report, unreadable: true, annotateFailed: false, baseline: s.recordBaseline ? s.previous?.byFile.get(file) : undefined, calendars: [] };
  }
  let annotateFailed = false;
  if (result.annotated?.ok) {
    // Batch logs (cron) get one line per copy; a terminal shows the progress bar instead.
    if (!s.quiet && io.stderr.isTTY !== true) io.stderr.write(`partner-check: ${t(s.lang, 'note.annotated', { file: result.annotated.path })}\n`);
  } else if (result.annotated) {
    io.stderr.write(`partner-check: ${(result.annotated.message ?? t(s.lang, 'err.annotate', { file: result.annotated.path, reason: result.annotated.error }))}\n`);
    annotateFailed = true;
  }
  if (result.fixed?.ok) {
    if (!s.quiet && io.stderr.isTTY !== true) io.stderr.write(`partner-check: ${t(s.lang, 'note.fixed', { file: result.fixed.path, count: result.fixed.count })}\n`);
  } else if (result.fixed) {
    io.stderr.write(`partner-check: ${(result.fixed.message ?? t(s.lang, 'err.fix', { file: result.fixed.path, reason: result.fixed.error }))}\n`);
    annotateFailed = true;
  }
  return { report: result.report, unreadable: false, annotateFailed, baseline: result.baseline, calendars: result.calendars };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

interface Progress {
  tick(file: string): void;
  done(): void;
}

/**
 * A one-line progress bar on stderr: only for batches of more than 3 files, only on a TTY.
 * `[#####.....] 12/40 ETA 0:31 name`: the ETA from the average time per file so far (io.now);
 * the file name is cut by display width (string-width, CJK = 2 columns) so the line always stays
 * within the terminal's columns − 1 and never wraps, and each redraw erases the line first
 * (`\r` + erase-line), so no stale lines are left.
 */
export function createProgress(io: CliIo, total: number, quiet: boolean): Progress {
  if (quiet || total <= 3 || io.stderr.isTTY !== true) return { tick: () => {}, done: () => {} };
  let count = 0;
  const started = io.now();
  const render = (file: string) => {
    const cols = Math.max(20, (io.stderr.columns ?? 80) - 1);
    const width = Math.min(24, Math.max(8, cols - 40));
    const filled = Math.round((count / total) * width);
    const name = terminalSafe(path.basename(file));
    const left = Math.round(((io.now() - started) / count) * (total - count) / 1000);
    const eta = `ETA ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    const head = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${eta} `;
    const room = cols - displayWidth(head);
    const line = room > 0 ? head + fitWidth(name, room).trimEnd() : fitWidth(head, cols).trimEnd();
    io.stderr.write(`\r\u001b[K${line}`);
  };
  return {
    tick: (file) => {
      count++;
      render(file);
    },
    done: () => io.stderr.write('\r\u001b[K'),
  };
}
