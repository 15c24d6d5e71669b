import { defineRule, msg } from '../../engine/rule.js';

const BASIC_ID = /^@[a-z0-9._-]{3,20}$/;

/**
 * The bot basic ID in its expected form: half-width, trimmed, lower-case, with the leading `@`.
 * @example fixedBasicId(' ABC123 ') === '@abc123'
 */
export function fixedBasicId(text: string): string {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  return t.startsWith('@') ? t : `@${t}`;
}

/**
 * `oa/invalid-basic-id`: the Channel bot search ID is `@` followed by 3–20 of `a-z 0-9 . _ -` (the
 * OA's 基本ID). Suggests the fixed form (add the `@`, lower-case) when that is valid.
 */
export default defineRule({
  meta: {
    id: 'oa/invalid-basic-id',
    defaultSeverity: 'error',
    scope: 'oa',
    requires: ['oa-binding'],
    docs: msg('Channel bot search ID 不是 @ 加 3–20 個小寫英數字或 . _ -。', 'The bot basic ID is not @ followed by 3–20 of a-z 0-9 . _ -.'),
    messages: {
      default: msg('基本 ID「{value}」格式不對：須為 @ 加 3–20 個小寫英文字母、數字或 . _ -，例如 @abc123。', 'The basic ID "{value}" is malformed: it is @ followed by 3–20 lower-case letters, digits or . _ -, e.g. @abc123.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('oa-binding')) {
      const id = row.values.botBasicId;
      if (id === undefined || BASIC_ID.test(id)) continue;
      const fixed = fixedBasicId(id);
      ctx.report({
        sheet,
        row,
        key: 'botBasicId',
        data: { value: id },
        ...(BASIC_ID.test(fixed) ? { suggestion: { value: fixed, label: msg('改成 {value}', 'Use {value}') } } : {}),
      });
    }
  },
});
