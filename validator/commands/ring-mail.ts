/**
 * `partner-check ring-mail FILE… [--out DIR]`: the ring-data request e-mails (SPEC §6, the deck's
 * Step 2 template). The content comes from the rules module (ringMailsForWorkbook); the message
 * is built by nodemailer's MailComposer (RFC 5322, UTF-8 headers encoded) — never hand-made MIME.
 * Date and Message-ID are derived from the inputs (the check date, the row), so outputs are
 * byte-identical run after run. Rows with errors get no e-mail; the output says why.
 * Exit 0 · 1 some ring-data row has errors · 2 unreadable file or misuse.
 */
import path from 'node:path';
import type MailComposerClass from 'nodemailer/lib/mail-composer';
import { lazyModule } from '../lazy-module.js';
import { civil, ringMailBody, ringMailsForWorkbook, ringMailto, validateWorkbook, type Campaign, type Lang, type RingMail } from '../../rules/index.js';
import { forEachWorkbook } from './read-files.js';
import { campaignOption, langOfArgv, langOption, parseArgs, todayOption, usageFailure, UsageError, type CliIo, type OptionSpecs } from '../args.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { t } from '../i18n.js';
import { HELP } from '../i18n.js';

/** nodemailer's MailComposer, loaded when an e-mail is written. */
const mailComposer = lazyModule<typeof MailComposerClass>('nodemailer/lib/mail-composer');

export const RING_MAIL_OPTIONS: OptionSpecs = {
  out: { type: 'string' },
  today: { type: 'string' },
  campaign: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** The .eml bytes of one e-mail (MailComposer; Date = the check date 09:00 Taipei, Message-ID from the row). */
export async function ringMailEml(mail: RingMail, today: string, from?: string): Promise<Buffer> {
  const day = civil.dayFromIso(today) ?? 0;
  const date = new Date(civil.wallOfDay(day, 9 * 3600) - civil.TAIPEI_OFFSET_MS);
  const id = `${mail.shopId}.${mail.sendDate}.${mail.sendTime.replace(':', '')}.${mail.row}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const MailComposer = mailComposer();
  const composer = new MailComposer({
    ...(from ? { from } : {}),
    to: mail.to,
    subject: mail.subject,
    text: ringMailBody(mail),
    date,
    messageId: `<ring-data.${id}@partner-check.invalid>`,
    textEncoding: 'base64',
  });
  return new Promise((resolve, reject) => composer.compile().build((err, msg) => (err ? reject(err) : resolve(msg))));
}

/** A safe file name for an e-mail: `2026-05-08_goodday_food_r3.eml`. */
export function emlName(mail: RingMail): string {
  return `${mail.sendDate}_${mail.shopId.replace(/[^A-Za-z0-9_-]/g, '_')}_r${mail.row}.eml`;
}

export interface RingMailFile {
  readonly file: string;
  readonly mails: readonly RingMail[];
  readonly skipped: ReturnType<typeof ringMailsForWorkbook>['skipped'];
}

/** Reads, validates and builds the e-mails of each file; unreadable files are reported on stderr. */
export async function ringMailFiles(files: readonly string[], campaign: Campaign, today: string, lang: Lang, io: CliIo): Promise<{ results: RingMailFile[]; unreadable: number }> {
  const results: RingMailFile[] = [];
  const unreadable = await forEachWorkbook(files, lang, io, (file, workbook) => {
    const report = validateWorkbook(workbook, { campaign, today, lang, path: file });
    results.push({ file, ...ringMailsForWorkbook(workbook, report.violations, { campaign }) });
  });
  return { results, unreadable };
}

export async function runRingMail(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, RING_MAIL_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP['ring-mail'][lang]);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('err.needFiles');
    const today = todayOption(options.today, io);
    const out = typeof options.out === 'string' ? options.out : undefined;
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${loaded.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    const { results, unreadable } = await ringMailFiles(positionals, loaded.campaign, today, lang, io);
    let text = '';
    let written = 0;
    let failed = false;
    for (const r of results) {
      if (r.mails.length === 0 && r.skipped.length === 0) text += `${t(lang, 'ring.none', { file: r.file })}\n\n`;
      for (const m of r.mails) {
        text += `${t(lang, "ring.mail", { to: m.to, subject: m.subject, sendBy: m.sendByLabel ?? "—", sendDate: m.sendDate })}\n\n${ringMailBody(m)}\n${ringMailto(m)}\n\n`;
        if (out !== undefined) {
          try {
            writeFileAtomic(path.join(out, emlName(m)), await ringMailEml(m, today));
            written++;
          } catch (e) {
            io.stderr.write(`partner-check: ${t(lang, 'err.write', { file: path.join(out, emlName(m)), reason: e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e) })}\n`);
            failed = true;
          }
        }
      }
      for (const s of r.skipped) {
        text += `${t(lang, 'ring.skipped', { file: r.file, sheet: s.sheet, row: s.row, shopId: s.shopId ?? '—' })}\n${s.reasons.map((x) => `  ${x.cell ?? ''} ${x.message}  ${x.ruleId}\n`).join('')}\n`;
      }
    }
    io.stdout.write(text);
    if (out !== undefined) io.stderr.write(`partner-check: ${t(lang, 'ring.wroteCount', { count: written, dir: out })}\n`);
    if (failed || unreadable > 0) return 2;
    return results.some((r) => r.skipped.length > 0) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'ring-mail');
    throw e;
  }
}
