import { defineRule, msg } from '../../engine/rule.js';
import { formatLabel, formatsText, pictureOf } from '../../derive/pictures.js';

/**
 * `ad/image-unreadable`: the file at hand is not a readable JPEG, PNG, GIF or WebP picture
 * (campaign `adMaterial.image.formats`), whatever its name says — a PDF renamed `.jpg` is caught
 * because the format comes from the file's own header.
 */
export default defineRule({
  meta: {
    id: 'ad/image-unreadable',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('手邊的廣告圖片不是可讀取的 JPEG、PNG、GIF 或 WebP 圖片（不論副檔名）。', 'The ad file at hand is not a readable JPEG, PNG, GIF or WebP picture (whatever its name says).'),
    messages: {
      default: msg('檔案「{name}」不是可讀取的圖片（檔案內容不是 {formats}），請重新匯出圖片。', 'The file "{name}" is not a readable picture (its content is not {formatsEn}); export the picture again.'),
      wrongFormat: msg('檔案「{name}」實際是 {format} 圖片，廣告素材只接受 {formats}。', 'The file "{name}" is really a {format} picture; ad materials take only {formatsEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const formats = ctx.campaign.config.adMaterial.image.formats;
    const list = formatsText(formats);
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const pic = pictureOf(ctx, row.values.image);
      if (pic.kind !== 'at-hand') continue;
      const f = pic.fact;
      if ('unreadable' in f) ctx.report({ sheet, row, key: 'image', data: { name: pic.name, formats: list.zh, formatsEn: list.en } });
      else if (!formats.includes(f.format)) ctx.report({ sheet, row, key: 'image', messageId: 'wrongFormat', data: { name: pic.name, format: formatLabel(f.format), formats: list.zh, formatsEn: list.en } });
    }
  },
});
