import { defineRule, msg } from '../../engine/rule.js';

/** `enrollment/no-promotion-commitment`: neither site exposure nor ring data, so no chosen days. */
export default defineRule({
  meta: {
    id: 'enrollment/no-promotion-commitment',
    defaultSeverity: 'info',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('未承諾官網/社群曝光或環狀數據，因此沒有任選日。', 'Neither site exposure nor ring data: no chosen days.'),
    messages: {
      default: msg('未勾選官網/社群曝光或環狀數據：沒有任選日，只有每日 5% 與週五 10%。', 'No site exposure and no ring data: no chosen days, only the daily 5% and Friday 10%.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('enrollment')) {
      const v = row.values;
      if (row.invalid.has('siteExposure') || row.invalid.has('ringData')) continue;
      if (!sheet.columns.has('siteExposure') || !sheet.columns.has('ringData')) continue;
      if (v.siteExposure === false && v.ringData === false) ctx.report({ sheet, row, key: 'siteExposure' });
    }
  },
});
