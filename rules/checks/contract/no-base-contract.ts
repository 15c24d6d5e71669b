import { defineRule, msg } from '../../engine/rule.js';
import { baseContractsAt, baseContractsOf, contractGroupsOf, coveredUntil, groupRowsData, productTypeKey, rangeText } from '../../derive/contracts.js';
import { formatWall } from '../../time/civil.js';

/**
 * `contract/no-base-contract`: the CMS fills a contract's product types from the base
 * (鋪底導購) contracts in force and refuses a period no base contract covers ("如該時段沒有鋪底
 * 合約，則不可設定活動合約"). For each product type of a contract, base contracts of that shop and
 * type must cover its whole period, alone or as consecutive periods.
 *
 * A product type the shop has no base contract of at the start, while it has base contracts of
 * other types there, is left to `contract/product-types-mismatch` (one problem, one violation).
 */
export default defineRule({
  meta: {
    id: 'contract/no-base-contract',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('沒有該商店與 Product Type 的鋪底合約涵蓋整個合約期間。', 'No base contract of the shop and product type covers the whole period.'),
    messages: {
      default: msg(
        '商店「{shopId}」沒有 {productTypes} 的鋪底合約涵蓋 {range}，該時段不可設定加碼合約{rowsNote}。',
        'Shop "{shopId}" has no {productTypesEn} base contract covering {range}; no bonus contract can be set then{rowsNoteEn}.',
      ),
      partial: msg(
        '商店「{shopId}」{productTypes} 的鋪底合約只涵蓋到 {coveredUntil}，未涵蓋整個合約期間 {range}{rowsNote}。',
        'Shop "{shopId}"\'s {productTypesEn} base contracts end at {coveredUntil} and do not cover the whole period {range}{rowsNoteEn}.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const index = baseContractsOf(ctx);
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.end <= g.start) continue;
      const typesAtStart = new Set(baseContractsAt(index, g.shopId, g.start).map((b) => productTypeKey(b.productType)));
      const uncovered: string[] = [];
      let earliestEnd: number | undefined;
      let anyPartial = false;
      for (const t of g.productTypes) {
        if (typesAtStart.size > 0 && !typesAtStart.has(productTypeKey(t))) continue; // product-types-mismatch
        const until = coveredUntil(index, g.shopId, t, g.start);
        if (until !== undefined && until >= g.end) continue;
        uncovered.push(t);
        if (until !== undefined) {
          anyPartial = true;
          earliestEnd = earliestEnd === undefined ? until : Math.min(earliestEnd, until);
        }
      }
      if (uncovered.length === 0) continue;
      const data = { shopId: g.shopId, productTypes: uncovered.join('、'), productTypesEn: uncovered.join(', '), range: rangeText(g.start, g.end), ...groupRowsData(g) };
      if (anyPartial && earliestEnd !== undefined) {
        ctx.report({ sheet: g.sheet, row: g.first, key: 'end', messageId: 'partial', data: { ...data, coveredUntil: formatWall(earliestEnd) } });
      } else {
        ctx.report({ sheet: g.sheet, row: g.first, key: 'start', data });
      }
    }
  },
});
