import { defineRule, msg } from '../../engine/rule.js';
import { formatLabel, formatsText, pictureOf, readablePicture } from '../../derive/pictures.js';

/**
 * `enrollment/hero-image-size`: the hero picture at hand must be 800×800 px and a JPEG or PNG
 * (campaign `heroImage`); a file that is no readable picture is reported as not a JPEG/PNG.
 */
export default defineRule({
  meta: {
    id: 'enrollment/hero-image-size',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('手邊的形象圖不是 800×800 px，或不是 JPEG/PNG。', 'The hero image at hand is not 800×800 px, or not a JPEG/PNG.'),
    messages: {
      default: msg('形象圖「{name}」是 {width}×{height} px，須為 {expected} px。', 'The hero image "{name}" is {width}×{height} px; it must be {expected} px.'),
      format: msg('形象圖「{name}」是 {format} 檔，須為 {formats}。', 'The hero image "{name}" is a {format} file; it must be {formatsEn}.'),
      unreadable: msg('形象圖「{name}」不是可讀取的圖片，須為 {formats}。', 'The hero image "{name}" is not a readable picture; it must be {formatsEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rule = ctx.campaign.config.heroImage;
    const list = formatsText(rule.formats);
    for (const { sheet, row } of ctx.rows('enrollment')) {
      const pic = pictureOf(ctx, row.values.heroImage);
      if (pic.kind !== 'at-hand') continue;
      const f = pic.fact;
      if ('unreadable' in f) {
        ctx.report({ sheet, row, key: 'heroImage', messageId: 'unreadable', data: { name: pic.name, formats: list.zh, formatsEn: list.en } });
        continue;
      }
      const p = readablePicture(f, rule.formats);
      if (!p) {
        ctx.report({ sheet, row, key: 'heroImage', messageId: 'format', data: { name: pic.name, format: formatLabel(f.format), formats: list.zh, formatsEn: list.en } });
        continue;
      }
      const wOk = rule.width === undefined || p.width === rule.width;
      const hOk = rule.height === undefined || p.height === rule.height;
      if (wOk && hOk) continue;
      ctx.report({ sheet, row, key: 'heroImage', data: { name: pic.name, width: p.width, height: p.height, expected: `${rule.width ?? p.width}×${rule.height ?? p.height}` } });
    }
  },
});
