/**
 * Report helpers shared by every front end: the SPEC §7 envelope, the file entry of an unreadable
 * file, and counting.
 */
import type { FileReport, Lang, Message, Report, ReportViolation } from './types.js';
import { RULES_BY_ID } from './registry.js';
import { renderViolation } from './engine/render.js';

export const TOOL_VERSION = '0.1.0';

/** The file entry for a file that could not be opened (`workbook/unreadable`). */
export function unreadableFileReport(path: string, reason: Message, lang: Lang, meta: Record<string, unknown> = {}): FileReport {
  const rule = RULES_BY_ID.get('workbook/unreadable')!;
  const v = renderViolation(
    { ruleId: rule.meta.id, messageId: 'default', data: { reason: reason['zh-TW'], reasonEn: reason.en }, severity: 'error', sheet: null, row: null, column: null, cell: null },
    rule.meta,
    lang,
  );
  return {
    path,
    error: lang === 'en' ? reason.en : reason['zh-TW'],
    sheets: [],
    violations: [v],
    counts: { errors: 1, warnings: 0, infos: 0 },
    meta: { skippedRules: [], ...meta },
  };
}

export function countViolations(violations: readonly ReportViolation[]): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const v of violations) {
    if (v.severity === 'error') c.errors++;
    else if (v.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Wraps file entries into the SPEC §7 report, files sorted by path. */
export function buildReport(campaignId: string, files: readonly FileReport[]): Report {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const summary = { files: sorted.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of sorted) {
    summary.errors += f.counts.errors;
    summary.warnings += f.counts.warnings;
    summary.infos += f.counts.infos;
  }
  return { tool: 'partner-check', version: TOOL_VERSION, campaign: campaignId, files: sorted, summary };
}
