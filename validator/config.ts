/**
 * The config file, the way ESLint users expect one: `partner-check.config.json` (or
 * `.partnercheckrc.json`), looked up from the working directory upward to the filesystem root;
 * the nearest one wins (no merging of several files, like ESLint's flat config). It holds the
 * defaults of options the commands already have — rule levels, campaign file (relative to the
 * config file), language, today, max warnings, assets folders (`--assets`). The values are turned
 * into ordinary flags placed *before* the user's own, so a flag on the command line overrides the
 * config (the last `--today` wins, a later `--rule id=level` replaces an earlier one).
 * `--print-config` prints the effective settings as JSON; `--no-config` skips the lookup.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { civil, RULE_IDS, type Lang, type Message } from '../rules/index.js';
import { closest, langOfArgv, langOption, nonNegativeIntOption, parseArgs, ruleOverrides, todayOption, usageFailure, UsageError, type CliIo, type OptionSpecs } from './args.js';

/** File names looked for in each folder, in this order. */
export const CONFIG_NAMES = ['partner-check.config.json', '.partnercheckrc.json'] as const;

const LEVEL = z.enum(['off', 'info', 'warning', 'error']);

/** The config file's schema (defined once; unknown fields are refused). */
export const CONFIG_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), LEVEL)
    .superRefine((rules, ctx) => {
      for (const id of Object.keys(rules)) if (!RULE_IDS.includes(id)) ctx.addIssue({ code: 'custom', path: [id], params: { unknownRule: id } });
    })
    .optional(),
  campaign: z.string().min(1).optional(),
  lang: z.enum(['zh-TW', 'en']).optional(),
  today: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && civil.dayFromIso(v) !== undefined)
    .optional(),
  assets: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  maxWarnings: z.number().int().min(0).optional(),
});

export type ConfigFile = z.infer<typeof CONFIG_SCHEMA>;

/** A config file found and validated; paths in it resolved against its folder. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: ConfigFile;
}

/** What a field expects, said in both languages (the error names the field and this). */
const EXPECTS: Readonly<Record<string, Message>> = {
  $schema: { 'zh-TW': '文字', en: 'text' },
  rules: { 'zh-TW': '物件，格式為 { "規則代碼": "off|info|warning|error" }', en: 'an object of { "rule-id": "off|info|warning|error" }' },
  'rules.*': { 'zh-TW': 'off、info、warning 或 error', en: 'off, info, warning or error' },
  campaign: { 'zh-TW': '活動設定檔的路徑（文字，相對於設定檔所在資料夾）', en: 'the path of a campaign file (text, relative to the config file)' },
  lang: { 'zh-TW': 'zh-TW 或 en', en: 'zh-TW or en' },
  today: { 'zh-TW': 'YYYY-MM-DD 格式的真實日期', en: 'a real date as YYYY-MM-DD' },
  assets: { 'zh-TW': '素材資料夾的路徑（文字或文字陣列，相對於設定檔所在資料夾）', en: 'the path of an assets folder, or a list of them (relative to the config file)' },
  maxWarnings: { 'zh-TW': '0 以上的整數', en: 'a whole number ≥ 0' },
};

