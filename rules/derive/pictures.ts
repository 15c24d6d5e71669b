/**
 * Pictures named in sheets (SPEC §4.9), as the rules see them: a cell's text is looked up in the
 * facts the caller read from the files (`ctx.pictures`). A URL, or a name whose file was not found,
 * is "not at hand": its checks are skipped and `asset/not-checked` says so once per tab.
 */
import type { RuleContext } from '../engine/rule.js';
import type { PictureFact } from '../types.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';

export type PictureLookup =
  | { readonly kind: 'blank' }
  | { readonly kind: 'not-at-hand'; readonly name: string }
  | { readonly kind: 'at-hand'; readonly name: string; readonly fact: PictureFact };

/** Whether a picture cell names a web address rather than a file. @example isWebAddress('https://x.example/a.jpg') === true */
export function isWebAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('//');
}

/** What is known about the picture a cell names. */
export function pictureOf(ctx: RuleContext, text: string | undefined): PictureLookup {
  const name = (text ?? '').trim();
  if (name === '') return { kind: 'blank' };
  if (isWebAddress(name)) return { kind: 'not-at-hand', name };
  const fact = ctx.pictures?.get(name);
  return fact ? { kind: 'at-hand', name, fact } : { kind: 'not-at-hand', name };
}

/** The picture's size when it is a readable picture of one of `formats`; undefined otherwise. */
export function readablePicture(fact: PictureFact, formats: readonly string[]): { format: string; width: number; height: number; bytes: number } | undefined {
  if ('unreadable' in fact) return undefined;
  return formats.includes(fact.format) ? fact : undefined;
}

/** A format as people write it. @example formatLabel('jpg') === 'JPEG' */
export function formatLabel(format: string): string {
  return format === 'jpg' ? 'JPEG' : format.toUpperCase();
}

/** `JPEG、PNG` / `JPEG, PNG` of a format list. */
export function formatsText(formats: readonly string[]): { zh: string; en: string } {
  const labels = formats.map(formatLabel);
  return { zh: labels.join('、'), en: labels.join(', ') };
}

/** Bytes as `2.4 MB` / `812 KB` (1 MB = 1,048,576 bytes, as the CMS counts). */
export function bytesText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / 1048576) * 10) / 10).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The picture columns of every tab: (sheet, row, key) of each non-blank picture cell. */
export interface PictureCell {
  readonly sheet: ParsedSheet;
  readonly row: ParsedRow;
  readonly key: string;
  readonly text: string;
}

export function pictureCells(ctx: RuleContext): readonly PictureCell[] {
  return ctx.memo('pictureCells', () => {
    const out: PictureCell[] = [];
    for (const kind of ['enrollment', 'ad-materials', 'flash-deals'] as const) {
      for (const sheet of ctx.sheets(kind)) {
        const keys = [...sheet.columns.values()].filter((b) => b.def.picture).map((b) => b.def.key);
        if (keys.length === 0) continue;
        for (const row of sheet.rows) {
          for (const key of keys) {
            const text = (row.values as Record<string, unknown>)[key];
            if (typeof text === 'string' && text.trim() !== '') out.push({ sheet, row, key, text });
          }
        }
      }
    }
    return out;
  });
}
