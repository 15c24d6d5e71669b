import { defineRule, msg } from '../../engine/rule.js';
import { formatsText, pictureOf, readablePicture } from '../../derive/pictures.js';

/**
 * `deal/image-not-square`: the 爆殺驚喜 picture at hand is not square (系統會提示需修正尺寸). A file
 * at hand that is no readable picture at all is reported here too (messageId `unreadable`): the CMS
 * could not take it either.
 */
export default defineRule({
  meta: {
    id: 'deal/image-not-square',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('手邊的爆殺驚喜商品圖片不是正方形（或不是可讀取的圖片）。', 'The flash-deal picture at hand is not square (or not a readable picture).'),
    messages: {
      default: msg('商品圖片「{name}」是 {width}×{height} px，不是正方形；系統會要求修正尺寸。', 'The product picture "{name}" is {width}×{height} px, not square; the CMS will ask to fix its size.'),
      unreadable: msg('檔案「{name}」不是可讀取的 {formats} 圖片。', 'The file "{name}" is not a readable {formatsEn} picture.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rule = ctx.campaign.config.flashDeals.image;
    const list = formatsText(rule.formats);
    for (const { sheet, row } of ctx.rows('flash-deals')) {
      const pic = pictureOf(ctx, row.values.image);
      if (pic.kind !== 'at-hand') continue;
      const p = readablePicture(pic.fact, rule.formats);
      if (!p) ctx.report({ sheet, row, key: 'image', messageId: 'unreadable', data: { name: pic.name, formats: list.zh, formatsEn: list.en } });
      else if (rule.square && p.width !== p.height) ctx.report({ sheet, row, key: 'image', data: { name: pic.name, width: p.width, height: p.height } });
    }
  },
});
