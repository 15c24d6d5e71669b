import { defineRule, msg } from '../../engine/rule.js';

/** `campaign/invalid-config`: the campaign config fails its schema or its own consistency. */
export default defineRule({
  meta: {
    id: 'campaign/invalid-config',
    defaultSeverity: 'error',
    scope: 'campaign',
    requires: [],
    docs: msg('活動設定檔不符合格式或自相矛盾（例如結束日早於開始日）。', 'The campaign config fails its schema or its own consistency (e.g. it ends before it starts).'),
    messages: { default: msg('活動設定檔有誤：{problem}', 'The campaign config is invalid: {problem}') },
    hasSuggestion: false,
  },
  check: (ctx) => {
    for (const problem of ctx.campaignProblems) ctx.report({ sheet: null, data: { problem } });
  },
});
