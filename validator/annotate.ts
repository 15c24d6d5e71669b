/**
 * The annotated copy (`--annotate DIR`, the upload page's 標註檔) and the fixed copy (`--fix DIR`,
 * 修正檔). Both are the user's own package, patched (validator/ooxml/patch.ts): every part is
 * copied as stored except what the marks need — styles.xml gains cell formats that clone each
 * marked cell's own format plus a fill, the marked cells point at them, notes go in as legacy
 * comments with their VML (a user's own comment keeps its text, ours comes below), and a new
 * first tab 檢查結果 lists the violations (or, in a fixed copy, the changes) with links. No cell
 * value of the user's is rewritten in an annotated copy; a fixed copy rewrites exactly the cells
 * it lists.
 *
 * A CSV input first becomes an .xlsx whose cells carry real types (annotate-csv.ts), then gets
 * the same marks. Everything the tool writes (the 檢查結果 tab, notes) is neutralised against
 * formula injection; the output is written atomically and never onto an input.
 */
import { realpathSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import path from 'node:path';
import { validateWorkbook, type ValidateOptions, type Campaign, type Lang, type ReportViolation, type SeveritySetting, type Severity, type Workbook } from '../rules/index.js';
import { readXlsxBytes } from './read/xlsx.js';
import { markPackage, packageSheetNames, type SheetMarks, type SummaryCell, type SummaryTab } from './annotate-package.js';
import { typedCsvWorkbook } from './annotate-csv.js';
import { pickFixes, type FixCandidate } from './annotate-fix.js';
import { writeFileAtomic } from './fs-atomic.js';
import { summaryData, t } from './i18n.js';
import { neutralize } from './neutralize.js';
import { openPackage, patchPackage, type PackageReader } from './ooxml/patch.js';
import { memorySource, openFileSource, type ByteSource } from './ooxml/byte-source.js';
import type { CliFileReport, CliViolation } from './format/types.js';

export const SUMMARY_SHEET = '檢查結果';

/** ARGB fills by severity; infos get a note but no fill. */
export const SEVERITY_FILL: Readonly<Record<Severity, string | null>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: null };
/** The fill of a cell a fixed copy changed, and of the 檢查結果 header row. */
export const FIXED_FILL = 'FFC6EFCE';
const HEADER_FILL = 'FFE2EFDA';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export interface AnnotateInput {
  /** The file as checked (read only). */
  readonly inputPath: string;
  /** Its model: a CSV's copy is built from it (an .xlsx copy patches the package and does not look at it). */
  readonly workbook: Workbook;
  /** Which reader produced the model: `csv` inputs are rebuilt as typed .xlsx, the others patched. */
  readonly reader: 'full' | 'stream' | 'csv' | string;
  readonly report: CliFileReport;
  readonly lang: Lang;
  readonly today: string;
  /** The campaign the file was checked with (for the year of dates like 5/8 in CSV and fixes). */
  readonly campaign?: Campaign;
}

export interface FixInput extends AnnotateInput {
  readonly campaign: Campaign;
  /**
   * Checks a candidate copy as the caller checked the input (same campaign, today, rule levels)
   * and returns its violations, or null when it cannot be read. A fix is kept only when the
   * copy no longer shows the violation it claimed to fix and shows nothing new on its row.
   */
  readonly revalidate: (bytes: Uint8Array) => Promise<readonly ReportViolation[] | null>;
  /**
   * The candidates when the caller picked them already (`pickFixes` of the report, the model and
   * the campaign), so that it need not keep the model while the copy is written.
   */
  readonly fixes?: readonly FixCandidate[];
}

/**
 * `<basename>.checked.xlsx`; when that name is taken in this batch, `<basename> (2).checked.xlsx` …
 * @example annotatedFileName('forms/報名表.csv', new Set()) === '報名表.checked.xlsx'
 */
