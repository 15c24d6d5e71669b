/**
 * The `partner-check` command line. `main(argv)` dispatches to the subcommands and returns the
 * exit code (bin/partner-check.mjs sets it): 0 no errors · 1 errors found (or more warnings than
 * --max-warnings) · 2 a file could not be read or the command was misused.
 */
import { RULES, RULES_BY_ID, TOOL_VERSION, type Lang } from '../rules/index.js';
import { choiceOption, closest, colorArgs, wantsColor, langOfArgv, langOption, parseArgs, processIo, usageFailure, UsageError, type CliIo } from './args.js';
import { HELP, t, type HelpTopic } from './i18n.js';
import { ruleDetailText, rulesJson, rulesText } from './format/rules.js';
import { CALENDAR_OPTIONS, runCalendar } from './commands/calendar.js';
import { COST_OPTIONS, runCost } from './commands/cost.js';
import { runSchedule, SCHEDULE_OPTIONS } from './commands/schedule.js';
import { runValidate, VALIDATE_OPTIONS } from './commands/validate.js';
import { RING_MAIL_OPTIONS, runRingMail } from './commands/ring-mail.js';
import { DEADLINES_OPTIONS, runDeadlines } from './commands/deadlines.js';
import { applyConfig } from './config.js';
import type { OptionSpecs } from './args.js';

export { processIo } from './args.js';
export type { CliIo } from './args.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** The commands that read the config file, with their options (serve's are loaded with it). */
const CONFIG_SPECS: Readonly<Record<string, () => Promise<OptionSpecs>>> = {
  validate: async () => VALIDATE_OPTIONS,
  calendar: async () => CALENDAR_OPTIONS,
  schedule: async () => SCHEDULE_OPTIONS,
  cost: async () => COST_OPTIONS,
  'ring-mail': async () => RING_MAIL_OPTIONS,
  deadlines: async () => DEADLINES_OPTIONS,
  serve: async () => (await import('./commands/serve.js')).SERVE_OPTIONS,
};

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: runValidate,
  calendar: runCalendar,
  schedule: runSchedule,
  cost: runCost,
  'ring-mail': runRingMail,
  deadlines: runDeadlines,
  rules: runRules,
  template: runTemplate,
  serve: async (argv, io) => (await import('./commands/serve.js')).runServe(argv, io),
};

export async function main(argvIn: readonly string[], ioIn: CliIo = processIo()): Promise<number> {
  const lang = langOfArgv(argvIn);
  let argv: readonly string[] = argvIn;
  let io = ioIn;
  try {
    const colored = colorArgs(argvIn, ioIn.env);
    argv = colored.argv;
    if (colored.env !== ioIn.env) io = { ...ioIn, env: colored.env };
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(ioIn, lang, e, '');
    throw e;
  }
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(HELP.main[lang]);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = rest.find((a) => !a.startsWith('-') && a in HELP && a !== 'main') as HelpTopic | undefined;
      if (topic === undefined && rest[0] === 'template') return runTemplate(['--help', ...rest.slice(1)], io);
      io.stdout.write(HELP[topic ?? 'main'][lang]);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (command.startsWith('--lang')) {
      // `partner-check --lang en validate …`: a global option before the command.
      const skip = command.includes('=') ? 1 : 2;
      const moved = [...argv.slice(skip)];
      return main([...moved, ...argv.slice(0, skip)], io);
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) {
      const near = closest(command, Object.keys(COMMANDS));
      throw near === undefined ? new UsageError('err.unknownCommand', { name: command }) : new UsageError('err.unknownCommandNear', { name: command, near });
    }
    const specs = Object.prototype.hasOwnProperty.call(CONFIG_SPECS, command) ? await CONFIG_SPECS[command]!() : undefined;
    if (specs) {
      const applied = applyConfig(command, rest, specs, io);
      if ('exit' in applied) return applied.exit;
      return await run(applied.argv, io);
    }
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, '');
    io.stderr.write(`partner-check: ${t(lang, 'err.internal', { reason: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    return 2;
  }
}

/** `partner-check rules [ID] [--format text|json]`: the rule catalogue, or one rule's docs. */
async function runRules(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP.rules[lang]);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError('err.unknownOption', { option: positionals[1]! });
    const format = choiceOption(options.format, ['text', 'json'] as const, 'text', '--format');
    const color = wantsColor(io);
    if (positionals.length === 1) {
      const rule = RULES_BY_ID.get(positionals[0]!);
      if (!rule) {
        const near = closest(positionals[0]!, [...RULES_BY_ID.keys()]);
        throw near === undefined ? new UsageError('err.unknownRule', { id: positionals[0]! }) : new UsageError('err.unknownRuleNear', { id: positionals[0]!, near });
      }
      io.stdout.write(format === 'json' ? rulesJson([rule.meta]) : ruleDetailText(rule.meta, { lang, color }));
      return 0;
    }
    const metas = RULES.map((r) => r.meta);
    io.stdout.write(format === 'json' ? rulesJson(metas) : rulesText(metas, { lang, color }));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'rules');
    throw e;
  }
}

interface TemplateModule {
  runTemplateCommand(args: string[], io: CliIo): Promise<number>;
}

/**
 * `partner-check template …` belongs to the templates module (validator/commands/template.ts).
 * It is loaded through a glob import, so the CLI still builds when that module is absent and
 * then says so (exit 2).
 */
async function runTemplate(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = langOfArgv(argv);
  let mod: TemplateModule | undefined;
  try {
    const name = 'template';
    mod = (await import(`./commands/${name}.ts`)) as TemplateModule;
  } catch {
    mod = undefined;
  }
  if (!mod || typeof mod.runTemplateCommand !== 'function') {
    io.stderr.write(`partner-check: ${t(lang, 'err.templateMissing')}\n`);
    return 2;
  }
  return mod.runTemplateCommand([...argv], io);
}
