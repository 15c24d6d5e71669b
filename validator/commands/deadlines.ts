/**
 * `partner-check deadlines FILE… [--format text|json|ics] [--out F]`: every deadline the files imply
 * (SPEC §6; rules/compute/deadlines.ts), sorted. `--format ics` is an iCalendar file (RFC 5545)
 * written by the `ics` library: one event per deadline at its last minute, with a display alarm
 * one working day before. The library writes floating local times and has no time-zone support,
 * so the Asia/Taipei VTIMEZONE (UTC+8, no DST) is added here and every DTSTART names it; DTSTAMP
 * is the check date, so the file is byte-identical run after run.
 * Exit 0 · 2 unreadable file or misuse.
 */
import type { EventAttributes } from 'ics';
import { lazyModule } from '../lazy-module.js';
import { civil, deadlinesForWorkbook, TOOL_VERSION, type Campaign, type Deadline, type Lang } from '../../rules/index.js';
import { forEachWorkbook } from './read-files.js';
import { campaignOption, choiceOption, langOfArgv, langOption, parseArgs, todayOption, usageFailure, UsageError, type CliIo, type OptionSpecs } from '../args.js';
import { HELP, t } from '../i18n.js';
import { emit } from './calendar.js';

/** ics builds the calendar (RFC 5545 folding and escaping); loaded when a calendar is asked for. */
const ics = lazyModule<typeof import('ics')>('ics');

export const DEADLINES_OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  campaign: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const TAIPEI_VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Asia/Taipei', 'X-LIC-LOCATION:Asia/Taipei', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'];

export interface FileDeadline extends Deadline {
  readonly file: string;
}

/** Days between the reminder (the working day before, same clock time) and the deadline. */
function reminderDays(d: Deadline): number | undefined {
  if (d.remindOn === null) return undefined;
  return civil.dayOfWall(d.wall) - civil.dayFromIso(d.remindOn)!;
}

/**
 * The deadlines as an .ics text (CRLF line ends, as RFC 5545 and the library write them).
 * @throws Error when the library rejects an event (it never should: the fields are computed)
 */
export function deadlinesIcs(list: readonly FileDeadline[], lang: Lang, today: string, campaign: Campaign): string {
  const stampDay = civil.dayFromIso(today) ?? campaign.periodStart;
  const stamp = civil.wallOfDay(stampDay) - civil.TAIPEI_OFFSET_MS;
  const events: EventAttributes[] = list.map((d, i) => {
    const w = new Date(d.wall);
    const days = reminderDays(d);
    const title = d.title[lang];
    const where = d.sheet === null ? d.file : `${d.file} · ${d.sheet} ${lang === 'en' ? 'row' : '第'} ${d.row}${lang === 'en' ? '' : ' 列'}`;
    return {
      uid: `${campaign.id}-${i + 1}-${d.kind}-${d.wall}@partner-check.invalid`,
      title,
      description: `${d.at} (Asia/Taipei)\n${where}`,
      start: [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()],
      startInputType: 'local',
      startOutputType: 'local',
      duration: { minutes: 1 },
      timestamp: stamp,
      productId: `partner-check/${TOOL_VERSION}`,
      calName: `${campaign.config.name} ${lang === 'en' ? 'deadlines' : '期限'}`,
      ...(days !== undefined ? { alarms: [{ action: 'display' as const, description: title, trigger: { days, before: true } }] } : {}),
    };
  });
  const { error, value } = ics().createEvents(events);
  if (error || value === undefined || value === null) throw error ?? new Error('ics: no output');
  const lines = value.split(/\r\n/);
  const out: string[] = [];
  let inEvent = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT' && !out.includes('BEGIN:VTIMEZONE')) out.push(...TAIPEI_VTIMEZONE);
    if (line === 'BEGIN:VEVENT') inEvent = true;
    if (line === 'END:VEVENT') inEvent = false;
    if (inEvent && line.startsWith('DTSTART:')) out.push(`DTSTART;TZID=Asia/Taipei:${line.slice('DTSTART:'.length)}`);
    // The library writes whole-day durations as `-P3DT`, which RFC 5545 does not allow (a T needs a time).
    else out.push(line.replace(/^TRIGGER:(-?P\d+D)T$/, 'TRIGGER:$1'));
  }
  return out.join('\r\n');
}

export function deadlinesText(list: readonly FileDeadline[], lang: Lang): string {
  if (list.length === 0) return `${t(lang, 'deadline.none')}\n`;
  return list
    .map((d) => {
      const label = lang === 'en' ? d.dayLabelEn : d.dayLabel;
      const where = d.sheet === null ? d.file : `${d.file} ${d.sheet} ${lang === 'en' ? `row ${d.row}` : `第 ${d.row} 列`}`;
      return `${label} ${d.at.slice(11, 16)}  ${d.title[lang]}  (${where})`;
    })
    .join('\n') + '\n';
}

/** Reads each file and lists its deadlines, merged and sorted; unreadable files are reported on stderr. */
export async function deadlinesOfFiles(files: readonly string[], campaign: Campaign, lang: Lang, io: CliIo): Promise<{ list: FileDeadline[]; unreadable: number }> {
  const list: FileDeadline[] = [];
  const unreadable = await forEachWorkbook(files, lang, io, (file, workbook) => {
    for (const d of deadlinesForWorkbook(workbook, { campaign }).deadlines) list.push({ ...d, file });
  });
  // Registration deadlines are the campaign's: once, however many files name the plan.
  const seen = new Set<string>();
  const merged = list.filter((d) => {
    if (d.kind !== 'registration') return true;
    const k = `${d.wall}|${d.title['zh-TW']}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  merged.sort((a, b) => a.wall - b.wall);
  return { list: merged, unreadable };
}

export async function runDeadlines(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langOfArgv(argv);
  try {
    const { options, positionals } = parseArgs(argv, DEADLINES_OPTIONS);
    lang = langOption(options.lang);
    if (options.help) {
      io.stdout.write(HELP.deadlines[lang]);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('err.needFiles');
    const format = choiceOption(options.format, ['text', 'json', 'ics'] as const, 'text', '--format');
    const today = todayOption(options.today, io);
    const loaded = campaignOption(options.campaign, lang);
    if (!loaded.ok) {
      io.stderr.write(`partner-check: ${t(lang, 'err.campaign')}\n${loaded.messages.map((m) => `  ${m}\n`).join('')}`);
      return 2;
    }
    const campaign = loaded.campaign;
    const { list, unreadable } = await deadlinesOfFiles(positionals, campaign, lang, io);
    const text =
      format === 'ics'
        ? deadlinesIcs(list, lang, today, campaign)
        : format === 'json'
          ? JSON.stringify({ tool: 'partner-check', version: TOOL_VERSION, campaign: campaign.id, deadlines: list.map(({ wall: _w, ...d }) => d) }, null, 2) + '\n'
          : deadlinesText(list, lang);
    const code = emit(io, lang, text, typeof options.out === 'string' ? options.out : undefined);
    return unreadable > 0 ? 2 : code;
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(io, lang, e, 'deadlines');
    throw e;
  }
}
