import { defineRule, msg } from '../../engine/rule.js';
import type { BaselineContract } from '../../engine/baseline.js';
import type { ParsedRow, ParsedSheet } from '../../sheet/parse.js';
import type { ContractValues } from '../../sheet/rows.js';
import { CONTRACTS } from '../../columns.js';
import { contractGroupByRow, contractGroupsOf, groupRowsData, productTypeKey, rangeText, samePercent, STATUS_APPROVED, type ContractGroup } from '../../derive/contracts.js';
import { formatWall } from '../../time/civil.js';

type FieldKey = 'end' | 'remark' | 'frontRate' | 'baseRate' | 'rebateCap' | 'cps' | 'vendorBonus' | 'productId';

interface Field {
  readonly key: FieldKey;
  readonly same: (a: string | number, b: string | number) => boolean;
  readonly show: (v: string | number | null) => string;
}

const exact = (a: string | number, b: string | number) => a === b;
const percent = (a: string | number, b: string | number) => typeof a === 'number' && typeof b === 'number' && samePercent(a, b);
const plain = (v: string | number | null) => (v === null || v === '' ? '（空白）' : String(v));
const pct = (v: string | number | null) => (v === null ? '（空白）' : `${v}%`);
const wall = (v: string | number | null) => (typeof v === 'number' ? formatWall(v) : plain(v));

/** What the CMS freezes once a contract is approved (the start is the match key itself). */
const FIELDS: readonly Field[] = [
  { key: 'end', same: exact, show: wall },
  { key: 'remark', same: exact, show: plain },
  { key: 'baseRate', same: percent, show: pct },
  { key: 'frontRate', same: percent, show: pct },
  { key: 'rebateCap', same: exact, show: plain },
  { key: 'cps', same: percent, show: pct },
  { key: 'vendorBonus', same: percent, show: pct },
  { key: 'productId', same: exact, show: plain },
];

/**
 * The key a contract row is matched by across runs: shop, contract type, product type and start.
 * @example matchKey('goodday_food', '活動加碼', 'Normal', 0) === 'goodday_food\u0000活動加碼\u0000normal\u00000'
 */
export function matchKey(shopId: string, contractType: string, productType: string, start: number): string {
  return [shopId, contractType, productTypeKey(productType), String(start)].join('\u0000');
}

/**
 * The baseline's contracts by `matchKey`; with several rows under one key the first is kept,
 * unless `replaces(kept, later)` says the later one matters more.
 */
export function baselineByMatchKey(
  contracts: readonly BaselineContract[],
  replaces: (kept: BaselineContract, later: BaselineContract) => boolean = () => false,
): Map<string, BaselineContract> {
  const byKey = new Map<string, BaselineContract>();
  for (const c of contracts) {
    const k = matchKey(c.shopId, c.contractType, c.productType, c.start);
    const kept = byKey.get(k);
    if (!kept || replaces(kept, c)) byKey.set(k, c);
  }
  return byKey;
}

/** A current value as the baseline stores it: blank = null. */
function currentValue(v: ContractValues, key: FieldKey): string | number | null {
  const x = v[key];
  return x === undefined ? (key === 'remark' ? '' : null) : x;
}

/**
 * The fields of a row that differ from its baseline version; cells the parser could not read are
 * left to the `cell/*` rules.
 */
export function changedFields(row: ParsedRow<'contracts'>, before: BaselineContract): { field: Field; was: string | number | null; now: string | number | null }[] {
  const out: { field: Field; was: string | number | null; now: string | number | null }[] = [];
  for (const field of FIELDS) {
    if (row.invalid.has(field.key)) continue;
    const now = currentValue(row.values, field.key);
    const was = field.key === 'remark' ? before.remark : before[field.key];
    const same = now === null || was === null ? now === was : field.same(now, was);
    if (!same) out.push({ field, was, now });
  }
  return out;
}

function headerOf(sheet: ParsedSheet<'contracts'>, key: string): { zh: string; en: string } {
  const def = CONTRACTS.columns.find((c) => c.key === key)!;
  return { zh: sheet.columns.get(key)?.header ?? def.zh, en: def.en };
}

/** Message data naming changed fields (as headed in the sheet) and their old → new values, in both languages. */
export function changeData(sheet: ParsedSheet<'contracts'>, changes: ReturnType<typeof changedFields>): Record<string, string> {
  const headers = changes.map((c) => headerOf(sheet, c.field.key));
  return {
    fields: headers.map((h) => h.zh).join('、'),
    fieldsEn: headers.map((h) => h.en).join(', '),
    changes: changes.map((c, i) => `${headers[i]!.zh} ${c.field.show(c.was)} → ${c.field.show(c.now)}`).join('；'),
    changesEn: changes.map((c, i) => `${headers[i]!.en} ${c.field.show(c.was)} → ${c.field.show(c.now)}`).join('; '),
  };
}

