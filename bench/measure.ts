/**
 * The benchmark's measured programs, one per process so each has its own peak RSS. bench/run.mjs
 * bundles this file and spawns it; every subcommand prints one JSON line on stdout.
 *
 *   measure.mjs exceljs FILE.xlsx         (a) exceljs's streaming reader alone, visiting every cell
 *   measure.mjs engine ROWS SEED [RUNS]   (c) validateWorkbook on an in-memory model of the rows
 *   measure.mjs tableschema FILE.csv      (d) tableschema-js validating the CSV against a Table Schema
 *   measure.mjs pipeline FILE.xlsx        the CLI's steps in one thread, each timed: read
 *                                         (in-process), baseline, validateWorkbook, JSON report
 *   measure.mjs exceljs-full DIR          exceljs's full reader (Workbook.xlsx.load) loading every
 *                                         .xlsx of DIR in this one process (the batch baseline)
 *   measure.mjs complexity ROWS SEED [RUNS]  engine phases on 報名表 + 加碼合約: validateWorkbook,
 *                                         parsing, each rule, overlap and partner conformance alone
 *   node --expose-gc measure.mjs heap FILE.xlsx  the worker's steps in one thread, the heap after
 *                                         each (after a full GC): what a file's check holds, step by step
 */
import ExcelJS from 'exceljs';
import tableschema from 'tableschema';
import {
  DEFAULT_CAMPAIGN,
  RULE_IDS,
  RULES,
  RULES_BY_ID,
  TW_OFFICE_CALENDAR,
  YearNotCoveredError,
  analyseWorkbook,
  civil,
  isWorkingDay,
  nthWorkingDayBefore,
  validateWorkbook,
  type RuleContext,
  type SheetKind,
  type Workbook,
  type WorkbookAnalysis,
} from '../rules/index.js';
import type { ParsedSheet } from '../rules/sheet/parse.js';
import { buildReport } from '../rules/report.js';
import { baselineFromAnalysis, baselineFromWorkbook } from '../rules/derive/baseline.js';
import { readXlsxFile } from '../validator/read/xlsx.js';
import { baselineSection } from '../validator/baseline.js';
import { formatJson } from '../validator/format/json.js';
import type { CliReport, FormatContext } from '../validator/format/types.js';
import { readFileSync } from 'node:fs';
import { asReaderTable, BENCH_TODAY, contractTable, enrollmentTable, type EnrollmentRow } from './generate.js';
import { contractsTableSchema } from './table-schema.js';

const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

