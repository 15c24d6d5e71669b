/**
 * The JSON `POST /api/check` answers, shared by the server (validator/serve/check.ts) and the
 * page's script (validator/serve/client.ts, which only imports these types). Every string that
 * depends on the language is already rendered in the answer's `lang`.
 */
import type { Lang, Message, RebateReason, ReportViolation } from '../../rules/index.js';
import type { BarChartLayout, RateMonthLayout } from '../format/chart.js';

/** The SPEC §7 report of the one uploaded file (what `validate --format json` prints). */
export interface JsonReport {
  readonly tool: 'partner-check';
  readonly version: string;
  readonly campaign: string;
  readonly files: readonly JsonFileReport[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface JsonFileReport {
  readonly path: string;
  readonly error: string | null;
  readonly sheets: readonly { readonly name: string; readonly kind: string | null; readonly headerRow: number | null; readonly rows: number }[];
  readonly violations: readonly JsonViolation[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly meta: Readonly<Record<string, unknown>>;
}

/** A violation as the JSON report prints it (SPEC §7): the rules' own shape, minus the message data. */
export type JsonViolation = Omit<ReportViolation, 'messageId' | 'data'>;

/** One downloadable file: its URL (`/download/:id`), the name it is saved as, its size. */
export interface DownloadLink {
  readonly id: string;
  readonly url: string;
  readonly name: string;
  readonly bytes: number;
}

export interface CalendarDayView {
  readonly date: string;
  /** `1日` / `1`. */
  readonly dayText: string;
  /** `任選日10%` / `chosen 10%` … */
  readonly label: string;
  readonly rate: number;
  readonly reason: RebateReason;
  readonly holiday: string | null;
  readonly workingDay: boolean | null;
  /** The td's classes (rules' dayClasses: the shared calendar style). */
  readonly cls: string;
}

export interface CalendarMonthView {
  readonly month: string;
  readonly title: string;
  /** Monday-first weeks; null pads the first and last week. */
  readonly weeks: readonly (readonly (CalendarDayView | null)[])[];
  /** The month's rates as one bar per day (validator/format/chart.ts's layout; the page draws it as SVG). */
  readonly rates: RateMonthLayout;
}

/** One ring-data request e-mail (rules' ringMailsForWorkbook, as `partner-check ring-mail` builds it). */
export interface RingMailView {
  readonly sheet: string;
  readonly row: number;
  readonly shopId: string;
  readonly to: string;
  readonly subject: string;
  /** The six body lines, `\n`-separated. */
  readonly body: string;
  /** `mailto:` with the subject and body percent-encoded (rules' ringMailto). */
  readonly mailto: string;
  readonly sendDate: string;
  readonly sendTime: string;
  /** `11/28(五)`: the latest day to send the e-mail, or null. */
  readonly sendByLabel: string | null;
  /** The .eml file (MailComposer). */
  readonly eml: DownloadLink | null;
}

/** A ring-data row that gets no e-mail, and why. */
export interface RingSkipView {
  readonly sheet: string;
  readonly row: number;
  readonly shopId: string | null;
  readonly reasons: readonly { readonly ruleId: string; readonly cell: string | null; readonly message: string }[];
}

/** One row of the cost table, amounts already rounded for display (`NT$1,234`). */
export interface CostRowView {
  readonly month: string;
  readonly gmv: string;
  readonly cpsNow: string;
  readonly cpsPartner: string;
  readonly increase: string;
  readonly points: string;
  readonly saving: string;
  readonly net: string;
  readonly negative: boolean;
}

export interface ShopView {
  readonly shopId: string;
  readonly brandName: string | null;
  readonly plan: string;
  readonly sheet: string;
  readonly row: number;
  readonly months: readonly CalendarMonthView[];
  readonly costs: { readonly rows: readonly CostRowView[]; readonly total: CostRowView | null; readonly notes: readonly string[] } | null;
  readonly schedule: {
    readonly contracts: readonly { readonly start: string; readonly end: string; readonly remark: string; readonly rate: number; readonly submitBy: string | null }[];
    readonly problems: readonly string[];
  };
}

export interface CheckResponse {
  readonly ok: true;
  readonly lang: Lang;
  readonly file: { readonly name: string; readonly bytes: number };
  readonly report: JsonReport;
  /** The workbook/unreadable reason when the file could not be read, else null. */
  readonly unreadable: string | null;
  /** The enrolled shops the page draws: the first MAX_PAGE_SHOPS (validator/serve/check.ts) of `shopsTotal`. */
  readonly shops: readonly ShopView[];
  /** The check date the server used (`YYYY-MM-DD`, Asia/Taipei unless `--today`). */
  readonly today: string;
  /** Ring-data request e-mails of the rows without errors, and the rows skipped. */
  readonly ringMails: readonly RingMailView[];
  readonly ringSkipped: readonly RingSkipView[];
  /** How many deadlines the 期限 downloads list. */
  readonly deadlineCount: number;
  /** Pictures sent together with the file, and which of them the sheets name (and were checked). */
  readonly pictures: { readonly sent: number; readonly used: readonly string[] };
  /** Per-rule and per-shop violation counts as bar-chart layouts, null when there is nothing to draw. */
  readonly charts: { readonly rules: BarChartLayout | null; readonly shops: BarChartLayout | null };
  /** Enrolled shops of the file (the check covers all of them). */
  readonly shopsTotal: number;
  readonly downloads: {
    readonly annotated: DownloadLink | null;
    /** The fixed copy (修正檔). */
    readonly fixed: DownloadLink | null;
    readonly schedule: DownloadLink | null;
    readonly json: DownloadLink;
    /** The same report as `validate --format html` / `--format junit`. */
    readonly html: DownloadLink;
    readonly junit: DownloadLink;
    /** 期限: the deadlines as iCalendar and as CSV (`partner-check deadlines`). */
    readonly ics: DownloadLink | null;
    readonly deadlinesCsv: DownloadLink | null;
  };
  /** Why the annotated copy is missing although the file was read (rare), else null. */
  readonly annotateError: string | null;
}

export interface ErrorResponse {
  readonly ok: false;
  readonly error: { readonly code: string; readonly message: Message };
}

/** What the server puts into the page for its script. */
export interface BootData {
  readonly lang: Lang;
  readonly version: string;
  /** The check date: `--today`, or today in Taipei when the page was served (each check answers its own). */
  readonly today: string;
  readonly campaign: Message;
  readonly maxUploadBytes: number;
  readonly maxUploadMb: number;
  readonly ttlMinutes: number;
  /** A tab with more problems than this starts collapsed (the HTML report's OPEN_LIMIT). */
  readonly openLimit: number;
  readonly rates: { readonly daily: number; readonly friday: number; readonly chosen: number };
  readonly weekdays: Readonly<Record<Lang, readonly string[]>>;
  /** The calendar's colour key in both languages (rules' calendarLegend). */
  readonly legend: Readonly<Record<Lang, readonly { readonly key: string; readonly bg: string | null; readonly text: string }[]>>;
  readonly strings: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
  readonly tooLarge: Message;
}
