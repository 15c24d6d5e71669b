import { defineRule, msg } from '../../engine/rule.js';
import { rowsWithBase } from '../../derive/contracts.js';

/** Point prices compare to a tenth of a cent (they are written like 1.2 or 1). */
const samePrice = (a: number, b: number) => Math.round(a * 1000) === Math.round(b * 1000);
const priceText = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * `contract/point-price-mismatch`: a row's 點數採購單價 differs from the base contract of its shop
 * and product type in force at its start (the CMS fills it from there; the deck shows 1.2 and 1).
 * Blank cells on either side are not compared. Suggests the base contract's price.
 */
export default defineRule({
  meta: {
    id: 'contract/point-price-mismatch',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('點數採購單價與涵蓋期間的鋪底合約不同。', "The point unit price differs from the covering base contract's."),
    messages: {
      default: msg(
        '點數採購單價是 {price}，但「{baseSheet}」第 {baseRow} 列的 {productType} 鋪底合約是 {basePrice}。',
        'The point unit price is {price}, but the {productType} base contract at "{baseSheet}" row {baseRow} says {basePrice}.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row, base } of rowsWithBase(ctx)) {
      const price = row.values.pointPrice;
      if (price === undefined || base.pointPrice === undefined || samePrice(price, base.pointPrice)) continue;
      const value = priceText(base.pointPrice);
      ctx.report({
        sheet,
        row,
        key: 'pointPrice',
        data: { price: priceText(price), basePrice: value, baseSheet: base.sheet.name, baseRow: base.row.row, productType: base.productType },
        suggestion: { value, label: msg('改為鋪底合約的 {value}', "Use the base contract's {value}") },
      });
    }
  },
});
