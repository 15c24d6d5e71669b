/**
 * `partner-check serve [--port 8080] [--host 127.0.0.1] [--max-upload-mb 10] [--lang zh-TW|en]
 * [--today YYYY-MM-DD] [--campaign FILE]`: the web checker (validator/serve/server.ts). Runs
 * until SIGINT/SIGTERM, then closes and returns 0; exit 2 for misuse, an invalid campaign file or
 * a port that cannot be bound.
 */
import { civil, type Lang } from '../../rules/index.js';
import { campaignOption, langOfArgv, langOption, nonNegativeIntOption, numberOption, parseArgs, usageFailure, UsageError, type CliIo, type OptionSpecs } from '../args.js';
import { t } from '../i18n.js';
import { DEFAULT_HOST, DEFAULT_MAX_UPLOAD_MB, DEFAULT_PORT, startServer, type RunningServer } from '../serve/server.js';
import { SERVE_HELP } from '../serve/strings.js';

export const SERVE_OPTIONS: OptionSpecs = {
  port: { type: 'string' },
  host: { type: 'string' },
  'max-upload-mb': { type: 'string' },
  lang: { type: 'string' },
  today: { type: 'string' },
  campaign: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

export interface ServeSettings {
  readonly host: string;
  readonly port: number;
  readonly maxUploadBytes: number;
  readonly lang: Lang;
  readonly today: string | undefined;
  /** Host names answered besides the listen address (`--allow-host`, repeatable or comma-separated). */
  readonly allowHosts: readonly string[];
}

/** Parses the options (everything but --campaign). @throws UsageError */
export function serveSettings(options: Readonly<Record<string, unknown>>): ServeSettings {
  const lang = langOption(options.lang);
  const port = nonNegativeIntOption(options.port, '--port') ?? DEFAULT_PORT;
  if (port > 65535) throw new UsageError('err.badInteger', { option: '--port', value: String(options.port) });
  const mb = numberOption(options['max-upload-mb'], '--max-upload-mb', { min: 0 }) ?? DEFAULT_MAX_UPLOAD_MB;
  if (!(mb > 0) || mb > 1024) throw new UsageError('err.badNumber', { option: '--max-upload-mb', value: String(options['max-upload-mb']) });
  const host = typeof options.host === 'string' && options.host.trim() !== '' ? options.host.trim() : DEFAULT_HOST;
  let today: string | undefined;
  if (options.today !== undefined) {
    if (typeof options.today !== 'string' || civil.dayFromIso(options.today) === undefined) throw new UsageError('err.badToday', { value: String(options.today) });
    today = options.today;
  }
  const allowHosts = ((options['allow-host'] as readonly string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const h of allowHosts) if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)$/.test(h)) throw new UsageError('err.badChoice', { option: '--allow-host', value: h, choices: 'HOSTNAME' });
  return { host, port, maxUploadBytes: Math.floor(mb * 1024 * 1024), lang, today, allowHosts };
}

/**
 * Starts the server and resolves with the exit code once it has stopped. `stop` (for tests)
 * replaces waiting for SIGINT/SIGTERM.
 */
export async function runServe(argv: readonly string[], io: CliIo, stop?: (server: RunningServer) => Promise<void>): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  let settings: ServeSettings;
  let campaignFile: unknown;
  try {
    const { options, positionals } = parseArgs(argv, SERVE_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(SERVE_HELP[lang]);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('err.unknownOption', { option: positionals[0]! });
    settings = serveSettings(options);
    campaignFile = options.campaign;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'serve');
    throw e;
  }
  const campaign = campaignOption(campaignFile, lang);
  if (!campaign.ok) {
    io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${campaign.messages.map((m) => `  ${m}\n`).join('')}`);
    return 2;
  }
  let server: RunningServer;
  try {
    server = await startServer({
      host: settings.host,
      port: settings.port,
      maxUploadBytes: settings.maxUploadBytes,
      lang: settings.lang,
      campaign: campaign.campaign,
      now: () => io.now(),
      log: (line) => io.stderr.write(`${line}\n`),
      allowHosts: settings.allowHosts,
      ...(settings.today !== undefined ? { today: settings.today } : {}),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.stderr.write(
      lang === 'en'
        ? `partner-check serve: cannot listen on ${settings.host}:${settings.port} (${code}).\n`
        : `partner-check serve：無法在 ${settings.host}:${settings.port} 上監聽（${code}）。\n`,
    );
    return 2;
  }
  const mb = Math.round((settings.maxUploadBytes / (1024 * 1024)) * 100) / 100;
  io.stderr.write(
    lang === 'en'
      ? `partner-check serve: listening on ${server.url}/ (uploads up to ${mb} MB; nothing is stored). Press Ctrl+C to stop.\n`
      : `partner-check serve：已在 ${server.url}/ 啟動（上傳上限 ${mb} MB，檔案不會被保存）。按 Ctrl+C 停止。\n`,
  );
  if (settings.host !== '127.0.0.1' && settings.host !== 'localhost' && settings.host !== '::1') {
    io.stderr.write(
      lang === 'en'
        ? 'partner-check serve: warning: bound to a non-loopback address and there is no authentication; put it behind a reverse proxy with authentication (docs/serve.md).\n'
        : 'partner-check serve：警告：已綁定到非本機位址，而本服務沒有登入驗證；請放在有驗證的反向代理之後（見 docs/serve.md）。\n',
    );
  }
  if (stop) {
    await stop(server);
  } else {
    await new Promise<void>((resolve) => {
      const onSignal = () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  }
  await server.close();
  io.stderr.write(lang === 'en' ? 'partner-check serve: stopped.\n' : 'partner-check serve：已停止。\n');
  return 0;
}
