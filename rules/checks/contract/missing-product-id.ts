import { defineRule, msg } from '../../engine/rule.js';
import { SINGLE_PRODUCT_BONUS } from '../../derive/contracts.js';

/** `contract/missing-product-id`: a 單品加碼 (single-product) row must name its product. */
export default defineRule({
  meta: {
    id: 'contract/missing-product-id',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('單品加碼合約沒有填商品ID。', 'A single-product contract row has no product ID.'),
    messages: {
      default: msg('單品加碼合約必須填寫商品ID。', 'A single-product (單品加碼) contract needs a product ID.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      // An unreadable product id (e.g. a formula error) is reported by cell/* rules already.
      if (row.values.contractType !== SINGLE_PRODUCT_BONUS || row.values.productId !== undefined || row.invalid.has('productId')) continue;
      ctx.report({ sheet, row, key: 'productId' });
    }
  },
});
