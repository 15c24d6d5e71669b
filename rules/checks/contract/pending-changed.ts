import { defineRule, msg } from '../../engine/rule.js';
import { contractGroupsOf, groupRowsData, STATUS_PENDING } from '../../derive/contracts.js';
import { baselineByMatchKey, changeData, changedFields, matchKey } from './approved-changed.js';

/**
 * `contract/pending-changed`: with a baseline, a contract that was 待審核 (pending) then and is
 * still pending now, yet whose content changed. The CMS only lets a pending contract be viewed or
 * deleted (SPEC §5.3), so an edit in the sheet is not what LINE購物 reviews: delete it in the CMS
 * and resubmit. Rows are matched like `contract/approved-changed` (shop + contract type + product
 * type + start); reported once per contract, on its first row, at the first changed cell.
 */
export default defineRule({
  meta: {
    id: 'contract/pending-changed',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('（有基準時）待審核的合約在上次檢查後被更動；後台只能刪除後重新送審。', 'With a baseline: a pending contract changed since the baseline run; the CMS only lets it be deleted and resubmitted.'),
    messages: {
      default: msg(
        '這份合約仍在待審核，但 {fields} 與上次檢查不同：{changes}。待審核的合約後台只能檢視或刪除，請刪除後重新送審，LINE購物 才會審到新的內容{rowsNote}。',
        'This contract is still pending, yet {fieldsEn} differs from the last check: {changesEn}. The CMS only lets a pending contract be viewed or deleted: delete it and resubmit it so LINE Shopping reviews the new content{rowsNoteEn}.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const baseline = ctx.baseline;
    if (!baseline) return;
    const before = baselineByMatchKey(baseline.contracts);
    for (const g of contractGroupsOf(ctx)) {
      for (const row of g.rows) {
        const productType = row.values.productType;
        if (productType === undefined || row.values.status !== STATUS_PENDING) continue;
        const was = before.get(matchKey(g.shopId, g.contractType, productType, g.start));
        if (!was || was.status !== STATUS_PENDING) continue;
        const changes = changedFields(row, was);
        if (changes.length === 0) continue;
        ctx.report({
          sheet: g.sheet,
          row: g.first,
          key: changes[0]!.field.key,
          data: {
            ...changeData(g.sheet, changes),
            ...groupRowsData(g),
          },
        });
        break;
      }
    }
  },
});
