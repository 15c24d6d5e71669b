/**
 * What the formatters receive: the SPEC §7 report as the CLI builds it (the engine's report plus
 * the CLI's extra fields) and a context of presentation choices. Formatters are pure
 * `(report, ctx) => string`; they never read files, the clock or the environment.
 */
import type { Baseline, FileReport, Lang, Message, RebateMonth, Report, ReportViolation } from '../../rules/index.js';

export type ViolationStatus = 'new' | 'open';

/** A violation as the CLI reports it: with `status` when a previous report was compared. */
export interface CliViolation extends ReportViolation {
  readonly status?: ViolationStatus;
}

export interface CliFileReport extends FileReport {
  readonly violations: readonly CliViolation[];
  /** With --baseline: problems of the previous report that are gone now. */
  readonly resolved?: readonly ReportViolation[];
}

/** With --baseline: counts of the comparison and the files the previous run had but this one lacks. */
export interface Comparison {
  readonly new: number;
  readonly open: number;
  readonly resolved: number;
  readonly filesNotChecked: readonly string[];
}

/** What tomorrow's run compares against: the union over all files, and each file's own part. */
export interface BaselineSection extends Baseline {
  readonly byFile: Readonly<Record<string, Baseline>>;
}

export interface CliReport extends Report {
  readonly files: readonly CliFileReport[];
  readonly baseline?: BaselineSection;
  readonly comparison?: Comparison;
}

/** One enrolled shop's rebate calendar, for the HTML report's month grids. */
export interface ShopCalendar {
  readonly shopId: string;
  readonly brandName: string | null;
  readonly sheet: string;
  readonly row: number;
  /** The plan(s) the shop enrolled in, in both languages. */
  readonly planLabel: Message;
  readonly months: readonly RebateMonth[];
}

export interface FormatContext {
  readonly lang: Lang;
  /** ANSI colours (text output on a terminal without NO_COLOR). */
  readonly color?: boolean;
  /** Campaign display name. */
  readonly campaignName?: string;
  /** "Today" the check used, `YYYY-MM-DD`. */
  readonly today?: string;
  /** --quiet: errors only. */
  readonly quiet?: boolean;
  /** --verbose: every violation in the text report, none summarised. */
  readonly verbose?: boolean;
  /** Columns the text report wraps at (default 80; Infinity with --wide). */
  readonly columns?: number;
  readonly maxWarnings?: number;
  /** Calendars of enrolled shops by file path (HTML). */
  readonly calendars?: Readonly<Record<string, readonly ShopCalendar[]>>;
  /** The campaign's rates, for calendar legends. */
  readonly rates?: { readonly daily: number; readonly friday: number; readonly chosen: number };
}

export type Formatter = (report: CliReport, ctx: FormatContext) => string;
