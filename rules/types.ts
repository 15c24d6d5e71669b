/**
 * Shared types of the rules engine: rule metas, violations and reports. Reports follow SPEC §7
 * (`files[].sheets`, `files[].violations`); field names here are a contract.
 */
export type Lang = 'zh-TW' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type SheetKind = 'enrollment' | 'contracts' | 'base-contracts' | 'ring-data' | 'ad-materials' | 'flash-deals' | 'oa-binding';
export const SHEET_KINDS: readonly SheetKind[] = ['enrollment', 'contracts', 'base-contracts', 'ring-data', 'ad-materials', 'flash-deals', 'oa-binding'];

/**
 * What the caller found out about one picture named in a sheet (SPEC §4.9), read from the file's
 * own header by the validator: the rules never read files. `format` is the detected type
 * (`jpg`, `png`, `gif`, `webp`, … as image-size names them); `unreadable` when the file is not a
 * picture the reader recognises (e.g. a PDF renamed `.jpg`).
 */
export type PictureFact =
  | { readonly format: string; readonly width: number; readonly height: number; readonly bytes: number }
  | { readonly unreadable: true; readonly bytes: number };

/** Pictures at hand, by the cell text naming them (trimmed). A name missing here is not at hand. */
export type PictureFacts = ReadonlyMap<string, PictureFact>;

/** A message in both languages; `{name}` placeholders are filled from a violation's data. */
export interface Message {
  readonly 'zh-TW': string;
  readonly en: string;
}

export type MessageData = Record<string, string | number>;

/** A value the tool can compute for the user, e.g. a cleaned remark or a free non-Friday day. */
export interface Suggestion {
  /** The value to put into the cell, as text the user would type. */
  readonly value: string;
  /** Optional explanation, already in both languages. */
  readonly label?: Message;
}

export interface RuleMeta {
  /** Rule id from SPEC §5, e.g. `contract/overlap`. Never renamed. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** What the rule looks at, for docs and grouping. */
  readonly scope: 'workbook' | 'sheet' | 'cell' | 'calendar' | 'campaign' | 'enrollment' | 'contracts' | 'partner' | 'ring' | 'asset' | 'ad' | 'deal' | 'oa';
  /** Tabs the rule needs; when one is missing the rule is skipped (listed in report metadata). */
  readonly requires: readonly SheetKind[];
  /** One line for the rule catalogue. */
  readonly docs: Message;
  /** Message templates by message id; `default` is used when a report names none. */
  readonly messages: Readonly<Record<string, Message>>;
  /** Whether violations of this rule may carry a suggestion. */
  readonly hasSuggestion: boolean;
}

/** A violation as data; rendered into a language only at the edge (`renderViolation`). */
export interface Violation {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: MessageData;
  readonly severity: Severity;
  /** Sheet name as in the workbook, or null for file-level problems. */
  readonly sheet: string | null;
  /** 1-based spreadsheet row, or null. */
  readonly row: number | null;
  /** The column header as the user wrote it, or null. */
  readonly column: string | null;
  /** A1 address of the cell to blame, or null. */
  readonly cell: string | null;
  /** The offending cell's display text, when one cell is to blame. */
  readonly value?: string;
  readonly suggestion?: Suggestion;
}

/** SPEC §7 violation entry: a Violation plus its rendered message. */
export interface ReportViolation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly cell: string | null;
  readonly message: string;
  readonly value?: string;
  readonly suggestion?: { readonly value: string; readonly label?: string };
  readonly messageId: string;
  readonly data: MessageData;
}

export interface SheetSummary {
  readonly name: string;
  readonly kind: SheetKind | null;
  /** 1-based header row, or null when none was found. */
  readonly headerRow: number | null;
  /** Number of data rows below the header (blank rows excluded). */
  readonly rows: number;
}

/** One file's entry of the SPEC §7 report. */
export interface FileReport {
  readonly path: string;
  /** A message when the file could not be read at all; otherwise null. */
  readonly error: string | null;
  readonly sheets: readonly SheetSummary[];
  readonly violations: readonly ReportViolation[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** Extra facts: rules skipped for a missing tab, the encoding a CSV was read in, … */
  readonly meta: {
    readonly skippedRules: readonly { readonly ruleId: string; readonly missing: readonly SheetKind[] }[];
    readonly encoding?: string;
    readonly [key: string]: unknown;
  };
}

export interface Report {
  readonly tool: 'partner-check';
  readonly version: string;
  readonly campaign: string;
  readonly files: readonly FileReport[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}
