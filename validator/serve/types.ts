/**
 * The JSON `POST /api/check` answers, shared by the server (validator/serve/check.ts) and the
 * page's script (validator/serve/client.ts, which only imports these types). Every string that
 * depends on the language is already rendered in the answer's `lang`.
 */
import type { Lang, Message, RebateReason, ReportViolation } from '../../rules/index.js';

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
  /** Enrolled shops of the file (the check covers all of them). */
  readonly shopsTotal: number;
  readonly downloads: {
    readonly annotated: DownloadLink | null;
    /** The fixed copy (修正檔). */
    readonly fixed: DownloadLink | null;
    readonly schedule: DownloadLink | null;
    readonly json: DownloadLink;
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
  readonly today: string | null;
  readonly campaign: Message;
  readonly maxUploadBytes: number;
  readonly maxUploadMb: number;
  readonly ttlMinutes: number;
  readonly rates: { readonly daily: number; readonly friday: number; readonly chosen: number };
  readonly weekdays: Readonly<Record<Lang, readonly string[]>>;
  /** The calendar's colour key in both languages (rules' calendarLegend). */
  readonly legend: Readonly<Record<Lang, readonly { readonly key: string; readonly bg: string | null; readonly text: string }[]>>;
  readonly strings: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
  readonly tooLarge: Message;
}
