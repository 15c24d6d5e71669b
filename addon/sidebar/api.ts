/**
 * google.script.run as promises. The server functions are the add-on's entry points
 * (addon/server/main.ts); their names are a contract.
 */
import type { AddonReport, ApplyResult, RingMailSkipView, RingMailView } from '../server/check.js';
import type { CalendarView } from '../server/calendar-sheet.js';
import type { CostsView } from '../server/cost-sheet.js';
import type { ScheduleSheetResult } from '../server/schedule-sheet.js';
import type { TemplatesResult } from '../server/templates.js';
import type { LiveStatus } from '../server/live.js';
import type { ProtectedSkip } from '../server/marks.js';
import type { Lang } from './i18n.js';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [fn: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: Runner } };
  }
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler((e) => reject(e));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`no server function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

const QUIET = { quiet: true };

/**
 * What `buildDeadlineSheet` (the 期限清單 tab, addon/server/) returns: like every sheet builder,
 * the tab's name and its row count. Read defensively: the sidebar says "built" without them.
 */
export interface DeadlineSheetResult {
  readonly sheet?: unknown;
  readonly rows?: unknown;
}

export const api = {
  getSettings: () => call<{ lang: Lang }>('getSettings'),
  setLanguage: (lang: Lang) => call<{ lang: Lang }>('setLanguage', lang),
  checkWorkbook: () => call<AddonReport>('checkWorkbook', QUIET),
  clearMarks: () => call<{ cleared: number; protected: readonly ProtectedSkip[] }>('clearMarks', QUIET),
  getLiveStatus: () => call<LiveStatus>('getLiveStatus'),
  setLiveCheck: (on: boolean) => call<LiveStatus>('setLiveCheck', on),
  selectCell: (sheet: string, a1: string) => call<boolean>('selectCell', sheet, a1),
  applySuggestion: (sheet: string, a1: string, value: string, expected: string | undefined) =>
    call<ApplyResult>('applySuggestion', sheet, a1, value, expected === undefined ? null : expected),
  getCalendar: (shopId: string) => call<CalendarView>('getCalendar', shopId),
  getCosts: () => call<CostsView>('getCosts'),
  insertTemplates: () => call<TemplatesResult>('insertTemplates', QUIET),
  buildCalendarSheet: () => call<{ sheet: string; rows: number }>('buildCalendarSheet', QUIET),
  buildScheduleSheet: () => call<ScheduleSheetResult>('buildScheduleSheet', QUIET),
  estimateCosts: () => call<{ sheet: string; rows: number }>('estimateCosts', QUIET),
  buildDeadlineSheet: () => call<DeadlineSheetResult | null | undefined>('buildDeadlineSheet', QUIET),
};

export type { AddonReport, ApplyResult, CalendarView, CostsView, LiveStatus, ProtectedSkip, RingMailSkipView, RingMailView };
