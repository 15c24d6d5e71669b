import { defineRule, msg } from '../../engine/rule.js';
import { pictureOf, readablePicture } from '../../derive/pictures.js';

/** `ad/image-size`: the ad picture at hand is not exactly the slot's size (501×816 px). */
export default defineRule({
  meta: {
    id: 'ad/image-size',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('手邊的廣告圖片不是 501×816 px。', 'The ad picture at hand is not 501×816 px.'),
    messages: {
      default: msg('廣告圖片「{name}」是 {width}×{height} px，品牌館商店牌卡須為 {expected} px。', 'The ad picture "{name}" is {width}×{height} px; the shop card needs {expected} px.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rule = ctx.campaign.config.adMaterial.image;
    if (rule.width === undefined || rule.height === undefined) return;
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const pic = pictureOf(ctx, row.values.image);
      if (pic.kind !== 'at-hand') continue;
      const p = readablePicture(pic.fact, rule.formats);
      if (!p || (p.width === rule.width && p.height === rule.height)) continue;
      ctx.report({ sheet, row, key: 'image', data: { name: pic.name, width: p.width, height: p.height, expected: `${rule.width}×${rule.height}` } });
    }
  },
});
