/**
 * What a rule is: a `meta` (id, default severity, docs, messages in both languages, whether it
 * suggests values) beside a `check` that reports problems through the context. Rules never
 * throw on user data and never read the clock or the file system.
 */
import type { RuleMeta, SheetKind, MessageData, Suggestion, PictureFacts } from '../types.js';
import type { ParsedSheet, ParsedRow, SheetIssue } from '../sheet/parse.js';
import type { Campaign } from '../campaign/campaign.js';
import type { OfficeCalendar } from '../time/office-calendar.js';
import type { Baseline } from './baseline.js';

export interface ReportInput {
  /** The sheet to blame, or null for a file-level problem. */
  readonly sheet: ParsedSheet | { readonly name: string } | null;
  /** 1-based row, or the parsed row. */
  readonly row?: number | ParsedRow | null;
  /** Column key (resolved to the header as written and the A1 cell), when one cell is to blame. */
  readonly key?: string;
  /** 0-based column index, when the column has no key (e.g. an unknown header). */
  readonly col?: number | null;
  readonly messageId?: string;
  readonly data?: MessageData;
  readonly suggestion?: Suggestion;
}

/** A recognition problem of a whole tab (unknown kind, no header row). */
export interface TableIssue {
  readonly ruleId: 'workbook/unknown-sheet' | 'sheet/no-header';
  readonly sheet: string;
  readonly data: MessageData;
}

export interface RuleContext {
  readonly campaign: Campaign;
  /** "Today" as a day number (Asia/Taipei), an input: never the clock. */
  readonly today: number;
  readonly calendar: OfficeCalendar;
  readonly baseline: Baseline | undefined;
  /**
   * Pictures the caller could read (SPEC §4.9), by the cell text naming them; undefined when no
   * picture is ever at hand (the add-on). Rules see facts, never files.
   */
  readonly pictures: PictureFacts | undefined;
  /** All parsed tabs of a kind, in workbook order. */
  sheets<K extends SheetKind>(kind: K): readonly ParsedSheet<K>[];
  /** Every (sheet, row) of a kind, in workbook order. */
  rows<K extends SheetKind>(kind: K): readonly { readonly sheet: ParsedSheet<K>; readonly row: ParsedRow<K> }[];
  /** Problems the sheet parser found (for `sheet/*` and `cell/*` rules). */
  readonly sheetIssues: readonly { readonly sheet: ParsedSheet; readonly issue: SheetIssue }[];
  /** Recognition problems of tabs (for `workbook/unknown-sheet`, `sheet/no-header`). */
  readonly tableIssues: readonly TableIssue[];
  /** Problems of the campaign config, when the caller passed one that failed to load. */
  readonly campaignProblems: readonly string[];
  report(input: ReportInput): void;
  /**
   * The D-n submission deadline (day number) of something starting on `startDay`, or undefined
   * when the office calendar lacks a year (then `calendar/year-not-covered` is reported once for
   * that sheet, row and column).
   */
  deadlineDay(startDay: number, leadWorkingDays: number, where: { sheet: ParsedSheet; row: ParsedRow; key: string }): number | undefined;
  /** Whether a day is an office working day; undefined (and reported) when the year is not covered. */
  workingDay(day: number, where: { sheet: ParsedSheet; row: ParsedRow; key: string }): boolean | undefined;
  /** Per-validation cache for data several rules derive (indexes, contract groups). */
  memo<T>(key: string, compute: () => T): T;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Identity helper that keeps a rule's literal types. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A message in both languages. */
export function msg(zh: string, en: string): { readonly 'zh-TW': string; readonly en: string } {
  return { 'zh-TW': zh, en };
}
