/**
 * `partner-check template [enrollment|contracts|base-contracts|ring-data|all] --out DIR`:
 * writes blank .xlsx templates generated from the column definitions (templates/build.ts);
 * `all` also writes the example workbooks into DIR/examples (unless --no-examples).
 * `npm run templates` runs `template all --out templates`, which regenerates every committed file.
 *
 * Existing files are never replaced unless `--force` is given (nothing is written then).
 *
 * Exit codes: 0 written · 2 misuse, a file already exists, or a file could not be written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHEET_KINDS, templateSpec, type Campaign, type Lang, type SheetKind } from '../../rules/index.js';
import { campaignOption, langOption, parseArgs, UsageError } from '../args.js';
import { t } from '../i18n.js';
import { writeTemplates } from '../../templates/build.js';
import { examples, writeExamples } from '../../templates/examples.js';

type Sink = ((text: string) => void) | { write(text: string): unknown };

/** Where the command writes: plain functions, or stream-like objects (the CLI's CliIo). */
export interface TemplateIo {
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** Output language; `--lang` in args overrides it. Default zh-TW. */
  readonly lang?: Lang;
}

const KINDS = [...SHEET_KINDS, 'all'] as const;
type KindArg = (typeof KINDS)[number];

const HELP: Record<Lang, string> = {
  'zh-TW': `用法：partner-check template [enrollment|contracts|base-contracts|ring-data|all] [選項]

產生空白範本（.xlsx）：第 1 列為凍結的中英文欄位名稱、欄寬、欄位說明（註解）、
下拉選單、日期與百分比格式，並附「說明」工作表。all 會產生四個範本，並在 DIR/examples
產生範例檔 clean.xlsx（沒有任何問題）與 mistakes.xlsx（常見錯誤，每個錯誤都有註解標示規則）。

選項：
  --out DIR           輸出資料夾（預設：目前資料夾）
  --no-examples       搭配 all：不產生範例檔
  --force             覆寫已存在的檔案（沒有這個選項時不會覆寫任何檔案）
  --campaign FILE     活動設定檔（JSON；方案下拉選單取自其中）
  --lang zh-TW|en     訊息語言
  --help, -h          顯示說明

結束代碼：0 已產生 · 2 用法錯誤、檔案已存在或無法寫入
`,
  en: `Usage: partner-check template [enrollment|contracts|base-contracts|ring-data|all] [options]

Writes blank templates (.xlsx): a frozen zh-TW/English header row, column widths, help as header
notes, dropdowns, date and percent formats, and an instructions (說明) tab. "all" writes the four
templates plus, in DIR/examples, clean.xlsx (no problems at all) and mistakes.xlsx (typical
mistakes, each labelled with its rule in a cell note).

Options:
  --out DIR           output folder (default: the current folder)
  --no-examples       with "all": skip the example workbooks
  --force             replace files that already exist (without it, nothing is replaced)
  --campaign FILE     campaign config (JSON; the plan dropdown comes from it)
  --lang zh-TW|en     message language
  --help, -h          show this help

Exit codes: 0 written · 2 misuse, a file already exists, or a file could not be written
`,
};

const MSG = {
  wrote: { 'zh-TW': '已產生 {file}', en: 'wrote {file}' },
  badKind: { 'zh-TW': '未知的範本「{value}」；可用：{choices}。', en: 'Unknown template "{value}"; use one of {choices}.' },
  tooMany: { 'zh-TW': '只能指定一種範本（或 all）。', en: 'Name one template (or all).' },
  noExamplesWithKind: { 'zh-TW': '--no-examples 只能搭配 all。', en: '--no-examples only goes with all.' },
  exists: { 'zh-TW': '{files} 已存在，未寫入任何檔案；要覆寫請加上 --force。', en: 'Not overwriting {files} (already there); nothing was written. Add --force to replace.' },
  writeFailed: { 'zh-TW': '無法寫入 {dir}：{reason}', en: 'Could not write to {dir}: {reason}' },
  hint: { 'zh-TW': '執行 partner-check template --help 查看用法。', en: 'Run partner-check template --help for usage.' },
} as const;