export function annotatedFileName(inputPath: string, taken: Set<string>, suffix = '.checked.xlsx'): string {
  const base = path.basename(inputPath, path.extname(inputPath));
  let name = `${base}${suffix}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${suffix}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of `[]:*?/\`, not blank. */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `'報名表'!C4`, the location of a cell in another sheet. */
export function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * `HYPERLINK("#'報名表'!C4","C4")`: a link to a cell of this workbook that Excel and LibreOffice
 * follow. Quotes in the sheet name are escaped, so user text can never leave the string literal.
 */
export function hyperlinkFormula(sheet: string, cell: string, label: string): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(`#${internalLink(sheet, cell)}`)},${quote(label)})`;
}

/** The header cells (first three) of a 檢查結果 tab, in either language: how a re-check recognises our own tab. */
function summarySignatures(): string[][] {
  return (['zh-TW', 'en'] as const).map((lang) => [t(lang, 'col.sheet'), t(lang, 'col.cell'), t(lang, 'col.column')]);
}

/**
 * The workbook without the tool's own 檢查結果 tab (named 檢查結果 or 檢查結果 (n), with our
 * header row): re-checking an annotated or fixed copy reports exactly what the user's tabs hold.
 */
export function withoutSummaryTab(workbook: Workbook): Workbook {
  const signatures = summarySignatures();
  const tables = workbook.tables.filter((table) => {
    if (!/^檢查結果(?: \(\d+\))?$/.test(table.name)) return true;
    const header = (table.rows[1] ?? []).slice(0, 3).map((c) => c?.text ?? '');
    return !signatures.some((sig) => sig.every((h, i) => header[i] === h));
  });
  return tables.length === workbook.tables.length ? workbook : { ...workbook, tables };
}

/** Writes the annotated copy to `outPath` (atomically, never onto the input). */
export async function writeAnnotatedCopy(input: AnnotateInput, outPath: string): Promise<void> {
  refuseInputAsOutput(input.inputPath, outPath);
  await withPackage(input, async (pkg, alias) => {
    const marks = violationMarks(input.report.violations, input.lang, alias);
    const summary = violationSummary(input, pkg, alias);
    const marked = markPackage(pkg, { sheets: marks, summary });
    writeFileAtomic(outPath, patchPackage(pkg, marked.patch).chunks());
  });
}

export interface FixOutcome {
  /** The changes the copy holds, in report order. */
  readonly applied: readonly FixCandidate[];
}

/** Rounds of "apply, re-check, drop what did not hold" before giving up on the remaining fixes. */
const MAX_FIX_ROUNDS = 8;

/**
 * Writes the fixed copy: every safe suggestion applied (fix candidates from annotate-fix.ts),
 * verified by re-checking the copy; returns what it changed.
 */
export async function writeFixedCopy(input: FixInput, outPath: string): Promise<FixOutcome> {
  refuseInputAsOutput(input.inputPath, outPath);
  return withPackage(input, async (pkg, alias) => {
    let fixes = input.fixes ? [...input.fixes] : pickFixes(input.report.violations, input.workbook, input.campaign);
    const before = new Set(input.report.violations.map(violationKey));
    let bytes: Uint8Array | null = null;
    for (let round = 0; round <= MAX_FIX_ROUNDS; round++) {
      const last = round === MAX_FIX_ROUNDS;
      if (last) fixes = [];
      const marked = markPackage(pkg, { sheets: fixMarks(fixes, input.lang, alias), summary: fixSummary(input, fixes, pkg, alias) });
      const refused = new Set<string>();
      for (const [sheet, cells] of marked.skipped) for (const c of cells) refused.add(`${sheet}\u0001${c}`);
      if (refused.size > 0 && !last) {
        fixes = fixes.filter((f) => !refused.has(`${alias(f.sheet)}\u0001${f.cell}`));
        continue;
      }
      const candidate = patchPackage(pkg, marked.patch).bytes();
      if (fixes.length === 0) {
        bytes = candidate;
        break;
      }
      const after = await input.revalidate(candidate);
      if (after === null) {
        fixes = [];
        continue;
      }
      const failing = failedFixes(fixes, after, before);
      if (failing.size === 0) {
        bytes = candidate;
        break;
      }
      fixes = fixes.filter((f) => !failing.has(f));
    }
    writeFileAtomic(outPath, bytes!);
    return { applied: fixes };
  });
}

