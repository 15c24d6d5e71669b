import { defineRule, msg } from '../../engine/rule.js';
import { AUDIENCE_OPTIONS } from '../../columns.js';
import { enumLookup } from '../../values/enum.js';

const audienceOf = enumLookup(AUDIENCE_OPTIONS);

/**
 * `ring/audience`: ring data only goes to 通發型 (all OA friends who interacted with LINE購物); the
 * cell is compared after NFKC and trimming, and the English label counts too.
 */
export default defineRule({
  meta: {
    id: 'ring/audience',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('環狀數據的發送受眾只能是通發型。', 'The ring-data audience must be 通發型 (broadcast).'),
    messages: {
      default: msg('發送受眾「{text}」不可用；環狀數據僅限「通發型」（全 OA 有效好友，曾與 LINE購物互動過）。', 'Audience "{text}" is not allowed; ring data only goes to 通發型 (all OA friends who interacted with LINE Shopping).'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const allowed = AUDIENCE_OPTIONS[0]!.value;
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const text = row.values.audience;
      if (text === undefined || audienceOf(text) !== undefined) continue;
      ctx.report({ sheet, row, key: 'audience', data: { text }, suggestion: { value: allowed, label: msg('改成 {value}', 'Use {value}') } });
    }
  },
});
