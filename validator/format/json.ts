/**
 * The SPEC §7 JSON report: `{ tool, version, campaign, files, summary }` first, extra sections
 * (`comparison`, `baseline`) after. Keys are written in a fixed order and the files and
 * violations keep the engine's deterministic order, so two runs on the same input produce the
 * same bytes. No timestamps.
 */
import type { ReportViolation } from '../../rules/index.js';
import type { CliFileReport, CliReport, CliViolation, FormatContext } from './types.js';

export function formatJson(report: CliReport, _ctx: FormatContext): string {
  const out: Record<string, unknown> = {
    tool: report.tool,
    version: report.version,
    campaign: report.campaign,
    files: report.files.map(fileJson),
    summary: { ...report.summary },
  };
  if (report.comparison) out.comparison = report.comparison;
  if (report.baseline) out.baseline = report.baseline;
  return JSON.stringify(out, null, 2) + '\n';
}

function fileJson(file: CliFileReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    path: file.path,
    error: file.error,
    sheets: file.sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, rows: s.rows })),
    violations: file.violations.map(violationJson),
    counts: { ...file.counts },
    meta: file.meta,
  };
  if (file.resolved) out.resolved = file.resolved.map(violationJson);
  return out;
}

/** A violation with the SPEC §7 fields first, then the extras (`messageId`, `data`, `status`). */
export function violationJson(v: ReportViolation | CliViolation): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: v.ruleId,
    severity: v.severity,
    sheet: v.sheet,
    row: v.row,
    column: v.column,
    cell: v.cell,
    message: v.message,
  };
  if (v.value !== undefined) out.value = v.value;
  if (v.suggestion !== undefined) out.suggestion = v.suggestion;
  out.messageId = v.messageId;
  out.data = v.data;
  if ('status' in v && v.status !== undefined) out.status = v.status;
  return out;
}