/** A config file that cannot be used: which file, which field, why (exit 2). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly problem: Message,
  ) {
    super(`${file}: ${field ?? ''} ${problem.en}`);
    this.name = 'ConfigError';
  }

  render(lang: Lang): string {
    if (this.field === null) return lang === 'en' ? `The config file "${this.file}" cannot be used: ${this.problem.en}` : `設定檔「${this.file}」無法使用：${this.problem['zh-TW']}`;
    return lang === 'en'
      ? `The config file "${this.file}" has a bad field "${this.field}": ${this.problem.en}`
      : `設定檔「${this.file}」的欄位「${this.field}」有誤：${this.problem['zh-TW']}`;
  }
}

/** The nearest config file from `dir` upward (stopping at the filesystem root), or null. */
export function findConfigFile(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Reads and validates a config file; `campaign` and `assets` come back absolute.
 * @throws ConfigError naming the file and the field
 */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError(file, null, { 'zh-TW': `無法讀取（${code}）`, en: `cannot be read (${code})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = (e as Error).message;
    throw new ConfigError(file, null, { 'zh-TW': `不是有效的 JSON（${reason}）`, en: `it is not valid JSON (${reason})` });
  }
  const parsed = CONFIG_SCHEMA.safeParse(json);
  if (!parsed.success) throw issueError(file, parsed.error.issues[0]!);
  const dir = path.dirname(file);
  const config: ConfigFile = { ...parsed.data };
  if (config.campaign !== undefined) config.campaign = path.resolve(dir, config.campaign);
  if (config.assets !== undefined) config.assets = (typeof config.assets === 'string' ? [config.assets] : config.assets).map((a) => path.resolve(dir, a));
  return { file, config };
}

function issueError(file: string, issue: z.core.$ZodIssue): ConfigError {
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return new ConfigError(file, null, { 'zh-TW': '內容要是一個 JSON 物件 { … }', en: 'it must hold one JSON object { … }' });
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const near = closest(key, Object.keys(EXPECTS).filter((k) => !k.includes('*')));
    const hint: Message = near ? { 'zh-TW': `，您是不是要寫「${near}」？`, en: `; did you mean "${near}"?` } : { 'zh-TW': '', en: '' };
    const field = [...issue.path.map(String), key].join('.');
    return new ConfigError(file, field, {
      'zh-TW': `不認識這個欄位（可用：rules、campaign、lang、today、assets、maxWarnings）${hint['zh-TW']}`,
      en: `unknown field (known: rules, campaign, lang, today, assets, maxWarnings)${hint.en}`,
    });
  }
  const field = issue.path.map(String).join('.');
  const unknownRule = issue.code === 'custom' ? (issue.params?.['unknownRule'] as string | undefined) : undefined;
  if (unknownRule !== undefined) {
    const near = closest(unknownRule, RULE_IDS);
    return new ConfigError(file, field, {
      'zh-TW': `沒有這條規則${near ? `，您是不是要寫「${near}」？` : '（partner-check rules 列出所有規則）'}`,
      en: `there is no such rule${near ? `; did you mean "${near}"?` : ' (partner-check rules lists them)'}`,
    });
  }
  const key = issue.path[0] === 'rules' && issue.path.length > 1 ? 'rules.*' : String(issue.path[0]);
  const expects = EXPECTS[key] ?? { 'zh-TW': '', en: '' };
  return new ConfigError(file, field, { 'zh-TW': `應為${expects['zh-TW']}`, en: `expected ${expects.en}` });
}

/**
 * The flags a config stands for, limited to the options the command has. `--assets` is
 * repeatable, so the config's folders are left out when the command line names its own.
 */
export function configFlags(config: ConfigFile, specs: OptionSpecs, userArgv: readonly string[] = []): string[] {
  const flags: string[] = [];
  const userAssets = userArgv.some((a) => a === '--assets' || a.startsWith('--assets='));
  if (Array.isArray(config.assets) && specs['assets'] && !userAssets) for (const a of config.assets) flags.push('--assets', a);
  if (config.rules && specs['rule']) for (const id of Object.keys(config.rules).sort()) flags.push('--rule', `${id}=${config.rules[id]}`);
  if (config.campaign !== undefined && specs['campaign']) flags.push('--campaign', config.campaign);
  if (config.lang !== undefined && specs['lang']) flags.push('--lang', config.lang);
  if (config.today !== undefined && specs['today']) flags.push('--today', config.today);
  if (config.maxWarnings !== undefined && specs['max-warnings']) flags.push('--max-warnings', String(config.maxWarnings));
  return flags;
}

/** The settings in effect for a command line, as `--print-config` shows them. */
export function effectiveConfig(argv: readonly string[], specs: OptionSpecs, loaded: LoadedConfig | null, io: CliIo, cwd: string): Record<string, unknown> {
  const { options } = parseArgs(argv, specs);
  const out: Record<string, unknown> = { configFile: loaded?.file ?? null };
  if (specs['rule']) {
    const rules = ruleOverrides(options['rule'] as readonly string[] | undefined);
    out['rules'] = Object.fromEntries(Object.keys(rules).sort().map((id) => [id, rules[id]]));
  }
  if (specs['campaign']) out['campaign'] = typeof options['campaign'] === 'string' ? path.resolve(cwd, options['campaign']) : null;
  if (specs['lang']) out['lang'] = langOption(options['lang']);
  if (specs['today']) out['today'] = todayOption(options['today'], io);
  if (specs['assets']) out['assets'] = ((options['assets'] as readonly string[] | undefined) ?? []).map((a) => path.resolve(cwd, a));
  if (specs['max-warnings']) out['maxWarnings'] = nonNegativeIntOption(options['max-warnings'], '--max-warnings') ?? null;
  return out;
}

export type ConfigApplied = { readonly argv: readonly string[] } | { readonly exit: number };

/**
 * Applies the config file to a command's argv: handles `--no-config` and `--print-config`,
 * finds and validates the file, and puts its flags before the user's. `--help` skips the lookup.
 */
export function applyConfig(command: string, argv: readonly string[], specs: OptionSpecs, io: CliIo): ConfigApplied {
  const end = argv.indexOf('--');
  const head = end < 0 ? [...argv] : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  if (head.includes('--help') || head.includes('-h')) return { argv };
  const noConfig = head.includes('--no-config');
  const printConfig = head.includes('--print-config');
  const userArgv = [...head.filter((a) => a !== '--no-config' && a !== '--print-config'), ...tail];
  const cwd = io.cwd ?? process.cwd();
  let loaded: LoadedConfig | null = null;
  if (!noConfig) {
    const file = findConfigFile(cwd);
    if (file !== null) {
      try {
        loaded = loadConfigFile(file);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        io.stderr.write(`partner-check: ${e.render(langOfArgv(userArgv))}\n`);
        return { exit: 2 };
      }
    }
  }
  const merged = [...(loaded ? configFlags(loaded.config, specs, head) : []), ...userArgv];
  if (!printConfig) return { argv: merged };
  try {
    io.stdout.write(`${JSON.stringify(effectiveConfig(merged, specs, loaded, io, cwd), null, 2)}\n`);
    return { exit: 0 };
  } catch (e) {
    if (e instanceof UsageError) return { exit: usageFailure(io, langOfArgv(merged), e, command) };
    throw e;
  }
}
