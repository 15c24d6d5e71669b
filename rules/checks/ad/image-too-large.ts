import { defineRule, msg } from '../../engine/rule.js';
import { bytesText, pictureOf } from '../../derive/pictures.js';

/** `ad/image-too-large`: the ad picture file at hand is over the size limit (2 MB = 2,097,152 bytes). */
export default defineRule({
  meta: {
    id: 'ad/image-too-large',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('手邊的廣告圖片檔案超過 2 MB。', 'The ad picture file at hand is over 2 MB.'),
    messages: {
      default: msg('廣告圖片「{name}」有 {size}（{bytes} bytes），超過上限 {max}。', 'The ad picture "{name}" is {size} ({bytes} bytes), over the limit of {max}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const max = ctx.campaign.config.adMaterial.image.maxBytes;
    if (max === undefined) return;
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const pic = pictureOf(ctx, row.values.image);
      if (pic.kind !== 'at-hand' || pic.fact.bytes <= max) continue;
      ctx.report({ sheet, row, key: 'image', data: { name: pic.name, size: bytesText(pic.fact.bytes), bytes: pic.fact.bytes, max: bytesText(max) } });
    }
  },
});
