/**
 * `partner-check schedule ENROLLMENT.xlsx [--out contracts.xlsx]`: for each enrolled shop, its
 * rebate calendar, the generated 加碼合約 schedule (schedulesForWorkbook, with D-3 deadlines) and
 * the cost estimate (estimateCosts). The .xlsx/.csv written with --out uses the contracts columns
 * so it can be pasted into the CMS and checked again with `validate`.
 * Exit 0 · 1 the enrollment has errors (the schedule is still produced from what could be read) ·
 * 2 unreadable file or misuse.
 */
import path from 'node:path';
import { estimateCosts, schedulesForWorkbook, TOOL_VERSION, unreadableFileReport, validateWorkbook, type Lang } from '../../rules/index.js';
import { readWorkbookFile } from '../read/guarded.js';
import { campaignOption, choiceOption, langOfArgv, langOption, parseArgs, todayOption, usageFailure, UsageError, textColumns, wantsColor, type CliIo, type OptionSpecs } from '../args.js';
import { identitiesOf, writeFailure, writeOutput } from '../output/index.js';
import { notRegularFileReason } from '../output/inputs.js';
import { HELP, printable, t } from '../i18n.js';
import { scheduleCsv, scheduleJson, scheduleText, scheduleXlsx, type ShopSchedule } from '../format/schedule.js';
import { shopCalendars } from './calendar.js';

export const SCHEDULE_OPTIONS: OptionSpecs = {
  out: { type: 'string' },
  format: { type: 'string' },
  campaign: { type: 'string' },
  today: { type: 'string' },
  lang: { type: 'string' },
  wide: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export async function runSchedule(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, SCHEDULE_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP.schedule[lang]);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('err.oneFile');
    const format = choiceOption(options.format, ['text', 'json'] as const, 'text', '--format');
    const today = todayOption(options.today, io);
    const out = typeof options.out === 'string' ? options.out : undefined;
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${loaded.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    const campaign = loaded.campaign;
    const file = positionals[0]!;
    const notFile = notRegularFileReason(file);
    const read = notFile ? ({ ok: false, reason: notFile } as const) : await readWorkbookFile(file);
    if (!read.ok) {
      const report = unreadableFileReport(file, read.reason, lang);
      io.stderr.write(`partner-check: ${printable(file)}: ${printable(report.violations[0]!.message)}\n`);
      return 2;
    }
    const checked = validateWorkbook(read.workbook, { campaign, today, lang, path: file });
    // The schedule is built from the enrollment alone: only its errors make the schedule doubtful
    // (late contracts or ring requests elsewhere in the workbook are the validate command's business).
    const enrollmentSheets = new Set(checked.sheets.filter((s) => s.kind === 'enrollment').map((s) => s.name));
    const enrollmentErrors = checked.violations.filter(
      (v) => v.severity === 'error' && v.sheet !== null && enrollmentSheets.has(v.sheet) && !/^(partner|ring)\//.test(v.ruleId),
    ).length;
    const schedules = schedulesForWorkbook(read.workbook, { campaign });
    const costs = estimateCosts(read.workbook, { campaign });
    const calendars = shopCalendars(read.workbook, campaign);
    const shops: ShopSchedule[] = schedules.map((schedule) => ({
      shopId: schedule.shopId,
      schedule,
      calendar: calendars.find((c) => c.shopId === schedule.shopId),
      costs: costs.find((c) => c.shopId === schedule.shopId),
    }));
    if (enrollmentErrors > 0) {
      io.stderr.write(`partner-check: ${t(lang, 'note.scheduleHasErrors', { errors: enrollmentErrors, file })}\n`);
    }
    let failed = false;
    if (out !== undefined) {
      try {
        const bytes = path.extname(out).toLowerCase() === '.csv' ? scheduleCsv(schedules) : await scheduleXlsx(schedules);
        writeOutput(out, bytes, identitiesOf([file, ...(typeof options.campaign === 'string' ? [options.campaign] : [])]));
        io.stderr.write(`partner-check: ${t(lang, 'note.wrote', { file: out })}\n`);
      } catch (e) {
        io.stderr.write(`partner-check: ${writeFailure(lang, out, e)}\n`);
        failed = true;
      }
    }
    const color = format === 'text' && wantsColor(io);
    io.stdout.write(
      format === 'json'
        ? scheduleJson(shops, { tool: 'partner-check', version: TOOL_VERSION, campaign: campaign.id, file })
        : scheduleText(shops, { lang, color, columns: textColumns(io, options.wide) }),
    );
    if (failed) return 2;
    return enrollmentErrors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'schedule');
    throw e;
  }
}
