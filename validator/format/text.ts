/**
 * The default terminal report: grouped by file, then by sheet, one line per violation (cell,
 * severity, message, rule id) with the suggestion below; a summary last. zh-TW unless --lang en;
 * colours only when the context asks (a TTY without NO_COLOR).
 */
import type { ReportViolation, Severity, SheetSummary } from '../../rules/index.js';
import { summaryData, t } from '../i18n.js';
import { DEFAULT_COLUMNS, painter, terminalSafe, displayWidth, wrapText } from './terminal.js';
import type { CliFileReport, CliReport, CliViolation, FormatContext } from './types.js';

const SEVERITY_COLOUR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function formatText(report: CliReport, ctx: FormatContext): string {
  const { lang } = ctx;
  const paint = painter(ctx.color === true);
  const out: string[] = [];
  const title = t(lang, 'report.title', { version: report.version, campaign: ctx.campaignName ?? report.campaign, today: ctx.today ?? '' });
  out.push(...wrapText(title, ctx.columns ?? DEFAULT_COLUMNS).map((l) => paint('bold', l)));
  if (ctx.quiet) out.push(paint('dim', t(lang, 'report.quietHidden')));
  for (const file of report.files) out.push('', ...fileLines(file, ctx, paint));
  out.push('');
  out.push(summaryLine(report, ctx, paint));
  if (report.comparison) {
    const c = report.comparison;
    out.push(t(lang, 'report.comparison', { new: c.new, open: c.open, resolved: c.resolved }));
    if (c.filesNotChecked.length > 0) out.push(t(lang, 'report.notChecked', { files: c.filesNotChecked.map(terminalSafe).join(', ') }));
  }
  if (ctx.maxWarnings !== undefined && report.summary.warnings > ctx.maxWarnings) {
    out.push(paint('yellow', t(lang, 'report.maxWarnings', { warnings: report.summary.warnings, max: ctx.maxWarnings })));
  }
  return out.join('\n') + '\n';
}

type Paint = ReturnType<typeof painter>;

function shown(v: ReportViolation, ctx: FormatContext): boolean {
  return !ctx.quiet || v.severity === 'error';
}

function fileLines(file: CliFileReport, ctx: FormatContext, paint: Paint): string[] {
  const { lang } = ctx;
  const lines: string[] = [];
  const visible = file.violations.filter((v) => shown(v, ctx));
  const extra = file.meta.encoding ? paint('dim', `  (${t(lang, 'report.encoding', { encoding: String(file.meta.encoding) })})`) : '';
  const mark = file.counts.errors > 0 ? paint('red', '✖') : file.counts.warnings > 0 ? paint('yellow', '⚠') : paint('green', '✔');
  lines.push(`${mark} ${paint('bold', terminalSafe(file.path))}${extra}`);
  if (file.error !== null && file.sheets.length === 0) {
    for (const v of visible) lines.push(...violationLines(v, ctx, paint, 4));
    return lines;
  }
  const fileLevel = visible.filter((v) => v.sheet === null);
  if (fileLevel.length > 0) {
    lines.push(`  ${paint('dim', t(lang, 'report.workbookLevel'))}`);
    for (const v of fileLevel) lines.push(...violationBlock(v, ctx, paint));
  }
  const named = new Set(file.sheets.map((s) => s.name));
  for (const sheet of file.sheets) {
    const list = visible.filter((v) => v.sheet === sheet.name);
    if (ctx.quiet && list.length === 0) continue;
    lines.push(`  ${paint('bold', terminalSafe(sheet.name))}  ${paint('dim', sheetDescription(sheet, ctx))}`);
    if (list.length === 0) lines.push(`    ${paint('green', t(lang, 'report.ok'))}`);
    lines.push(...sheetBlock(list, ctx, paint));
  }
  // Violations naming a sheet the summary lacks (should not happen; never drop them).
  const orphans = visible.filter((v) => v.sheet !== null && !named.has(v.sheet));
  for (const v of orphans) lines.push(...violationBlock(v, ctx, paint));
  if (file.violations.length === 0 && file.sheets.length === 0) lines.push(`    ${paint('green', t(lang, 'report.ok'))}`);
  if (file.resolved && file.resolved.length > 0 && !ctx.quiet) {
    lines.push(`  ${paint('green', t(lang, 'report.resolved'))}`);
    for (const v of file.resolved) lines.push(`    ${paint('dim', `${v.sheet ? terminalSafe(v.sheet) + ' ' : ''}${location(v, ctx)}  ${terminalSafe(v.message)}  ${v.ruleId}`)}`);
  }
  return lines;
}

/** A rule reported more often than this in one sheet is summarised (all shown with --verbose). */
export const REPEAT_LIMIT = 5;
/** How many of a summarised rule's violations are still shown, before its summary line. */
export const REPEAT_SHOWN = 3;

/**
 * A sheet's violations in order; without --verbose a rule seen more than REPEAT_LIMIT times
 * keeps its first REPEAT_SHOWN lines and gets one summary line (`101 × contract/late-submission`)
 * at the end of the sheet.
 */
