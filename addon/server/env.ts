/**
 * The few facts the add-on takes from Apps Script besides the sheet itself: the user's language,
 * "today" in Asia/Taipei, and the campaign. Every function here calls a service, so none of them
 * may run at load time (the bundle's top level calls nothing: onOpen may run in AuthMode.NONE).
 */
import { DEFAULT_CAMPAIGN, type Campaign, type Lang } from '../../rules/index.js';

/** SPEC §2: every date is Asia/Taipei wall-clock time, whatever the spreadsheet's or script's zone. */
export const TAIPEI = 'Asia/Taipei';

const LANG_KEY = 'partnerCheck.lang';

export function isLang(x: unknown): x is Lang {
  return x === 'zh-TW' || x === 'en';
}

/** The user's language (user properties), zh-TW by default or when properties are unavailable. */
export function getLang(): Lang {
  try {
    const v = PropertiesService.getUserProperties().getProperty(LANG_KEY);
    return isLang(v) ? v : 'zh-TW';
  } catch {
    return 'zh-TW';
  }
}

export function saveLang(lang: Lang): void {
  PropertiesService.getUserProperties().setProperty(LANG_KEY, lang);
}

/** "Today" as `YYYY-MM-DD` in Asia/Taipei (deadline rules compare against it). */
export function todayTaipei(): string {
  return Utilities.formatDate(new Date(), TAIPEI, 'yyyy-MM-dd');
}

/** The current Asia/Taipei wall-clock reading, `YYYY-MM-DD HH:mm:ss`, for "checked at". */
export function nowTaipei(): string {
  return Utilities.formatDate(new Date(), TAIPEI, 'yyyy-MM-dd HH:mm:ss');
}

/** The campaign the add-on checks against: the built-in default (SPEC §3). */
export function campaign(): Campaign {
  return DEFAULT_CAMPAIGN;
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Removes undefined and anything JSON cannot carry: what google.script.run returns must be plain. */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
