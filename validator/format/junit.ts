/**
 * JUnit XML for CI dashboards: one testsuite per file, one testcase per file and sheet (plus one
 * for file-level problems); each error violation is a <failure>, warnings and infos go to
 * <system-out>. Everything from a user's file is XML-escaped.
 */
import type { ReportViolation } from '../../rules/index.js';
import { t } from '../i18n.js';
import { escapeXml } from './escape.js';
import type { CliFileReport, CliReport, FormatContext } from './types.js';

interface Case {
  readonly name: string;
  readonly violations: readonly ReportViolation[];
}

export function formatJunit(report: CliReport, ctx: FormatContext): string {
  const suites = report.files.map((f) => suiteXml(f, ctx));
  let tests = 0;
  let failures = 0;
  for (const f of report.files) {
    const cases = casesOf(f, ctx);
    tests += cases.length;
    failures += cases.filter((c) => c.violations.some((v) => v.severity === 'error')).length;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="partner-check" tests="${tests}" failures="${failures}" errors="0">\n` +
    suites.join('') +
    `</testsuites>\n`
  );
}

function casesOf(file: CliFileReport, ctx: FormatContext): Case[] {
  const cases: Case[] = [];
  const fileLevel = file.violations.filter((v) => v.sheet === null);
  if (fileLevel.length > 0 || file.sheets.length === 0) cases.push({ name: t(ctx.lang, 'report.workbookLevel'), violations: fileLevel });
  const named = new Set(file.sheets.map((s) => s.name));
  for (const s of file.sheets) cases.push({ name: s.name, violations: file.violations.filter((v) => v.sheet === s.name) });
  const orphans = file.violations.filter((v) => v.sheet !== null && !named.has(v.sheet));
  if (orphans.length > 0) cases.push({ name: '?', violations: orphans });
  return cases;
}

function suiteXml(file: CliFileReport, ctx: FormatContext): string {
  const cases = casesOf(file, ctx);
  const failures = cases.filter((c) => c.violations.some((v) => v.severity === 'error')).length;
  const path = escapeXml(file.path);
  let xml = `  <testsuite name="${path}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n`;
  for (const c of cases) {
    xml += `    <testcase classname="${path}" name="${escapeXml(c.name)}">\n`;
    const errors = c.violations.filter((v) => v.severity === 'error');
    const others = c.violations.filter((v) => v.severity !== 'error');
    if (errors.length > 0) {
      const summary = errors.length === 1 ? errors[0]!.message : `${errors.length} × ${t(ctx.lang, 'sev.error')}: ${errors[0]!.message} …`;
      xml += `      <failure message="${escapeXml(summary)}" type="${escapeXml(errors[0]!.ruleId)}">${escapeXml(errors.map(line).join('\n'))}</failure>\n`;
    }
    if (others.length > 0) xml += `      <system-out>${escapeXml(others.map((v) => `[${t(ctx.lang, `sev.${v.severity}`)}] ${line(v)}`).join('\n'))}</system-out>\n`;
    xml += `    </testcase>\n`;
  }
  xml += `  </testsuite>\n`;
  return xml;
}

function line(v: ReportViolation): string {
  const where = v.cell ?? (v.row !== null ? `#${v.row}` : '-');
  const suggestion = v.suggestion ? ` → ${v.suggestion.value}` : '';
  return `${where} ${v.ruleId}: ${v.message}${suggestion}`;
}
