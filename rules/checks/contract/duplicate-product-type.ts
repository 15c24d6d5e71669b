import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, productTypeKey } from '../../derive/contracts.js';

/**
 * `contract/duplicate-product-type`: one contract lists the same product type twice (for
 * 單品加碼, the same product type and product id). The CMS has one line per product type, so the
 * second row is a copy-paste slip that would be refused or silently dropped. Reported on the
 * repeated row, naming the first. (Not in SPEC §5.3; added because no other rule sees it.)
 */
export default defineRule({
  meta: {
    id: 'contract/duplicate-product-type',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('同一份合約重複列出相同的 Product Type。', 'One contract lists the same product type twice.'),
    messages: {
      default: msg(
        'Product Type「{productType}」在同一份合約中已出現在第 {firstRow} 列；每個 Product Type 只能有一列，請刪除重複的列。',
        'Product type "{productType}" already appears in this contract at row {firstRow}; a contract has one row per product type. Delete the repeated row.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.rowCount < 2) continue;
      const seen = new Map<string, number>();
      for (const row of g.rows) {
        const type = row.values.productType;
        if (type === undefined) continue;
        const key = `${productTypeKey(type)}\u0000${g.contractType === '單品加碼' ? (row.values.productId ?? '').trim() : ''}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, row.row);
        else ctx.report({ sheet: g.sheet, row, key: 'productType', data: { productType: type, firstRow: first } });
      }
    }
  },
});
