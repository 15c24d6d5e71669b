import { defineRule, msg } from '../../engine/rule.js';
import { baseContractsAt, baseContractsOf, contractGroupsOf, groupRowsData, productTypeKey } from '../../derive/contracts.js';

/**
 * Product types of `want` missing from `have`, by productTypeKey, as written in `want`.
 * @example missingTypes(['normal', '3c'], ['Normal']) → ['3c']
 */
export function missingTypes(want: readonly string[], have: readonly string[]): string[] {
  const keys = new Set(have.map(productTypeKey));
  return want.filter((t) => !keys.has(productTypeKey(t)));
}

/**
 * `contract/product-types-mismatch`: a contract needs one row per product type of the base
 * contracts in force at its start, no more and no fewer. The CMS knows two cases that never
 * coexist: "normal only" and "several types" (e.g. normal + 3c); a contract written for one
 * while the base contracts are the other is refused. Shops without any base contract at the
 * start are left to `contract/no-base-contract`.
 */
export default defineRule({
  meta: {
    id: 'contract/product-types-mismatch',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('合約的 Product Type 與鋪底合約不一致（「只有 normal」與「多項 Product Type」不會並存）。', "The contract's product types differ from its base contracts' (normal-only and several types never coexist)."),
    messages: {
      default: msg(
        '開始時間的鋪底合約 Product Type 是 {expected}，但這份合約是 {actual}（缺少：{missing}；多出：{extra}）{rowsNote}。',
        'The base contracts at the start have product types {expectedEn}, but this contract has {actualEn} (missing: {missingEn}; extra: {extraEn}){rowsNoteEn}.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const index = baseContractsOf(ctx);
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const g = allGroups[gi]!;
      if (g.end <= g.start || g.productTypes.length === 0) continue;
      const expected: string[] = [];
      const seen = new Set<string>();
      // Latest start first; list each type once, in sheet order of the base contracts.
      const atStart = [...baseContractsAt(index, g.shopId, g.start)].sort((a, b) => a.row.row - b.row.row);
      for (const b of atStart) {
        if (!seen.has(productTypeKey(b.productType))) {
          seen.add(productTypeKey(b.productType));
          expected.push(b.productType);
        }
      }
      if (expected.length === 0) continue;
      const missing = missingTypes(expected, g.productTypes);
      const extra = missingTypes(g.productTypes, expected);
      if (missing.length === 0 && extra.length === 0) continue;
      const none = (list: string[], sep: string, empty: string) => (list.length ? list.join(sep) : empty);
      ctx.report({
        sheet: g.sheet,
        row: g.first,
        key: 'productType',
        data: {
          expected: expected.join('、'),
          expectedEn: expected.join(', '),
          actual: g.productTypes.join('、'),
          actualEn: g.productTypes.join(', '),
          missing: none(missing, '、', '無'),
          missingEn: none(missing, ', ', 'none'),
          extra: none(extra, '、', '無'),
          extraEn: none(extra, ', ', 'none'),
          ...groupRowsData(g),
        },
      });
    }
  },
});