function sheetBlock(list: readonly CliViolation[], ctx: FormatContext, paint: Paint): string[] {
  const counts = new Map<string, number>();
  for (const v of list) counts.set(v.ruleId, (counts.get(v.ruleId) ?? 0) + 1);
  const summarised = ctx.verbose ? new Set<string>() : new Set([...counts].filter(([, n]) => n > REPEAT_LIMIT).map(([id]) => id));
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const v of list) {
    const k = (seen.get(v.ruleId) ?? 0) + 1;
    seen.set(v.ruleId, k);
    if (summarised.has(v.ruleId) && k > REPEAT_SHOWN) continue;
    lines.push(...violationBlock(v, ctx, paint));
  }
  for (const id of summarised) {
    const total = counts.get(id)!;
    lines.push(`    ${paint('dim', t(ctx.lang, 'report.repeated', { count: total, rule: id, hidden: total - REPEAT_SHOWN }))}`);
  }
  return lines;
}

function sheetDescription(sheet: SheetSummary, ctx: FormatContext): string {
  const { lang } = ctx;
  if (sheet.kind === null) return t(lang, 'report.sheetUnknown');
  const kind = t(lang, `kind.${sheet.kind}`);
  if (sheet.headerRow === null) return t(lang, 'report.sheetNoHeader', { kind });
  return t(lang, 'report.sheet', { kind, headerRow: sheet.headerRow, rows: sheet.rows });
}

function location(v: ReportViolation, ctx: FormatContext): string {
  if (v.cell) return v.cell;
  if (v.row !== null) return t(ctx.lang, 'report.row', { row: v.row });
  return '—';
}

const LOCATION_WIDTH = 8;

/**
 * A violation's lines: `    CELL    SEV  message  rule-id` when that fits in the report's
 * columns (80 unless --wide or a wider terminal); otherwise the message wraps under itself and the
 * rule id follows on the last line (or its own), so no line is wider than the columns.
 */
function violationLines(v: CliViolation, ctx: FormatContext, paint: Paint, indent: number): string[] {
  const columns = ctx.columns ?? DEFAULT_COLUMNS;
  const loc = location(v, ctx);
  const locCell = loc + ' '.repeat(Math.max(1, LOCATION_WIDTH - displayWidth(loc)));
  const sev = severityLabel(v.severity, ctx);
  const statusText = v.status === 'new' ? `[${t(ctx.lang, 'status.new')}] ` : '';
  const status = statusText ? paint('magenta', statusText) : '';
  const message = terminalSafe(v.message);
  const lead = ' '.repeat(indent) + locCell + paint(SEVERITY_COLOUR[v.severity], sev) + '  ';
  const leadWidth = indent + displayWidth(locCell) + displayWidth(sev) + 2;
  if (leadWidth + displayWidth(statusText) + displayWidth(message) + 2 + v.ruleId.length <= columns) {
    return [`${lead}${status}${message}  ${paint('gray', v.ruleId)}`];
  }
  const room = Math.max(20, columns - leadWidth);
  const parts = wrapText(message, room, room - displayWidth(statusText));
  const hang = ' '.repeat(leadWidth);
  const lines = parts.map((p, i) => (i === 0 ? `${lead}${status}${p}` : `${hang}${p}`));
  const last = parts[parts.length - 1]!;
  const lastWidth = (parts.length === 1 ? displayWidth(statusText) : 0) + displayWidth(last);
  if (lastWidth + 2 + v.ruleId.length <= room) lines[lines.length - 1] += `  ${paint('gray', v.ruleId)}`;
  else lines.push(`${hang}${paint('gray', v.ruleId)}`);
  return lines;
}

function severityLabel(sev: Severity, ctx: FormatContext): string {
  const label = t(ctx.lang, `sev.${sev}`);
  return label + ' '.repeat(Math.max(0, (ctx.lang === 'en' ? 7 : 4) - displayWidth(label)));
}

function violationBlock(v: CliViolation, ctx: FormatContext, paint: Paint): string[] {
  const lines = violationLines(v, ctx, paint, 4);
  if (v.suggestion) {
    const label = v.suggestion.label ? `（${terminalSafe(v.suggestion.label)}）` : '';
    const text = ctx.lang === 'en' ? `${t(ctx.lang, 'report.suggestion')}: ${terminalSafe(v.suggestion.value)}${label ? ` (${terminalSafe(v.suggestion.label!)})` : ''}` : `${t(ctx.lang, 'report.suggestion')}：${terminalSafe(v.suggestion.value)}${label}`;
    const indent = 4 + LOCATION_WIDTH;
    const room = Math.max(20, (ctx.columns ?? DEFAULT_COLUMNS) - indent - 2);
    wrapText(text, room).forEach((part, i) => lines.push(`${' '.repeat(indent)}${paint('green', `${i === 0 ? '→ ' : '  '}${part}`)}`));
  }
  return lines;
}

function summaryLine(report: CliReport, ctx: FormatContext, paint: Paint): string {
  const s = report.summary;
  const text = t(ctx.lang, 'report.summary', summaryData(s));
  return paint(s.errors > 0 ? 'red' : s.warnings > 0 ? 'yellow' : 'green', text);
}