/**
 * Checks a candidate fixed copy the way the input was checked: read from memory by the same
 * .xlsx reader (with its limits), its 檢查結果 tab left out. Nothing is written to disk, so a
 * worker killed in the middle of this (heap, time) leaves nothing in the temp folder; the copy
 * is read in this thread, which is already a pool worker under the pool's heap limit and timeout.
 */
export async function revalidateCopy(bytes: Uint8Array, name: string, check: (workbook: Workbook) => readonly ReportViolation[]): Promise<readonly ReportViolation[] | null> {
  // Test-only hook (test/robustness/killed-worker.test.ts; never set otherwise): the worker thread
  // dies here, in the middle of a file, as one killed by its heap limit or timeout would.
  const dieFor = process.env['PARTNER_CHECK_TEST_DIE_IN_FIX_CHECK'];
  if (dieFor && path.basename(name).includes(dieFor) && !isMainThread) process.exit(70);
  let workbook: Workbook;
  try {
    workbook = await readXlsxBytes(bytes);
  } catch {
    return null;
  }
  return check(withoutSummaryTab(workbook));
}

/** The `revalidate` of a fixed copy checked like its input: same campaign, today, language and rule levels. */
export function revalidator(opts: { campaign: Campaign; today: string; lang: Lang; path: string; severities?: Record<string, SeveritySetting>; pictures?: ValidateOptions['pictures'] }): FixInput['revalidate'] {
  // The copy is re-checked in a temp folder: the input's pictures (read beside the input) come along as facts.
  return (bytes) => revalidateCopy(bytes, path.basename(opts.path), (workbook) => validateWorkbook(workbook, { campaign: opts.campaign, today: opts.today, lang: opts.lang, path: opts.path, ...(opts.severities ? { severities: opts.severities } : {}), ...(opts.pictures ? { pictures: opts.pictures } : {}) }).violations);
}

const violationKey = (v: ReportViolation) => `${v.sheet}\u0001${v.cell ?? ''}\u0001${v.row ?? ''}\u0001${v.ruleId}`;

/**
 * Fixes that did not hold: those whose violation is still there, or whose row shows a violation
 * the input did not have. A new violation on a row no fix touched (a changed chosen day makes a
 * contract's rate wrong) is blamed on the fixes of one other tab — the first by name — or, when
 * only its own tab has fixes, on all of them; the next round re-checks without them.
 */
function failedFixes(fixes: readonly FixCandidate[], after: readonly ReportViolation[], before: ReadonlySet<string>): Set<FixCandidate> {
  const failing = new Set<FixCandidate>();
  const still = new Set(after.map((v) => `${v.sheet}\u0001${v.cell}\u0001${v.ruleId}`));
  const fresh = after.filter((v) => !before.has(violationKey(v)));
  const freshRows = new Set(fresh.map((v) => `${v.sheet}\u0001${v.row}`));
  for (const f of fixes) {
    if (f.resolves.some((ruleId) => still.has(`${f.sheet}\u0001${f.cell}\u0001${ruleId}`))) failing.add(f);
    else if (freshRows.has(`${f.sheet}\u0001${f.row}`)) failing.add(f);
  }
  if (failing.size > 0) return failing;
  const fixedRows = new Set(fixes.map((f) => `${f.sheet}\u0001${f.row}`));
  const stray = fresh.find((v) => !fixedRows.has(`${v.sheet}\u0001${v.row}`));
  if (!stray) return failing;
  const others = [...new Set(fixes.map((f) => f.sheet).filter((sheet) => sheet !== stray.sheet))].sort();
  const blamed = others.length > 0 ? others[0] : stray.sheet;
  for (const f of fixes) if (others.length === 0 || f.sheet === blamed) failing.add(f);
  return failing;
}

