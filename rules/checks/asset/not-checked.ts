import { defineRule, msg } from '../../engine/rule.js';
import { pictureCells, pictureOf } from '../../derive/pictures.js';

/**
 * `asset/not-checked`: pictures named in a tab that are not at hand — web addresses, files not found
 * beside the workbook or under `--assets`, or every picture in the add-on — are not checked. One
 * info per tab (never silently), on the picture column's header cell, counting them and naming the
 * first.
 */
export default defineRule({
  meta: {
    id: 'asset/not-checked',
    defaultSeverity: 'info',
    scope: 'asset',
    requires: [],
    docs: msg('這個分頁列出的圖片不在手邊，未檢查格式與尺寸。', 'Pictures named in this tab are not at hand, so their format and size were not checked.'),
    messages: {
      default: msg('這個分頁有 {count} 張圖片不在手邊（例如「{first}」），未檢查格式、尺寸與檔案大小；請把圖片放在檔案旁或以 --assets 指定資料夾。', '{count} pictures named in this tab are not at hand (e.g. "{first}"), so their format, size and bytes were not checked; put them beside the file or name their folder with --assets.'),
      noFiles: msg('這個分頁有 {count} 張圖片（例如「{first}」），這裡無法讀取圖片檔案，未檢查格式、尺寸與檔案大小。', '{count} pictures are named in this tab (e.g. "{first}"); picture files cannot be read here, so their format, size and bytes were not checked.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const bySheet = new Map<string, { sheet: (typeof cells)[number]['sheet']; key: string; first: string; count: number }>();
    const cells = pictureCells(ctx);
    for (const c of cells) {
      if (pictureOf(ctx, c.text).kind !== 'not-at-hand') continue;
      const s = bySheet.get(c.sheet.name);
      if (s) s.count++;
      else bySheet.set(c.sheet.name, { sheet: c.sheet, key: c.key, first: c.text.trim(), count: 1 });
    }
    for (const s of bySheet.values()) {
      ctx.report({ sheet: s.sheet, row: s.sheet.headerRow, key: s.key, ...(ctx.pictures === undefined ? { messageId: 'noFiles' } : {}), data: { count: s.count, first: s.first } });
    }
  },
});