function fill(text: string, data: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => data[k] ?? whole);
}

function emit(sink: Sink, text: string): void {
  if (typeof sink === 'function') sink(text);
  else sink.write(text);
}

class TemplateUsageError extends Error {
  constructor(readonly text: Record<Lang, string>) {
    super(text.en);
  }
}

/**
 * Runs `partner-check template …` (args after the word `template`) and returns the exit code.
 * @example await runTemplateCommand(['all', '--out', 'templates'], { stdout: console.log, stderr: console.error, lang: 'en' }) → 0
 */
export async function runTemplateCommand(args: string[], io: TemplateIo): Promise<number> {
  let lang: Lang = io.lang ?? 'zh-TW';
  let kinds: readonly SheetKind[];
  let withExamples: boolean;
  let outDir: string;
  let campaign: Campaign;
  let force: boolean;
  try {
    const { options, positionals } = parseArgs(args, {
      out: { type: 'string', short: 'o' },
      'no-examples': { type: 'boolean' },
      force: { type: 'boolean' },
      campaign: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (options.lang !== undefined) lang = langOption(options.lang);
    if (options.help) {
      emit(io.stdout, HELP[lang]);
      return 0;
    }
    if (positionals.length > 1) throw new TemplateUsageError(MSG.tooMany);
    const kind = (positionals[0] ?? 'all') as KindArg;
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new TemplateUsageError({
        'zh-TW': fill(MSG.badKind['zh-TW'], { value: kind, choices: KINDS.join('、') }),
        en: fill(MSG.badKind.en, { value: kind, choices: KINDS.join(', ') }),
      });
    }
    if (options['no-examples'] && kind !== 'all') throw new TemplateUsageError(MSG.noExamplesWithKind);
    kinds = kind === 'all' ? SHEET_KINDS : [kind];
    withExamples = kind === 'all' && !options['no-examples'];
    outDir = path.resolve(typeof options.out === 'string' ? options.out : '.');
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      for (const m of loaded.messages) emit(io.stderr, `partner-check: ${m}\n`);
      return 2;
    }
    campaign = loaded.campaign;
    force = options.force === true;
  } catch (e) {
    const text = e instanceof TemplateUsageError ? e.text[lang] : e instanceof UsageError ? t(lang, e.key, e.data) : undefined;
    if (text === undefined) throw e;
    emit(io.stderr, `partner-check: ${text}\n${MSG.hint[lang]}\n`);
    return 2;
  }

  if (!force) {
    const targets = [
      ...kinds.map((kind) => path.join(outDir, templateSpec(kind, campaign).fileName)),
      ...(withExamples ? examples(campaign).map((ex) => path.join(outDir, 'examples', ex.fileName)) : []),
    ];
    const existing = targets.filter((file) => existsSync(file));
    if (existing.length > 0) {
      const list = existing.map((file) => path.relative(process.cwd(), file) || file).join(lang === 'en' ? ', ' : '、');
      emit(io.stderr, `partner-check: ${fill(MSG.exists[lang], { files: list })}\n`);
      return 2;
    }
  }
  try {
    const written = await writeTemplates(outDir, kinds, campaign);
    if (withExamples) written.push(...(await writeExamples(path.join(outDir, 'examples'), campaign)));
    for (const file of written) emit(io.stdout, `${fill(MSG.wrote[lang], { file: path.relative(process.cwd(), file) || file })}\n`);
    return 0;
  } catch (e) {
    emit(io.stderr, `partner-check: ${fill(MSG.writeFailed[lang], { dir: outDir, reason: e instanceof Error ? e.message : String(e) })}\n`);
    return 2;
  }
}