/** The batch baseline: exceljs's full reader loading each file of a folder, in one process. */
async function exceljsFullDir(dir: string): Promise<void> {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${dir}/${f}`) as unknown as ExcelJS.Buffer);
    sheets += wb.worksheets.length;
  }
  out({ files: files.length, sheets });
}

/** (a): the same reader options the validator uses; touches every cell's value. */
async function exceljsRead(file: string): Promise<void> {
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  let cells = 0;
  let chars = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      rows++;
      row.eachCell((cell) => {
        cells++;
        const v = cell.value;
        if (typeof v === 'string') chars += v.length;
      });
    }
  }
  out({ rows, cells, chars, ms: performance.now() - started });
}

/** (c): the model is built first (not timed; the readers' shape, asReaderTable), then validated `runs` times in this process. */
function engine(rows: number, seed: number, runs: number): void {
  const buildStarted = performance.now();
  // The model `validate` checks: shared cells in a columnar table, as the readers build it.
  const table = asReaderTable(contractTable(rows, seed));
  const buildMs = performance.now() - buildStarted;
  const runsMs: number[] = [];
  // CPU time of this thread per run too: on the shared machine wall time includes waiting for a core.
  const runsCpuMs: number[] = [];
  let counts: unknown;
  let violations = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = validateWorkbook({ tables: [table] }, { today: BENCH_TODAY });
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    runsCpuMs.push((used.user + used.system) / 1000);
    counts = report.counts;
    violations = report.violations.length;
  }
  out({ rows, buildMs, runsMs, runsCpuMs, violations, counts });
}

/** (d): casts every row (types, required, enum, minimum/maximum); counts rows that fail. */
async function tableSchemaValidate(file: string): Promise<void> {
  const started = performance.now();
  const table = await tableschema.Table.load(file, { schema: contractsTableSchema(), headers: 1 });
  const iterator = await table.iter({ forceCast: true });
  let rows = 0;
  let invalidRows = 0;
  let fieldErrors = 0;
  for await (const row of iterator as unknown as AsyncIterable<unknown>) {
    rows++;
    if (row instanceof Error) {
      invalidRows++;
      fieldErrors += (row as Error & { errors?: unknown[] }).errors?.length || 1;
    }
  }
  out({ rows, invalidRows, fieldErrors, ms: performance.now() - started });
}

/**
 * Rule cost in isolation: the workbook is analysed (recognised and parsed) once, then each rule
 * runs alone against a fresh context (fresh memo, so a rule pays for the derived data it uses,
 * e.g. contract groups). Best of `runs`. This is the engine's own loop (rules/engine/validate.ts)
 * minus rendering and sorting, so parse-time noise does not swamp the rules' growth.
 */
function ruleContext(analysis: WorkbookAnalysis): { ctx: RuleContext; reported: () => number } {
  const byKind = new Map<SheetKind, ParsedSheet[]>();
  for (const s of analysis.sheets) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const rowsCache = new Map<SheetKind, unknown[]>();
  const memo = new Map<string, unknown>();
  const sheetIssues = analysis.sheets.flatMap((sheet) => sheet.issues.map((issue) => ({ sheet, issue })));
  let reported = 0;
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof YearNotCoveredError) return undefined;
      throw e;
    }
  };
  const ctx: RuleContext = {
    campaign: DEFAULT_CAMPAIGN,
    today: civil.dayFromIso(BENCH_TODAY)!,
    calendar: TW_OFFICE_CALENDAR,
    baseline: undefined,
    pictures: undefined,
    sheets: (kind) => (byKind.get(kind) ?? []) as never,
    rows: (kind) => {
      let r = rowsCache.get(kind);
      if (!r) {
        r = [];
        for (const sheet of byKind.get(kind) ?? []) for (const row of sheet.rows) r.push({ sheet, row });
        rowsCache.set(kind, r);
      }
      return r as never;
    },
    sheetIssues,
    tableIssues: analysis.tableIssues,
    campaignProblems: [],
    report: () => {
      reported++;
    },
    deadlineDay: (day, lead) => guard(() => nthWorkingDayBefore(day, lead, TW_OFFICE_CALENDAR)),
    workingDay: (day) => guard(() => isWorkingDay(day, TW_OFFICE_CALENDAR)),
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
  return { ctx, reported: () => reported };
}

function timeRules(analysis: WorkbookAnalysis, ids: readonly string[], runs: number): { ms: number; violations: number } {
  const rules = ids.map((id) => RULES_BY_ID.get(id)!);
  let best = Infinity;
  let violations = 0;
  for (let i = 0; i < runs; i++) {
    const { ctx, reported } = ruleContext(analysis);
    const started = performance.now();
    for (const rule of rules) rule.check(ctx);
    best = Math.min(best, performance.now() - started);
    violations = reported();
  }
  return { ms: best, violations };
}

/**
 * On 報名表 + 加碼合約 of `rows` contract rows (best of `runs` each): the whole validateWorkbook;
 * analyseWorkbook (recognise + parse); every rule in registry order on one shared context (as the
 * engine runs them: the first rule that needs contract groups pays for them); and the overlap and
 * partner-conformance rules alone on a fresh context (derived data included) for the growth check.
 */
function complexity(rows: number, seed: number, runs: number): void {
  const enrollments: EnrollmentRow[] = [];
  // The model `validate` checks (asReaderTable), as the engine measurement (c) uses.
  const contracts = asReaderTable(contractTable(rows, seed, enrollments));
  const workbook: Workbook = { tables: [asReaderTable(enrollmentTable(enrollments)), contracts] };
  const best = <T>(f: () => T): { ms: number; value: T } => {
    let ms = Infinity;
    let value!: T;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      value = f();
      ms = Math.min(ms, performance.now() - started);
    }
    return { ms, value };
  };
  const validate = best(() => validateWorkbook(workbook, { today: BENCH_TODAY }).violations.length);
  const analysed = best(() => analyseWorkbook(workbook, DEFAULT_CAMPAIGN));
  const analysis = analysed.value;
  // Shared context, registry order, skipping rules whose tabs are absent (as the engine does).
  const present = new Set(analysis.sheets.map((s) => s.kind));
  const runnable = RULES.filter((rule) => rule.meta.requires.every((k) => present.has(k)));
  const perRule: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const { ctx } = ruleContext(analysis);
    for (const rule of runnable) {
      const started = performance.now();
      rule.check(ctx);
      const ms = performance.now() - started;
      perRule[rule.meta.id] = Math.min(perRule[rule.meta.id] ?? Infinity, ms);
    }
  }
  const groups = {
    overlap: timeRules(analysis, ['contract/overlap'], runs),
    partnerConformance: timeRules(analysis, RULE_IDS.filter((id) => id.startsWith('partner/')), runs),
  };
  out({ rows, enrolledShops: enrollments.length, validateMs: validate.ms, violations: validate.value, analyseMs: analysed.ms, groups, perRule });
}

/**
 * The CLI's `validate FILE --format json` (validator/commands/validate.ts) step by step in one
 * thread, so each step's share is measured rather than inferred from a profile.
 */
async function pipeline(file: string, reader: string): Promise<void> {
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await f();
    steps[name] = performance.now() - started;
    return value;
  };
  const workbook = await step(`read (${reader})`, async () => (await readXlsxFile(file)).workbook);
  const cells = workbook.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.length, 0), 0);
  const received = workbook;
  const baseline = await step('baselineFromWorkbook', () => baselineFromWorkbook(received, DEFAULT_CAMPAIGN));
  const checked = await step('validateWorkbook', () => validateWorkbook(received, { today: BENCH_TODAY, path: file }));
  const text = await step('report: buildReport + baselineSection + formatJson', () => {
    const report = { ...buildReport(DEFAULT_CAMPAIGN.id, [checked]), baseline: baselineSection(new Map([[file, baseline]])) } as unknown as CliReport;
    return formatJson(report, { lang: 'zh-TW' } as FormatContext);
  });
  const withoutBaseline = await step('report without the baseline section', () => formatJson(buildReport(DEFAULT_CAMPAIGN.id, [checked]) as unknown as CliReport, { lang: 'zh-TW' } as FormatContext));
  out({ reader, cells, steps, reportBytes: Buffer.byteLength(text), reportBytesWithoutBaseline: Buffer.byteLength(withoutBaseline), baselineContracts: baseline.contracts.length });
}

/**
 * The heap held after each step of a file's check (validator/pool/check-file.ts: read, analyse,
 * validate, then the baseline that --baseline and --record-baseline add), in MB after a full GC;
 * needs `node --expose-gc`. Each step's result is
 * kept alive to the end, as the worker keeps it.
 */
async function heapSteps(file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap: run with node --expose-gc');
  const heapMb = () => {
    gc();
    return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  };
  const heap: Record<string, number> = { start: heapMb() };
  const workbook = (await readXlsxFile(file)).workbook;
  heap.read = heapMb();
  const analysis = analyseWorkbook(workbook, DEFAULT_CAMPAIGN);
  heap.analyseWorkbook = heapMb();
  const checked = validateWorkbook(workbook, { today: BENCH_TODAY, path: file, analysis });
  heap.validateWorkbook = heapMb();
  // Only with --baseline or --record-baseline does the worker build the baseline too.
  const baseline = baselineFromAnalysis(analysis, DEFAULT_CAMPAIGN);
  heap.baselineFromAnalysis = heapMb();
  const rows = analysis.sheets.reduce((n, s) => n + s.rows.length, 0);
  // Peak RSS of this process (a full GC after each step lowers it below the CLI's).
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  out({ rows, heapMb: heap, maxRssMb, baselineContracts: baseline.contracts.length, violations: checked.violations.length });
}

const [cmd, ...args] = process.argv.slice(2);
switch (cmd) {
  case 'exceljs':
    await exceljsRead(args[0]!);
    break;
  case 'exceljs-full':
    await exceljsFullDir(args[0]!);
    break;
  case 'engine':
    engine(Number(args[0]), Number(args[1]), Number(args[2] ?? 1));
    break;
  case 'tableschema':
    await tableSchemaValidate(args[0]!);
    break;
  case 'pipeline':
    await pipeline(args[0]!, 'xlsx');
    break;
  case 'heap':
    await heapSteps(args[0]!);
    break;
  case 'complexity':
    complexity(Number(args[0]), Number(args[1]), Number(args[2] ?? 3));
    break;
  default:
    process.stderr.write('usage: measure.mjs exceljs FILE | engine ROWS SEED [RUNS] | tableschema FILE | pipeline FILE | heap FILE | complexity ROWS SEED [RUNS]\n');
    process.exit(2);
}
