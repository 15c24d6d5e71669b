import { defineRule, msg } from '../../engine/rule.js';
import type { RuleContext } from '../../engine/rule.js';
import type { ParsedRow, ParsedSheet } from '../../sheet/parse.js';
import { contractGroupsOf, hasContractKey } from '../../derive/contracts.js';

/** The ASCII punctuation a remark may hold besides letters, digits and spaces. */
const ALLOWED_PUNCTUATION = new Set(['_', '-', '/', '%', '(', ')', '+', '.', ',', ':', '~', ' ']);
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const INVISIBLE = /^[\p{C}\p{Z}]$/u;
/**
 * A remark made only of allowed characters (a subset of what isRemarkChar accepts): one test for
 * the usual clean remark; the per-character walk runs only for remarks that fail it.
 */
const ALL_ALLOWED = /^[\p{L}\p{Nd}_\-/%()+.,:~ 、\u3000＿－／％（）＋．，：～]*$/u;

/** ASCII that ALL_ALLOWED accepts: letters, digits, space and `_ - / % ( ) + . , : ~`. */
const ASCII_ALLOWED = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-/%()+.,:~') ASCII_ALLOWED[ch.charCodeAt(0)] = 1;

/**
 * `ALL_ALLOWED.test(remark)`, answered by a plain loop for the usual remark of allowed ASCII and
 * CJK ideographs (U+4E00–U+9FA5, letters in every Unicode version); any other character leaves
 * the answer to the regex.
 */
function allAllowed(remark: string): boolean {
  for (let i = 0; i < remark.length; i++) {
    const c = remark.charCodeAt(i);
    if (c < 128 ? ASCII_ALLOWED[c] === 1 : c >= 0x4e00 && c <= 0x9fa5) continue;
    return ALL_ALLOWED.test(remark);
  }
  return true;
}

/**
 * Whether one character (code point) may appear in a remark: letters of any script (so CJK),
 * decimal digits, space, `_ - / % ( ) + . , : ~`, their full-width forms (U+FF01–FF5E, U+3000)
 * and `、`. Everything else, emoji included, is special.
 * @example isRemarkChar('加') === true; isRemarkChar('％') === true; isRemarkChar('🎉') === false; isRemarkChar('!') === false
 */
export function isRemarkChar(ch: string): boolean {
  if (ch === '、' || ALLOWED_PUNCTUATION.has(ch) || LETTER_OR_DIGIT.test(ch)) return true;
  const code = ch.codePointAt(0)!;
  if (code === 0x3000) return true;
  if (code >= 0xff01 && code <= 0xff5e) return ALLOWED_PUNCTUATION.has(String.fromCharCode(code - 0xfee0));
  return false;
}

/**
 * The distinct special characters of a remark, in order; invisible ones as `U+XXXX`.
 * @example specialChars('5/12_加碼10% 🎉!') → ['🎉', '!']
 */
export function specialChars(remark: string): string[] {
  const out: string[] = [];
  if (allAllowed(remark)) return out;
  for (const ch of Array.from(remark)) {
    if (isRemarkChar(ch)) continue;
    const shown = INVISIBLE.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    if (!out.includes(shown)) out.push(shown);
  }
  return out;
}

/**
 * Range marks a user writes between two dates (dashes, wave dashes, arrows): the cleaned remark
 * keeps the range as `-` (SPEC §5.3), so `5/1–5/3` stays `5/1-5/3` rather than `5/15/3`.
 */
const RANGE_MARKS = /[\u2010-\u2015\u2212\u2053\u301c\u3030\u2192\u21d2\u2794\u279d\u27a1\u2500\u2501]+/g;

/**
 * The remark without its special characters: range marks become `-`, line breaks a space, runs
 * of spaces folded and trimmed.
 * @example cleanRemark('5/1–5/3_加碼5%') === '5/1-5/3_加碼5%'
 * @example cleanRemark('5/12_加碼10% 🎉') === '5/12_加碼10%'
 * @example cleanRemark('★ 5/1 ★ 加碼') === '5/1 加碼'
 */
export function cleanRemark(remark: string): string {
  return Array.from(remark.replace(RANGE_MARKS, '-').replace(/\r\n|[\r\n\t\u2028\u2029\v\f]/g, ' '))
    .filter(isRemarkChar)
    .join('')
    .replace(/[ \u3000]{2,}/g, (run) => run[0]!)
    .trim();
}

/**
 * `contract/remark-special-chars`: the deck asks for remarks without special symbols ("備註勿填寫
 * 特殊符號"). Reported once per contract (its rows share the remark), on the first row, with the
 * cleaned remark as the suggestion.
 */
export default defineRule({
  meta: {
    id: 'contract/remark-special-chars',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('合約備註含特殊符號（只可用文字、數字、空白與 _ - / % ( ) + . , : ~ 、）。', 'The remark holds special characters (only letters, digits, spaces and _ - / % ( ) + . , : ~ 、 are allowed).'),
    messages: {
      default: msg('合約備註含特殊符號 {chars}，請移除；建議改為「{cleaned}」。', 'The remark holds special characters {chars}; remove them, e.g. "{cleaned}".'),
      nothingLeft: msg('合約備註含特殊符號 {chars}，移除後沒有內容；請用文字說明，例如 5/1_加碼10%。', 'The remark holds special characters {chars} and nothing else; describe the contract, e.g. 5/1_加碼10%.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    // Rows of one contract share the remark: a contract is reported on its first row only. Rows
    // that form no contract (a key cell blank or unreadable: hasContractKey) are reported each.
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.remark !== '' && !allAllowed(g.remark)) reportRemark(ctx, g.sheet, g.first, g.remark);
    }
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const v = row.values;
      if (hasContractKey(v)) continue;
      const remark = v.remark;
      if (remark !== undefined && !allAllowed(remark)) reportRemark(ctx, sheet, row, remark);
    }
  },
});

/** Reports a remark's special characters on `row`, with the cleaned remark as the suggestion. */
function reportRemark(ctx: RuleContext, sheet: ParsedSheet<'contracts'>, row: ParsedRow<'contracts'>, remark: string): void {
  const chars = specialChars(remark);
  if (chars.length === 0) return;
  const cleaned = cleanRemark(remark);
  const data = { chars: chars.join(' '), cleaned };
  if (cleaned === '') ctx.report({ sheet, row, key: 'remark', messageId: 'nothingLeft', data });
  else ctx.report({ sheet, row, key: 'remark', data, suggestion: { value: cleaned, label: msg('改為「{value}」', 'Use "{value}"') } });
}
