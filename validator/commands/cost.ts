/**
 * `partner-check cost --gmv 1000000 --cps 8 [--base 2] [--month 2026-05 --chosen …]`: the CPS cost
 * of joining the plan and the value of the points LINE購物 funds, for one month (estimateCost).
 */
import { civil, estimateCost, TOOL_VERSION, type Lang } from '../../rules/index.js';
import { campaignOption, choiceOption, langOfArgv, langOption, monthOption, numberOption, parseArgs, usageFailure, UsageError, textColumns, wantsColor, type CliIo, type OptionSpecs } from '../args.js';
import { HELP, t } from '../i18n.js';
import { costText } from '../format/cost.js';
import { withDisplayAmounts } from '../format/schedule.js';
import { emit, parseChosenDays } from './calendar.js';
import { monthArgProblems, percentArg, reportArgProblems } from './arg-checks.js';

export const COST_OPTIONS: OptionSpecs = {
  gmv: { type: 'string' },
  cps: { type: 'string' },
  base: { type: 'string' },
  month: { type: 'string' },
  chosen: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  campaign: { type: 'string' },
  lang: { type: 'string' },
  wide: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export async function runCost(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, COST_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP.cost[lang]);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('err.unknownOption', { option: positionals[0]! });
    if (options.gmv === undefined) throw new UsageError('err.needOption', { option: '--gmv' });
    if (options.cps === undefined) throw new UsageError('err.needOption', { option: '--cps' });
    const gmv = numberOption(options.gmv, '--gmv', { min: 0 })!;
    const cpsArg = percentArg(String(options.cps), numberOption(options.cps, '--cps', { min: 0, max: 100 })!, '--cps', lang);
    const cps = cpsArg.value;
    const base = numberOption(options.base, '--base', { min: 0, max: 100 });
    const format = choiceOption(options.format, ['text', 'json'] as const, 'text', '--format');
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${loaded.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    const campaign = loaded.campaign;
    const month = options.month === undefined ? civil.monthKeyOfDay(campaign.periodStart) : monthOption(options.month);
    const chosen = parseChosenDays((options.chosen as readonly string[] | undefined) ?? [], month);
    // The arguments are checked like an enrollment row (same rules, same messages).
    const hasErrors = reportArgProblems(io, [...cpsArg.problems, ...monthArgProblems(month, chosen, campaign, lang)], lang);
    const estimate = estimateCost({ monthlyGmv: gmv, currentCps: cps, ...(base !== undefined ? { baseRate: base } : {}), month, chosenDays: chosen }, campaign);
    const color = format === 'text' && options.out === undefined && wantsColor(io);
    const text =
      format === 'json'
        ? JSON.stringify({ tool: 'partner-check', version: TOOL_VERSION, campaign: campaign.id, chosenDays: chosen.map(civil.isoDate), estimate: withDisplayAmounts(estimate) }, null, 2) + '\n'
        : costText(estimate, { lang, color, columns: textColumns(io, options.wide) });
    const code = emit(io, lang, text, options.out, typeof options.campaign === 'string' ? [options.campaign] : []);
    return code === 0 && hasErrors ? 1 : code;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'cost');
    throw e;
  }
}