function refuseInputAsOutput(inputPath: string, outPath: string): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  if (real(inputPath) === real(outPath)) throw new Error(`refusing to write onto the input ${inputPath}`);
}

/**
 * Opens the package to patch: the user's .xlsx (read in place, block by block), or the typed
 * .xlsx built from a CSV. `alias` maps the report's sheet names to the package's tab names.
 */
async function withPackage<T>(input: AnnotateInput, use: (pkg: PackageReader, alias: (sheet: string) => string) => Promise<T>): Promise<T> {
  let src: ByteSource & { close?: () => void };
  let alias = (sheet: string) => sheet;
  if (input.reader === 'csv') {
    const built = await typedCsvWorkbook(input.workbook, input.report.violations, input.campaign);
    src = memorySource(built.bytes);
    alias = (sheet) => built.names.get(sheet) ?? sheet;
  } else {
    src = openFileSource(input.inputPath);
  }
  try {
    return await use(openPackage(src), alias);
  } finally {
    src.close?.();
  }
}

function noteText(list: readonly CliViolation[], lang: Lang): string {
  return list
    .map((v) => {
      const lines = [`[${t(lang, `sev.${v.severity}`)}] ${v.message}`];
      if (v.suggestion) lines.push(`${t(lang, 'report.suggestion')}${lang === 'en' ? ': ' : '：'}${v.suggestion.value}${v.suggestion.label ? `（${v.suggestion.label}）` : ''}`);
      lines.push(`(${v.ruleId})`);
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Fill by the worst severity and one note listing the violations, per blamed cell. */
function violationMarks(violations: readonly CliViolation[], lang: Lang, alias: (sheet: string) => string): Map<string, SheetMarks> {
  const byCell = new Map<string, { sheet: string; cell: string; list: CliViolation[] }>();
  for (const v of violations) {
    if (v.sheet === null || v.cell === null) continue;
    const key = `${v.sheet}\u0001${v.cell}`;
    const entry = byCell.get(key);
    if (entry) entry.list.push(v);
    else byCell.set(key, { sheet: v.sheet, cell: v.cell, list: [v] });
  }
  const sheets = new Map<string, { fills: Map<string, string>; notes: Map<string, string> }>();
  for (const { sheet, cell, list } of byCell.values()) {
    const name = alias(sheet);
    let m = sheets.get(name);
    if (!m) sheets.set(name, (m = { fills: new Map(), notes: new Map() }));
    const worst = list.reduce<Severity>((w, v) => (SEVERITY_RANK[v.severity] > SEVERITY_RANK[w] ? v.severity : w), 'info');
    const fill = SEVERITY_FILL[worst];
    if (fill) m.fills.set(cell, fill);
    m.notes.set(cell, neutralize(noteText(list, lang)));
  }
  return sheets;
}

function fixMarks(fixes: readonly FixCandidate[], lang: Lang, alias: (sheet: string) => string): Map<string, SheetMarks> {
  const sheets = new Map<string, { fills: Map<string, string>; notes: Map<string, string>; writes: Map<string, FixCandidate['value']> }>();
  for (const f of fixes) {
    const name = alias(f.sheet);
    let m = sheets.get(name);
    if (!m) sheets.set(name, (m = { fills: new Map(), notes: new Map(), writes: new Map() }));
    m.fills.set(f.cell, FIXED_FILL);
    m.writes.set(f.cell, f.value);
    m.notes.set(f.cell, neutralize(`${t(lang, 'fix.note', { before: f.before === '' ? '∅' : f.before, after: f.after })}\n(${f.ruleId})`));
  }
  return sheets;
}

function summaryName(pkg: PackageReader): string {
  return safeSheetName(SUMMARY_SHEET, new Set(packageSheetNames(pkg).map((n) => n.toLowerCase())));
}

function linkCell(sheetNames: ReadonlySet<string>, sheet: string | null, cell: string | null, row: number | null, lang: Lang): SummaryCell {
  const where = cell ?? (row !== null ? t(lang, 'report.row', { row }) : '');
  if (sheet !== null && sheetNames.has(sheet) && (cell || row !== null)) {
    return { text: where, style: 'link', formula: hyperlinkFormula(sheet, cell ?? `A${row}`, where) };
  }
  return { text: where };
}

const text = (s: string | null | undefined): SummaryCell => ({ text: s ? neutralize(s) : '' });

function violationSummary(input: AnnotateInput, pkg: PackageReader, alias: (sheet: string) => string): SummaryTab {
  const { lang, report } = input;
  const sheetNames = new Set(packageSheetNames(pkg));
  const headers = [t(lang, 'col.sheet'), t(lang, 'col.cell'), t(lang, 'col.column'), t(lang, 'col.severity'), t(lang, 'col.rule'), t(lang, 'col.message'), t(lang, 'col.value'), t(lang, 'col.suggestion')];
  const withStatus = report.violations.some((v) => v.status !== undefined);
  if (withStatus) headers.push(t(lang, 'col.status'));
  const rows: SummaryCell[][] = [
    [{ text: neutralize(`${path.basename(input.inputPath)} — ${t(lang, 'annotate.summary', { ...summaryData({ files: 1, ...report.counts }), today: input.today })}`), style: 'title' }],
    headers.map((h) => ({ text: h, style: 'header' as const })),
  ];
  for (const v of report.violations) {
    const fill = SEVERITY_FILL[v.severity];
    const row: SummaryCell[] = [
      text(v.sheet),
      linkCell(sheetNames, v.sheet === null ? null : alias(v.sheet), v.cell, v.row, lang),
      text(v.column),
      { text: t(lang, `sev.${v.severity}`), ...(fill ? { style: { fill } } : {}) },
      { text: v.ruleId },
      { ...text(v.message), style: 'wrap' },
      text(v.value),
      text(v.suggestion ? v.suggestion.value + (v.suggestion.label ? `（${v.suggestion.label}）` : '') : ''),
    ];
    if (withStatus) row.push({ text: v.status ? t(lang, `status.${v.status}`) : '' });
    rows.push(row);
  }
  if (report.violations.length === 0) rows.push([{ text: t(lang, 'annotate.noProblems') }]);
  return { name: summaryName(pkg), rows, widths: [14, 10, 16, 8, 34, 70, 24, 30, 8].slice(0, headers.length), fills: [HEADER_FILL, SEVERITY_FILL.error!, SEVERITY_FILL.warning!] };
}

function fixSummary(input: AnnotateInput, fixes: readonly FixCandidate[], pkg: PackageReader, alias: (sheet: string) => string): SummaryTab {
  const { lang } = input;
  const sheetNames = new Set(packageSheetNames(pkg));
  const headers = [t(lang, 'col.sheet'), t(lang, 'col.cell'), t(lang, 'col.column'), t(lang, 'col.rule'), t(lang, 'col.before'), t(lang, 'col.after'), t(lang, 'col.message')];
  const rows: SummaryCell[][] = [
    [{ text: neutralize(`${path.basename(input.inputPath)} — ${t(lang, 'fix.summary', { count: fixes.length, today: input.today })}`), style: 'title' }],
    headers.map((h) => ({ text: h, style: 'header' as const })),
  ];
  for (const f of fixes) {
    rows.push([text(f.sheet), linkCell(sheetNames, alias(f.sheet), f.cell, f.row, lang), text(f.column), { text: f.ruleId }, text(f.before), text(f.after), { ...text(f.message), style: 'wrap' }]);
  }
  if (fixes.length === 0) rows.push([{ text: t(lang, 'fix.none') }]);
  return { name: summaryName(pkg), rows, widths: [14, 10, 16, 34, 24, 24, 70], fills: [HEADER_FILL, FIXED_FILL] };
}
