/**
 * `partner-check calendar --month 2026-05 --chosen 5/6,5/13,5/27`: the month's rebate calendar as
 * the deck's grid (text, JSON or a self-contained HTML page). Also home of `shopCalendars`, the
 * calendars of a workbook's enrolled shops that the HTML report draws.
 */
import { civil, rebateCalendar, shopPlans, type Campaign, type Lang, type ShopPlan, type Workbook } from '../../rules/index.js';
import { campaignOption, choiceOption, langOfArgv, langOption, monthOption, parseArgs, usageFailure, UsageError, textColumns, wantsColor, type CliIo, type OptionSpecs } from '../args.js';
import { identitiesOf, writeFailure, writeOutput } from '../output/index.js';
import { HELP, t } from '../i18n.js';
import { calendarJson, calendarLegend, calendarPage, calendarText, monthTitle } from '../format/calendar.js';
import type { ShopCalendar } from '../format/types.js';
import { monthArgProblems, reportArgProblems } from './arg-checks.js';

export const CALENDAR_OPTIONS: OptionSpecs = {
  month: { type: 'string' },
  chosen: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  campaign: { type: 'string' },
  lang: { type: 'string' },
  wide: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Parses chosen days of one month: `5/6`, `6`, `2026-05-06`, `2026/5/6`, separated by commas
 * (also `，` `、` `;` or spaces).
 * @example parseChosenDays(['5/6,5/13', '27'], '2026-05').map(civil.isoDate) → ['2026-05-06', '2026-05-13', '2026-05-27']
 * @throws UsageError for an item that is not a day of the month
 */
export function parseChosenDays(values: readonly string[], month: string): number[] {
  const range = civil.monthRange(month)!;
  const days = new Set<number>();
  for (const item of values.flatMap((v) => v.split(/[,，、;；\s]+/)).filter((x) => x !== '')) {
    const text = item.trim();
    let y = range.y;
    let m = range.m;
    let d: number | undefined;
    let mt: RegExpExecArray | null;
    if ((mt = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    else if ((mt = /^(\d{1,2})\/(\d{1,2})$/.exec(text))) [m, d] = [Number(mt[1]), Number(mt[2])];
    else if ((mt = /^(\d{1,2})$/.exec(text))) d = Number(mt[1]);
    if (d === undefined || y !== range.y || m !== range.m || !civil.isValidYmd(y, m, d)) throw new UsageError('err.badChosen', { value: text, month });
    days.add(civil.dayFromYmd(y, m, d));
  }
  return [...days].sort((a, b) => a - b);
}

/** The rebate calendars of every enrolled shop of a workbook (shops with an id and a known plan), or of the shop plans given. */
export function shopCalendars(workbook: Workbook | readonly ShopPlan[], campaign: Campaign): ShopCalendar[] {
  const plans = Array.isArray(workbook) ? (workbook as readonly ShopPlan[]) : shopPlans(workbook as Workbook, { campaign });
  return plans.map((plan) => {
    const first = plan.enrollments[0]!;
    const plans = [...new Set(plan.enrollments.map((e) => e.plan).filter((p) => p !== undefined))];
    return {
      shopId: plan.shopId,
      brandName: first.row.values.brandName ?? null,
      sheet: first.sheet.name,
      row: first.row.row,
      planLabel: { 'zh-TW': plans.map((p) => p.label).join('、'), en: plans.map((p) => p.labelEn).join(', ') },
      months: plan.months.map((m) => rebateCalendar(m.month, m.chosenDays, campaign)),
    };
  });
}

export async function runCalendar(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, CALENDAR_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP.calendar[lang]);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('err.unknownOption', { option: positionals[0]! });
    if (options.month === undefined) throw new UsageError('err.needOption', { option: '--month' });
    const month = monthOption(options.month);
    const format = choiceOption(options.format, ['text', 'json', 'html'] as const, 'text', '--format');
    const chosen = parseChosenDays((options.chosen as readonly string[] | undefined) ?? [], month);
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${loaded.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    const campaign = loaded.campaign;
    // The arguments are checked like an enrollment row (same rules, same messages).
    const hasErrors = reportArgProblems(io, monthArgProblems(month, chosen, campaign, lang), lang);
    const cal = rebateCalendar(month, chosen, campaign);
    const rates = campaign.config.rates;
    const color = format === 'text' && options.out === undefined && wantsColor(io);
    let text: string;
    if (format === 'json') text = JSON.stringify({ ...calendarJson(cal), chosen: chosen.map(civil.isoDate), rates }, null, 2) + '\n';
    else if (format === 'html') text = calendarPage([cal], { lang, title: monthTitle(month, lang), rates });
    else text = `${calendarText(cal, { lang, color, columns: textColumns(io, options.wide) })}\n${calendarLegend(rates, lang)}\n`;
    const code = emit(io, lang, text, options.out, typeof options.campaign === 'string' ? [options.campaign] : []);
    return code === 0 && hasErrors ? 1 : code;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'calendar');
    throw e;
  }
}

/**
 * Writes a command's output to stdout, or to --out through the output module (exit 2 when that
 * fails or is refused). `inputs` are the files the command read (never overwritten).
 */
export function emit(io: CliIo, lang: Lang, text: string, out: unknown, inputs: readonly string[] = []): number {
  if (typeof out !== 'string') {
    io.stdout.write(text);
    return 0;
  }
  try {
    writeOutput(out, text, identitiesOf(inputs));
    io.stderr.write(`partner-check: ${t(lang, 'note.wrote', { file: out })}\n`);
    return 0;
  } catch (e) {
    io.stderr.write(`partner-check: ${writeFailure(lang, out, e)}\n`);
    return 2;
  }
}

