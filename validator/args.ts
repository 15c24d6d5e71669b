/**
 * Command-line plumbing shared by every subcommand: the process environment a command runs in
 * (`CliIo`, so tests can run commands in-process), a small option parser with bilingual errors,
 * and the conversions of option values every command needs (language, today, campaign, rule
 * levels). The CLI reads the clock here, at the edge; the rules never do.
 */
import { readFileSync } from 'node:fs';
import { civil, loadCampaign, DEFAULT_CAMPAIGN, RULE_IDS, RULES_BY_ID, renderMessage, type Campaign, type Lang, type SeveritySetting } from '../rules/index.js';
import { t, type StringKey } from './i18n.js';
import { outputColumns } from './format/terminal.js';

/**
 * The columns a command's text output is laid out for: 80, the terminal's width when stdout is
 * a wider terminal, unlimited with `--wide`.
 */
export function textColumns(io: CliIo, wide: unknown): number {
  return outputColumns({ wide: wide === true, columns: io.stdout.isTTY === true ? io.stdout.columns : undefined });
}

/** Where a command writes and what it may know about its surroundings. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock (epoch ms). Only the CLI edge reads it, for the default `--today`. */
  now(): number;
  /** Where the config file lookup starts (default process.cwd()). */
  readonly cwd?: string;
}

/**
 * The real process's io. A closed pipe on stdout (`partner-check … | head`) is not an error
 * worth a stack trace: further output is dropped and the run finishes with its own exit code.
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
      });
    }
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => Date.now() };
}

/**
 * Whether stdout gets ANSI colours: `--color=always|never` (main() turns it into the variables
 * below), else FORCE_COLOR (set and not "0": on; "0": off), else NO_COLOR (set and not empty:
 * off), else only on a terminal — the conventions of https://no-color.org and FORCE_COLOR.
 */
export function wantsColor(io: CliIo): boolean {
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env['NO_COLOR']) return false;
  return io.stdout.isTTY === true;
}

/**
 * Takes the global `--color[=auto|always|never]` / `--no-color` out of an argv and returns the
 * environment it stands for (the commands then ask wantsColor).
 * @throws UsageError for another value
 */
export function colorArgs(argv: readonly string[], env: CliIo['env']): { argv: string[]; env: CliIo['env'] } {
  const rest: string[] = [];
  let mode: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--no-color') mode = 'never';
    else if (a.startsWith('--color=')) mode = a.slice('--color='.length);
    else if (a === '--color') mode = ['auto', 'always', 'never'].includes(argv[i + 1] ?? '') ? argv[++i]! : 'always';
    else rest.push(a);
  }
  if (mode === undefined) return { argv: rest, env };
  if (mode === 'always') return { argv: rest, env: { ...env, FORCE_COLOR: '1', NO_COLOR: undefined } };
  if (mode === 'never') return { argv: rest, env: { ...env, FORCE_COLOR: '0' } };
  if (mode === 'auto') return { argv: rest, env: { ...env, FORCE_COLOR: undefined, NO_COLOR: undefined } };
  throw new UsageError('err.badChoice', { option: '--color', value: mode, choices: 'auto|always|never' });
}

/** A misuse of the command line (exit code 2); the message is rendered at the edge. */
export class UsageError extends Error {
  constructor(
    readonly key: StringKey,
    readonly data: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** A string option that may be given several times (values collected in order). */
  readonly multiple?: boolean;
  /** A one-letter alias, e.g. `h` for `--help`. */
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses `--name value`, `--name=value`, `-h` and positionals; `--` ends the options.
 * @throws UsageError for unknown options, missing values, values given to flags.
 * @example parseArgs(['a.xlsx', '--format', 'json'], { format: { type: 'string' } })
 *   → { options: { format: 'json' }, positionals: ['a.xlsx'] }
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).filter(([, s]) => s.short).map(([name, s]) => [s.short!, name]));
  // The short flags users of ESLint and ripgrep type: -o/-f/-q/-h wherever the long option exists.
  for (const [short, name] of Object.entries(CONVENTIONAL_SHORTS)) if (specs[name] && !byShort.has(short)) byShort.set(short, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.length === 2 && arg.startsWith('-') && arg !== '-') {
      name = byShort.get(arg[1]!);
      if (!name) throw unknownOption(arg, specs);
    } else {
      positionals.push(arg);
      continue;
    }
    const spec = specs[name];
    if (!spec) throw unknownOption(arg.split('=')[0]!, specs);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError('err.flagWithValue', { option: `--${name}` });
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError('err.missingValue', { option: `--${name}` });
      value = next;
      i++;
    }
    if (spec.multiple) {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(value);
      options[name] = list;
    } else {
      options[name] = value;
    }
  }
  return { options, positionals };
}

const CONVENTIONAL_SHORTS: Readonly<Record<string, string>> = { o: 'out', f: 'format', q: 'quiet', h: 'help' };

