/**
 * The nightly comparison (`--baseline REPORT.json`): reads the previous JSON report, marks each
 * violation of this run `new` or `open`, lists the `resolved` ones per file, and chooses the
 * contract/enrollment baseline each file is checked against (`contract/approved-changed`,
 * `contract/chosen-days-changed`). It also assembles the `baseline` section this run writes so
 * that tomorrow's run can compare.
 *
 * Matching violations across runs ignores the row and cell (inserting a row above must not turn
 * every problem "new") and the message text (the previous run may have used another --lang): two
 * violations are the same when their file, sheet, column, rule, message id, data and value agree;
 * equal ones pair up in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Baseline, ReportViolation } from '../rules/index.js';
import { baselineFromReport } from '../rules/derive/baseline.js';
import type { BaselineSection, CliFileReport, CliViolation, Comparison } from './format/types.js';

export interface PreviousReport {
  /** Violations of the previous run by file path. */
  readonly violationsByPath: ReadonlyMap<string, readonly ReportViolation[]>;
  /** The union baseline (all files), or undefined when the report had none. */
  readonly baseline: Baseline | undefined;
  /** Each file's own baseline, when the report had `baseline.byFile`. */
  readonly byFile: ReadonlyMap<string, Baseline>;
  /** Why the baseline section could not be used (missing or malformed), or null. */
  readonly baselineProblem: string | null;
}

export type PreviousReportRead =
  | { readonly kind: 'ok'; readonly report: PreviousReport }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'not-a-report' }
  /** Nested deeper than MAX_REPORT_DEPTH (no report of ours is): refused before anything walks it. */
  | { readonly kind: 'too-deep'; readonly depth: number };

/** How deeply a report of ours nests, with a wide margin (a real one: about 8 levels). */
export const MAX_REPORT_DEPTH = 64;

/** Whether `json` nests deeper than `max` (iteratively: a hostile file cannot overflow the stack here). */
export function nestsDeeperThan(json: unknown, max: number): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: json, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push({ v: child, d: d + 1 });
  }
  return false;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads and interprets a previous JSON report. */
export function readPreviousReport(file: string): PreviousReportRead {
  if (!existsSync(file)) return { kind: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof RangeError) return { kind: 'too-deep', depth: MAX_REPORT_DEPTH };
    return { kind: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  if (nestsDeeperThan(json, MAX_REPORT_DEPTH)) return { kind: 'too-deep', depth: MAX_REPORT_DEPTH };
  return previousReportFromJson(json);
}

/** Interprets an already-parsed previous report. */
export function previousReportFromJson(json: unknown): PreviousReportRead {
  if (!isRecord(json) || json['tool'] !== 'partner-check' || !Array.isArray(json['files'])) return { kind: 'not-a-report' };
  const violationsByPath = new Map<string, ReportViolation[]>();
  for (const f of json['files'] as unknown[]) {
    if (!isRecord(f) || typeof f['path'] !== 'string') continue;
    const list = Array.isArray(f['violations']) ? (f['violations'] as unknown[]).filter(isViolationLike) : [];
    violationsByPath.set(f['path'], list);
  }
  const read = baselineFromReport(json);
  const byFile = new Map<string, Baseline>();
  const section = json['baseline'];
  if (isRecord(section) && isRecord(section['byFile'])) {
    for (const [path, part] of Object.entries(section['byFile'])) {
      const r = baselineFromReport({ baseline: part });
      if (r.baseline) byFile.set(path, r.baseline);
    }
  }
  return { kind: 'ok', report: { violationsByPath, baseline: read.baseline, byFile, baselineProblem: read.problem } };
}

function isViolationLike(x: unknown): x is ReportViolation {
  return isRecord(x) && typeof x['ruleId'] === 'string' && typeof x['severity'] === 'string';
}

/** Shops a baseline mentions. */
function shopsOf(b: Baseline): Set<string> {
  return new Set([...b.contracts.map((c) => c.shopId), ...b.enrollments.map((e) => e.shopId), ...(b.deals ?? []).map((d) => d.shopId)]);
}

/**
 * The baseline a file is checked against: the file's own part of the previous report when it
 * has one; else (a renamed export, an older report) the union restricted to the shops this
 * file holds, so one brand's file is never compared with another brand's contracts.
 */
export function baselineForFile(prev: PreviousReport, path: string, current: Baseline): Baseline | undefined {
  const own = prev.byFile.get(path);
  if (own) return own;
  if (!prev.baseline) return undefined;
  const shops = shopsOf(current);
  return {
    contracts: prev.baseline.contracts.filter((c) => shops.has(c.shopId)),
    enrollments: prev.baseline.enrollments.filter((e) => shops.has(e.shopId)),
    deals: (prev.baseline.deals ?? []).filter((d) => shops.has(d.shopId)),
  };
}

function stableJson(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value ?? null);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
    .join(',')}}`;
}

/** What identifies a violation across runs (see the module comment). */
export function violationFingerprint(v: ReportViolation): string {
  const data = v.data !== undefined ? stableJson(v.data) : JSON.stringify(v.message ?? '');
  return [v.sheet ?? '', v.column ?? '', v.ruleId, v.messageId ?? '', data, v.value ?? ''].join('\u0001');
}

/** Marks each file's violations new/open and lists the resolved ones. */
export function compareWithPrevious(files: readonly CliFileReport[], prev: PreviousReport): { files: CliFileReport[]; comparison: Comparison } {
  let newCount = 0;
  let openCount = 0;
  let resolvedCount = 0;
  const out = files.map((file) => {
    const pool = new Map<string, ReportViolation[]>();
    for (const old of prev.violationsByPath.get(file.path) ?? []) {
      const k = violationFingerprint(old);
      const list = pool.get(k);
      if (list) list.push(old);
      else pool.set(k, [old]);
    }
    const violations: CliViolation[] = file.violations.map((v) => {
      const list = pool.get(violationFingerprint(v));
      if (list && list.length > 0) {
        list.shift();
        openCount++;
        return { ...v, status: 'open' };
      }
      newCount++;
      return { ...v, status: 'new' };
    });
    const resolved = [...pool.values()].flat();
    resolvedCount += resolved.length;
    return { ...file, violations, resolved };
  });
  const checked = new Set(files.map((f) => f.path));
  const filesNotChecked = [...prev.violationsByPath.keys()].filter((p) => !checked.has(p)).sort();
  return { files: out, comparison: { new: newCount, open: openCount, resolved: resolvedCount, filesNotChecked } };
}

/** The `baseline` section of this run's report: the union, plus each file's part by path. */
export function baselineSection(byFile: ReadonlyMap<string, Baseline>): BaselineSection {
  const paths = [...byFile.keys()].sort();
  const contracts = paths.flatMap((p) => byFile.get(p)!.contracts);
  const enrollments = paths.flatMap((p) => byFile.get(p)!.enrollments);
  const deals = paths.flatMap((p) => byFile.get(p)!.deals ?? []);
  const parts: Record<string, Baseline> = {};
  for (const p of paths) parts[p] = byFile.get(p)!;
  return { contracts, enrollments, ...(deals.length > 0 ? { deals } : {}), byFile: parts };
}
