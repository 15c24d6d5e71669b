import { defineRule, msg } from '../../engine/rule.js';

/**
 * `enrollment/missing-hero-image`: LINE購物 makes every exposure material from the 800×800 picture
 * the enrollment names (形象圖); an enrollment row without one is reported on that cell (or on the
 * row when the tab has no such column).
 */
export default defineRule({
  meta: {
    id: 'enrollment/missing-hero-image',
    defaultSeverity: 'warning',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('報名表沒有形象圖：LINE購物 以 800×800 的形象圖製作曝光素材。', 'No hero image: LINE Shopping makes the exposure materials from an 800×800 picture.'),
    messages: {
      default: msg('商店「{shopId}」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。', 'Shop "{shopId}" gives no hero image; LINE Shopping needs an 800×800 picture without text (or on white) to make the exposure materials.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('enrollment')) {
      if ((row.values.heroImage ?? '') !== '' || row.invalid.has('heroImage')) continue;
      ctx.report({ sheet, row, key: 'heroImage', data: { shopId: row.values.shopId ?? '' } });
    }
  },
});