function unknownOption(option: string, specs: OptionSpecs): UsageError {
  const near = closest(option.replace(/^-+/, ''), Object.keys(specs));
  return near === undefined ? new UsageError('err.unknownOption', { option }) : new UsageError('err.unknownOptionNear', { option, near: `--${near}` });
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate a mistyped word most likely meant (did-you-mean): the nearest by edit distance,
 * at most 2 edits and less than half the word; ties go to the earlier candidate.
 * @example closest('vaildate', ['validate', 'calendar']) → 'validate'
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance <= 2 && bestDistance * 2 < Math.max(word.length, 2) ? best : undefined;
}

/** The `--lang` of an argv, looked up before full parsing so usage errors speak it too. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && isLang(v)) return normalizeLang(v);
  }
  return 'zh-TW';
}

function isLang(v: string): boolean {
  return ['zh-tw', 'zh', 'en'].includes(v.toLowerCase());
}

function normalizeLang(v: string): Lang {
  return v.toLowerCase() === 'en' ? 'en' : 'zh-TW';
}

/** `--lang en|zh-TW` (default zh-TW). */
export function langOption(value: unknown): Lang {
  if (value === undefined) return 'zh-TW';
  if (typeof value !== 'string' || !isLang(value)) throw new UsageError('err.badLang', { value: String(value) });
  return normalizeLang(value);
}

/** A string option from a fixed list. */
export function choiceOption<T extends string>(value: unknown, choices: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError('err.badChoice', { option, value: String(value), choices: choices.join('|') });
}

/** Today's date in Asia/Taipei for an instant, as `YYYY-MM-DD`. */
export function taipeiToday(epochMs: number): string {
  return civil.isoDate(civil.dayOfWall(civil.wallFromInstant(epochMs)));
}

/** `--today YYYY-MM-DD` (a real date), or today in Asia/Taipei from the clock. */
export function todayOption(value: unknown, io: CliIo): string {
  if (value === undefined) return taipeiToday(io.now());
  if (typeof value !== 'string' || civil.dayFromIso(value) === undefined) throw new UsageError('err.badToday', { value: String(value) });
  return value;
}

/** `--month YYYY-MM`. */
export function monthOption(value: unknown, option = '--month'): string {
  if (typeof value !== 'string' || !civil.monthRange(value)) throw new UsageError('err.badMonth', { option, value: String(value ?? '') });
  return value;
}

/** A whole number ≥ 0, e.g. `--max-warnings 10`. */
export function nonNegativeIntOption(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) throw new UsageError('err.badInteger', { option, value: String(value) });
  return Number(value.trim());
}

/** A number (commas allowed, `%` allowed), e.g. `--gmv 1,000,000`, `--cps 8%`. */
export function numberOption(value: unknown, option: string, range: { min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.replace(/[,_\s]/g, '').replace(/%$/, '') : '';
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || (range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw new UsageError('err.badNumber', { option, value: String(value) });
  }
  return n;
}

const LEVELS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/**
 * `--rule id=level` (repeatable) → severity overrides.
 * @example ruleOverrides(['enrollment/unused-chosen-days=off']) → { 'enrollment/unused-chosen-days': 'off' }
 */
export function ruleOverrides(values: readonly string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const item of values ?? []) {
    const eq = item.lastIndexOf('=');
    const id = eq > 0 ? item.slice(0, eq).trim() : '';
    const level = eq > 0 ? item.slice(eq + 1).trim().toLowerCase() : '';
    if (!id) throw new UsageError('err.badRuleSyntax', { value: item });
    if (!RULE_IDS.includes(id)) throw new UsageError('err.unknownRule', { id });
    if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError('err.badRuleLevel', { id, value: level });
    out[id] = level as SeveritySetting;
  }
  return out;
}

export type CampaignOption = { readonly ok: true; readonly campaign: Campaign } | { readonly ok: false; readonly messages: readonly string[] };

/**
 * `--campaign FILE` (JSON) → a loaded campaign, or the `campaign/invalid-config` messages that
 * explain why it cannot be used (unreadable file, bad JSON, schema or consistency problems).
 */
export function campaignOption(file: unknown, lang: Lang): CampaignOption {
  if (file === undefined) return { ok: true, campaign: DEFAULT_CAMPAIGN };
  const meta = RULES_BY_ID.get('campaign/invalid-config')!.meta;
  const render = (problem: string) => renderMessage(meta, 'default', { problem }, lang);
  let text: string;
  try {
    text = readFileSync(String(file), 'utf8');
  } catch (e) {
    return { ok: false, messages: [render(`${String(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, messages: [render(`${String(file)}: JSON ${(e as Error).message}`)] };
  }
  const loaded = loadCampaign(json);
  if (!loaded.ok) return { ok: false, messages: loaded.problems.map(render) };
  return { ok: true, campaign: loaded.campaign };
}

/** Prints a usage error and the hint to the command's help; returns exit code 2. */
export function usageFailure(io: CliIo, lang: Lang, err: UsageError, command: string): number {
  io.stderr.write(`partner-check: ${t(lang, err.key, err.data)}\n${t(lang, 'hint.help', { command })}\n`);
  return 2;
}
