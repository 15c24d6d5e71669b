/**
 * The `calendar` and `cost` arguments checked like the sheets (issue 13): the same rule ids and
 * messages as an enrollment row would get — more chosen days than any commitment allows
 * (`enrollment/too-many-chosen-days`), chosen days or a month outside the campaign's plans
 * (`enrollment/chosen-day-outside-plan`), `--cps 0.08` read as 8% (`cell/ambiguous-percent`),
 * and a year the office calendar lacks (`calendar/year-not-covered`). Printed on stderr; errors
 * make the exit code 1 (the output is still produced from what was given).
 */
import { civil, isWorkingDay, renderMessage, RULES_BY_ID, tooManyChosenDaysData, TW_OFFICE_CALENDAR, YearNotCoveredError, type Campaign, type Lang, type MessageData, type Severity } from '../../rules/index.js';
const { monthLabel } = civil;
import type { CliIo } from '../args.js';

export interface ArgProblem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly option: string;
  readonly message: string;
}

function problem(ruleId: string, option: string, data: MessageData, lang: Lang): ArgProblem {
  const meta = RULES_BY_ID.get(ruleId)!.meta;
  return { ruleId, severity: meta.defaultSeverity, option, message: renderMessage(meta, 'default', data, lang) };
}

/** The problems of a month and its chosen days. */
export function monthArgProblems(month: string, chosen: readonly number[], campaign: Campaign, lang: Lang): ArgProblem[] {
  const out: ArgProblem[] = [];
  const range = civil.monthRange(month)!;
  try {
    isWorkingDay(range.first, TW_OFFICE_CALENDAR);
  } catch (e) {
    if (!(e instanceof YearNotCoveredError)) throw e;
    out.push(problem('calendar/year-not-covered', '--month', { year: e.year, covered: e.covered.join('、'), coveredEn: e.covered.join(', ') }, lang));
  }
  const planMonths = [...new Set(campaign.plans.flatMap((p) => p.months))].sort();
  const names = { plan: campaign.config.name, planEn: campaign.config.nameEn, months: planMonths.map((m) => monthLabel(m, 'zh-TW')).join('、'), monthsEn: planMonths.map((m) => monthLabel(m, 'en')).join(', ') };
  if (!planMonths.includes(month)) {
    const items = chosen.length > 0 ? chosen.map(civil.shortDate) : [monthLabel(month, lang)];
    for (const text of items) out.push(problem('enrollment/chosen-day-outside-plan', chosen.length > 0 ? '--chosen' : '--month', { text, ...names }, lang));
  }
  const allowance = campaign.config.chosenDayAllowance.both;
  if (chosen.length > allowance) out.push(problem('enrollment/too-many-chosen-days', '--chosen', tooManyChosenDaysData(month, chosen.length, allowance), lang));
  return out;
}

/** `--cps 0.08`: a plain number in (0, 1) is a fraction, as in a sheet cell; flagged. */
export function percentArg(text: string, value: number, option: string, lang: Lang): { value: number; problems: ArgProblem[] } {
  if (value > 0 && value < 1) {
    const v = Math.round(value * 100 * 1e9) / 1e9;
    return { value: v, problems: [problem('cell/ambiguous-percent', option, { column: option, text, percent: `${v}%` }, lang)] };
  }
  return { value, problems: [] };
}

/** Writes the problems to stderr; returns whether any is an error. */
export function reportArgProblems(io: CliIo, problems: readonly ArgProblem[], lang: Lang): boolean {
  for (const p of problems) {
    const sev = lang === 'en' ? p.severity : { error: '錯誤', warning: '警告', info: '提示' }[p.severity];
    io.stderr.write(`partner-check: ${p.option} ${sev}  ${p.message}  ${p.ruleId}\n`);
  }
  return problems.some((p) => p.severity === 'error');
}