/**
 * `contract/approved-changed`: once LINE購物 approves a contract (通過) it can only be viewed —
 * its time and content no longer change ("若狀態為已審核，則活動時間不會再變動"). With a
 * baseline (a previous run), rows are matched by shop + contract type + product type + start:
 *
 * - `default`: a baseline-approved row whose end, remark, rates, cap, CPS, vendor bonus or product
 *   id differ now;
 * - `nowApproved`: a row approved now whose content differs from the version checked before;
 * - `moved`: a baseline-approved row whose start changed (no match, but a row of the same shop,
 *   type and product type overlaps its period);
 * - `vanished`: a baseline-approved row that is gone, while the shop still has rows (reported on
 *   the tab, not a row).
 *
 * Reported once per contract, on its first row. Silent without a baseline.
 */
export default defineRule({
  meta: {
    id: 'contract/approved-changed',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('（有基準時）已通過審核的合約在上次檢查後被更動。', 'With a baseline: an approved contract changed since the baseline run.'),
    messages: {
      default: msg(
        '這份合約上次檢查時已「通過」審核，通過後不可更動，但 {fields} 變了：{changes}{rowsNote}。',
        'This contract was already approved at the last check and cannot change, yet {fieldsEn} changed: {changesEn}{rowsNoteEn}.',
      ),
      nowApproved: msg(
        '這份合約已「通過」審核，但內容與上次檢查的版本不同（{fields}：{changes}），請確認通過的是正確的版本{rowsNote}。',
        'This contract is approved, but it differs from the version checked last time ({fieldsEn}: {changesEn}); make sure the right version was approved{rowsNoteEn}.',
      ),
      moved: msg(
        '上次檢查時已「通過」的合約（{was}）的開始時間被改了；通過後活動時間不可變動{rowsNote}。',
        'The contract approved at the last check ({was}) now has another start time; an approved contract\'s period cannot change{rowsNoteEn}.',
      ),
      vanished: msg(
        '上次檢查時已「通過」的合約（商店「{shopId}」，{productType}，{was}，備註「{remark}」）已不在此表中。',
        'The contract approved at the last check (shop "{shopId}", {productType}, {was}, remark "{remark}") is no longer in this sheet.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const baseline = ctx.baseline;
    if (!baseline) return;
    // Several baseline rows with one key: the approved one is what must not change.
    const before = baselineByMatchKey(baseline.contracts, (seen, c) => seen.status !== STATUS_APPROVED && c.status === STATUS_APPROVED);

    type Finding = { row: ParsedRow<'contracts'>; messageId: string; key: string; data: Record<string, string> };
    const findings = new Map<ContractGroup, Finding>();
    const matched = new Set<BaselineContract>();
    const unmatched = new Map<string, ParsedRow<'contracts'>[]>();
    const groupOf = contractGroupByRow(ctx);
    const shopsNow = new Set<string>();

    for (const g of contractGroupsOf(ctx)) {
      shopsNow.add(g.shopId);
      for (const row of g.rows) {
        const productType = row.values.productType;
        if (productType === undefined) continue;
        const was = before.get(matchKey(g.shopId, g.contractType, productType, g.start));
        if (!was) {
          const k = matchKey(g.shopId, g.contractType, productType, 0);
          (unmatched.get(k) ?? unmatched.set(k, []).get(k)!).push(row);
          continue;
        }
        matched.add(was);
        const wasApproved = was.status === STATUS_APPROVED;
        if (!wasApproved && row.values.status !== STATUS_APPROVED) continue;
        const changes = changedFields(row, was);
        if (changes.length === 0 || findings.has(g)) continue;
        findings.set(g, { row, messageId: wasApproved ? 'default' : 'nowApproved', key: changes[0]!.field.key, data: changeData(g.sheet, changes) });
      }
    }

    const vanished: BaselineContract[] = [];
    for (const c of before.values()) {
      if (c.status !== STATUS_APPROVED || matched.has(c)) continue;
      const candidates = unmatched.get(matchKey(c.shopId, c.contractType, c.productType, 0)) ?? [];
      const moved = candidates.find((r) => r.values.start! <= c.end && r.values.end! >= c.start);
      const g = moved && groupOf.get(moved);
      if (g) {
        if (!findings.has(g)) findings.set(g, { row: moved!, messageId: 'moved', key: 'start', data: { was: rangeText(c.start, c.end) } });
      } else if (shopsNow.has(c.shopId)) {
        vanished.push(c);
      }
    }

    for (const [g, f] of findings) {
      ctx.report({ sheet: g.sheet, row: g.first, key: f.key, messageId: f.messageId, data: { ...f.data, ...groupRowsData(g) } });
    }
    const tab = ctx.sheets('contracts')[0];
    for (const c of vanished) {
      ctx.report({ sheet: tab ?? null, messageId: 'vanished', data: { shopId: c.shopId, productType: c.productType, was: rangeText(c.start, c.end), remark: c.remark } });
    }
  },
});
