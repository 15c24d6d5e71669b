/**
 * Contracts as the CMS sees them, derived once per validation (ctx.memo) and shared by the
 * contract, partner and ring rules:
 *
 * - **contract groups**: rows of one 加碼合約 tab with the same shop, contract type, start, end and
 *   remark are one contract with one row per product type (SPEC §4.2);
 * - the **base-contract index**: 鋪底合約 rows by shop and product type, sorted by start, with
 *   the merged periods they cover (the CMS's base contracts may be consecutive periods);
 * - whether a row is a **partner-plan contract** (the 夥伴互利 column, or inferred).
 *
 * Everything here is pure and O(n log n) to build; queries are O(log n) plus what they return.
 */
import type { RuleContext } from '../engine/rule.js';
import type { MessageData } from '../types.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';
import { enrollmentsOf, enrolledMonthsByShop } from './enrollments.js';
import { partnerCps } from './partner-rates.js';
import { normalizeText } from '../text/normalize.js';
import { dayOfWall, formatWall, monthKeyOfDay } from '../time/civil.js';
import { cleanPercent } from '../values/percent.js';

/** Canonical contract types and statuses (the `value`s of columns.ts' enum options). */
export const CAMPAIGN_BONUS = '活動加碼';
export const SINGLE_PRODUCT_BONUS = '單品加碼';
export const STATUS_PENDING = '待審核';
export const STATUS_APPROVED = '通過';
export const STATUS_REJECTED = '不通過';
export const STATUS_DRAFT = '草稿';

/** The smallest step of a wall value the sheets carry: one second. */
const SECOND_MS = 1000;

// ---------------------------------------------------------------------------------------------
// Contract groups

export interface ContractGroup {
  readonly sheet: ParsedSheet<'contracts'>;
  /** The group's rows in sheet order (one per product type, normally). */
  readonly rows: readonly ParsedRow<'contracts'>[];
  /** `rows.length`. */
  readonly rowCount: number;
  /** `rows[0]`: group-level rules report here. */
  readonly first: ParsedRow<'contracts'>;
  readonly shopId: string;
  /** `活動加碼` or `單品加碼`. */
  readonly contractType: string;
  /** The remark as written ('' when blank or unreadable). */
  readonly remark: string;
  /** Wall ms. */
  readonly start: number;
  /** Wall ms (a date alone was read as 23:59:59). */
  readonly end: number;
  /** Distinct product types as written, in row order (blank or unreadable ones left out). */
  readonly productTypes: readonly string[];
  /** The first row's status (undefined = blank: a new contract). */
  readonly status: string | undefined;
  /** The latest submittedAt of its rows (a contract counts as submitted when all of it is), or undefined. */
  readonly submittedAt: number | undefined;
}

/**
 * The grouping key of a row, or undefined when a key cell is blank or unreadable (such rows form
 * no contract; `cell/*` rules report them).
 * @example groupKey({ shopId: 'a', contractType: '活動加碼', start: 0, end: 86399000, remark: 'x' }) === 'a\u0000活動加碼\u00000\u000086399000\u0000x'
 */
export function groupKey(v: { shopId?: string; contractType?: string; start?: number; end?: number; remark?: string }): string | undefined {
  if (!hasContractKey(v)) return undefined;
  return `${v.shopId}\u0000${v.contractType}\u0000${v.start}\u0000${v.end}\u0000${v.remark ?? ''}`;
}

/**
 * Whether a row's key cells (shop, contract type, start, end) are all readable: only such rows
 * form a contract group (groupKey, groupContractRows).
 */
export function hasContractKey(v: { shopId?: string; contractType?: string; start?: number; end?: number }): boolean {
  return v.shopId !== undefined && v.contractType !== undefined && v.start !== undefined && v.end !== undefined;
}

/** The productTypes of a group before closeGroup: shared, never mutated. */
const NO_PRODUCT_TYPES: readonly string[] = Object.freeze([]);

/**
 * A contract group as groupContractRows builds it: its rows, and what they decide together (the
 * product types and submittedAt, set by closeGroup once the tab is read). What every row of the
 * group shares (shop, type, remark, period, the first row's status) is read from its first row,
 * not copied, and a contract of one row (nearly all) keeps no array of its own: a 100k-row tab
 * holds some 70k groups through the whole check, and a 1m-row tab 700k (docs/performance.md,
 * issue 12: 362 → 249 bytes retained a group, then 105 on average at 100k rows).
 */
class RowGroup implements ContractGroup {
  /**
   * A contract of several rows: all its rows, the distinct product types (one shared frozen
   * array per combination: a tab has a few) and the latest submittedAt, set by closeGroup. A
   * contract of one row has none: they are its first row's, read when asked (no array per
   * contract: 1m rows hold 700k groups).
   */
  multi: MultiRow | undefined = undefined;
  constructor(
    readonly sheet: ParsedSheet<'contracts'>,
    readonly first: ParsedRow<'contracts'>,
  ) {}
  get rows(): readonly ParsedRow<'contracts'>[] {
    return this.multi === undefined ? [this.first] : this.multi.rows;
  }
  get rowCount(): number {
    return this.multi === undefined ? 1 : this.multi.rows.length;
  }
  get productTypes(): readonly string[] {
    if (this.multi !== undefined) return this.multi.types;
    const t = this.first.values.productType;
    return t === undefined ? NO_PRODUCT_TYPES : sharedTypes([t]);
  }
  get submittedAt(): number | undefined {
    return this.multi === undefined ? this.first.values.submittedAt : this.multi.latest;
  }
  get shopId(): string {
    return this.first.values.shopId!;
  }
  get contractType(): string {
    return this.first.values.contractType!;
  }
  get remark(): string {
    return this.first.values.remark ?? '';
  }
  get start(): number {
    return this.first.values.start!;
  }
  get end(): number {
    return this.first.values.end!;
  }
  get status(): string | undefined {
    return this.first.values.status;
  }
}

/** What the rows of a contract of several rows decide together (RowGroup.multi). */
interface MultiRow {
  rows: ParsedRow<'contracts'>[];
  types: readonly string[];
  latest: number | undefined;
}

/**
 * A group's product types as one frozen array per distinct list (a tab has a few: normal, 3c,
 * normal + 3c …) instead of one per contract. Bounded like normalizeText's cache.
 */
const sharedSingleTypes = new Map<string, readonly string[]>();
const sharedTypeLists = new Map<string, readonly string[]>();
function sharedTypes(types: readonly string[]): readonly string[] {
  // A list's key is its JSON (a product type may hold any character, so no separator is safe);
  // a single type, read on every access of a one-row contract, is its own key in its own map.
  const single = types.length === 1;
  const cache = single ? sharedSingleTypes : sharedTypeLists;
  const key = single ? types[0]! : JSON.stringify(types);
  let out = cache.get(key);
  if (out === undefined) {
    if (cache.size >= 4096) cache.clear();
    out = Object.freeze(types.slice());
    cache.set(key, out);
  }
  return out;
}

/** Sets what the rows of a contract of several rows decide together: its distinct product types and latest submittedAt. */
function closeGroup(group: RowGroup): void {
  const multi = group.multi;
  if (multi === undefined) return; // one row: read from it
  const rows = multi.rows;
  // A contract has a few product types: their keys in a small array, not a Set.
  const seenKeys: string[] = [];
  const types: string[] = [];
  let submittedAt: number | undefined;
  for (let i = 0; i < rows.length; i++) {
    const rv = rows[i]!.values;
    const t = rv.productType;
    if (t !== undefined) {
      const k = productTypeKey(t);
      if (!seenKeys.includes(k)) {
        seenKeys.push(k);
        types.push(t);
      }
    }
    const s = rv.submittedAt;
    if (s !== undefined && (submittedAt === undefined || s > submittedAt)) submittedAt = s;
  }
  if (types.length > 0) multi.types = sharedTypes(types);
  multi.latest = submittedAt;
}

/**
 * Groups the rows of one contracts tab, in order of each group's first row. Same grouping as
 * `groupKey`, without building a key string per row, and without random access into a table of
 * every contract: each keyed row gets a number — a hash of its (shop, start) above its row index —
 * and the numbers are sorted (natively, as a Float64Array), so that rows of one (shop, start) sit
 * side by side, in sheet order. Only such runs of several rows (and hash collisions, which land
 * in the same run) are compared field by field; a row alone in its run is a contract of its own.
 * A hash table over the groups cost two or three cache misses a row at 1m rows (a 1m-row tab was
 * grouped 20 × slower than 100k, bench "overlap alone": issue 12's growth check); this costs 16
 * bytes a row outside the heap, only while grouping. Each group is its ContractGroup from its
 * first row on.
 *
 * `hashBits` (tests only) keeps fewer bits of the hash, to force collisions between different
 * shops and starts.
 */
export function groupContractRows(sheet: ParsedSheet<'contracts'>, hashBits = 32): ContractGroup[] {
  const rows = sheet.rows;
  const n = rows.length;
  // key = hash × 2^indexBits + row index: an integer below 2^53, so a double holds it exactly.
  let indexBits = 1;
  while (2 ** indexBits < n) indexBits++;
  const keepBits = Math.min(hashBits, 32, 53 - indexBits);
  const indexScale = 2 ** indexBits;
  const keys = new Float64Array(n);
  let keyed = 0;
  /** Row index → the index of its group's first row; CONTINUES: the previous row's group; -1: no key, no group. */
  const firstOf = new Int32Array(n).fill(-1);
  let lastShop: string | undefined;
  let lastHash = 0;
  // The previous row's key fields (prevShop undefined: it had no key).
  let prevShop: string | undefined;
  let prevType: string | undefined;
  let prevRemark: string | undefined;
  let prevStart = 0;
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const v = rows[i]!.values;
    const shopId = v.shopId;
    const contractType = v.contractType;
    const start = v.start;
    const end = v.end;
    if (shopId === undefined || contractType === undefined || start === undefined || end === undefined) {
      prevShop = undefined;
      continue;
    }
    const remark = v.remark ?? '';
    // A contract's rows (one per product type) usually come one after another: such a row joins
    // the previous row's group without a key of its own.
    if (shopId === prevShop && contractType === prevType && remark === prevRemark && sameNumber(start, prevStart) && sameNumber(end, prevEnd)) {
      firstOf[i] = CONTINUES;
      continue;
    }
    prevShop = shopId;
    prevType = contractType;
    prevRemark = remark;
    prevStart = start;
    prevEnd = end;
    // A shop's rows usually come together: its hash is computed again only when the shop changes.
    if (shopId !== lastShop) {
      lastShop = shopId;
      lastHash = stringHash(shopId);
    }
    // Whole seconds (what sheets carry) as an int32 until 2038; anything else only hashes worse.
    const seconds = start / SECOND_MS;
    const h = mix32(lastHash ^ Math.imul((seconds | 0) ^ ((seconds / 4294967296) | 0), 0x9e3779b1));
    keys[keyed++] = (keepBits === 32 ? h : h >>> (32 - keepBits)) * indexScale + i;
  }
  const sorted = keys.subarray(0, keyed).sort();
  /** The first rows of the groups of the current run. */
  const runFirsts: number[] = [];
  for (let k = 0; k < keyed; ) {
    const hash = Math.floor(sorted[k]! / indexScale);
    let end = k + 1;
    while (end < keyed && Math.floor(sorted[end]! / indexScale) === hash) end++;
    if (end === k + 1) {
      const i = sorted[k]! - hash * indexScale;
      firstOf[i] = i;
    } else {
      // Several rows with one hash, in sheet order: each joins the first earlier group it matches.
      runFirsts.length = 0;
      for (let q = k; q < end; q++) {
        const i = sorted[q]! - hash * indexScale;
        const v = rows[i]!.values;
        let first = i;
        for (let f = 0; f < runFirsts.length; f++) {
          if (sameContractRow(rows[runFirsts[f]!]!.values, v)) {
            first = runFirsts[f]!;
            break;
          }
        }
        if (first === i) runFirsts.push(i);
        firstOf[i] = first;
      }
    }
    k = end;
  }
  // The groups in order of their first rows; a later row joins its group through its first row's
  // entry, which then holds the group's index: a first row's entry is overwritten once read (when
  // its group is made), and later rows read only first rows' entries.
  const order: RowGroup[] = [];
  let previous: RowGroup | undefined;
  for (let i = 0; i < n; i++) {
    const first = firstOf[i]!;
    if (first === -1) continue;
    const row = rows[i]!;
    if (first === i) {
      firstOf[i] = order.length;
      previous = new RowGroup(sheet, row);
      order.push(previous);
      continue;
    }
    const hit = first === CONTINUES ? previous! : order[firstOf[first]!]!;
    previous = hit;
    const multi = hit.multi;
    if (multi === undefined) hit.multi = { rows: [hit.first, row], types: NO_PRODUCT_TYPES, latest: undefined };
    // A short list grows by copying, to its exact length (push would reserve room for 17 more).
    else if (multi.rows.length < 8) multi.rows = [...multi.rows, row];
    else multi.rows.push(row);
  }
  for (let i = 0; i < order.length; i++) closeGroup(order[i]!);
  return order;
}

/** groupContractRows' mark of a row that belongs to the previous row's group. */
const CONTINUES = -2;

/** FNV-1a over the string's UTF-16 code units. */
function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** MurmurHash3's finaliser: every input bit moves the top bits too (the sort keeps the top ones). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type ContractKeyValues = { readonly shopId?: string; readonly contractType?: string; readonly remark?: string; readonly start?: number; readonly end?: number };

/** Whether two keyed rows are of one contract: the fields of groupKey, NaN equal to NaN (as a Map key compares). */
function sameContractRow(a: ContractKeyValues, b: ContractKeyValues): boolean {
  return a.shopId === b.shopId && a.contractType === b.contractType && (a.remark ?? '') === (b.remark ?? '') && sameNumber(a.start!, b.start!) && sameNumber(a.end!, b.end!);
}

/** `a === b`, NaN equal to NaN (as a Map key compares). */
function sameNumber(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** Every contract group of every contracts tab (workbook order, then first row). Memoised. */
export function contractGroupsOf(ctx: RuleContext): readonly ContractGroup[] {
  return ctx.memo('contract/groups', () => {
    const sheets = ctx.sheets('contracts');
    if (sheets.length === 1) return groupContractRows(sheets[0]!);
    const out: ContractGroup[] = [];
    for (const s of sheets) for (const g of groupContractRows(s)) out.push(g);
    return out;
  });
}

/** The group each grouped row belongs to. Memoised. */
export function contractGroupByRow(ctx: RuleContext): ReadonlyMap<ParsedRow<'contracts'>, ContractGroup> {
  return ctx.memo('contract/groupByRow', () => {
    const out = new Map<ParsedRow<'contracts'>, ContractGroup>();
    for (const g of contractGroupsOf(ctx)) for (const r of g.rows) out.set(r, g);
    return out;
  });
}

/**
 * Message data naming a group's other rows, for group-level violations reported on its first row:
 * `rows` ('3、4', '' for a one-row contract) and a ready sentence in both languages
 * (`rowsNote`/`rowsNoteEn`, '' for a one-row contract) that templates append as `{rowsNote}`.
 * @example groupRowsData(group of rows 2, 3, 4) → { rows: '3、4', rowsNote: '（同一合約另含第 3、4 列）', rowsNoteEn: ' (same contract: also rows 3, 4)' }
 */
export function groupRowsData(group: ContractGroup): MessageData {
  const others = group.rows.slice(1).map((r) => r.row);
  if (others.length === 0) return { rows: '', rowsNote: '', rowsNoteEn: '' };
  return {
    rows: others.join('、'),
    rowsNote: `（同一合約另含第 ${others.join('、')} 列）`,
    rowsNoteEn: ` (same contract: also row${others.length > 1 ? 's' : ''} ${others.join(', ')})`,
  };
}

/** Whether a contract takes part in overlaps and coverage: 不通過 and 草稿 rows do not. */
export function countsAsLive(status: string | undefined): boolean {
  return status !== STATUS_REJECTED && status !== STATUS_DRAFT;
}

// ---------------------------------------------------------------------------------------------
// Base contracts

export interface BaseContract {
  readonly sheet: ParsedSheet<'base-contracts'>;
  readonly row: ParsedRow<'base-contracts'>;
  readonly shopId: string;
  /** As written, e.g. `normal`, `3c`. */
  readonly productType: string;
  readonly baseRate: number | undefined;
  readonly cps: number | undefined;
  readonly pointPrice: number | undefined;
  /** Wall ms. */
  readonly start: number;
  readonly end: number;
}

/** A maximal period covered without a gap by consecutive (or overlapping) base contracts. */
export interface CoveredSpan {
  readonly start: number;
  readonly end: number;
}

export interface BaseIndexEntry {
  /** Sorted by start (then end, then sheet order). */
  readonly contracts: readonly BaseContract[];
  /** maxEnd[i] = max end of contracts[0..i]: lets a backward scan stop early. */
  readonly maxEnd: readonly number[];
  /** Merged covered periods, sorted and disjoint. */
  readonly spans: readonly CoveredSpan[];
}

export interface BaseContractIndex {
  /** Base contracts by `baseKey(shopId, productType)`, sorted by start. */
  readonly byKey: ReadonlyMap<string, readonly BaseContract[]>;
  /** Base contracts by shop id, sorted by start. */
  readonly byShop: ReadonlyMap<string, readonly BaseContract[]>;
  /** Whether any base-contracts tab is present (rules that need one declare `requires`). */
  readonly present: boolean;
  /** Internal search structures, by the same keys as `byKey` (and `shop:` + shopId for byShop). */
  readonly entries: ReadonlyMap<string, BaseIndexEntry>;
}

/**
 * Product types compare case-insensitively and width-insensitively: the deck writes `Normal` in
 * prose and `normal` in tables.
 * @example productTypeKey(' Normal ') === 'normal'
 */
export function productTypeKey(productType: string): string {
  return normalizeText(productType);
}

/** @example baseKey('goodday_food', 'Normal') === 'goodday_food\u0000normal' */
export function baseKey(shopId: string, productType: string): string {
  return `${shopId}\u0000${productTypeKey(productType)}`;
}

function byStart(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Merges periods that overlap or follow each other within one second (an end of 23:59:59 and a
 * start of 00:00:00 the next day are consecutive).
 * @example mergeSpans([{start: 0, end: 86_399_000}, {start: 86_400_000, end: 172_799_000}]) → [{start: 0, end: 172_799_000}]
 */
export function mergeSpans(sorted: readonly { readonly start: number; readonly end: number }[]): CoveredSpan[] {
  const out: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.start <= last.end + SECOND_MS) last.end = Math.max(last.end, p.end);
    else out.push({ start: p.start, end: p.end });
  }
  return out;
}

function entryOf(list: BaseContract[]): BaseIndexEntry {
  list.sort(byStart);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const b of list) {
    m = Math.max(m, b.end);
    maxEnd.push(m);
  }
  return { contracts: list, maxEnd, spans: mergeSpans(list) };
}

/** Builds the index from base-contract rows (rows missing shop, type, start or end, or ending before they start, are left out). */
export function indexBaseContracts(sheets: readonly ParsedSheet<'base-contracts'>[]): BaseContractIndex {
  const byKeyLists = new Map<string, BaseContract[]>();
  const byShopLists = new Map<string, BaseContract[]>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const v = row.values;
      if (v.shopId === undefined || v.productType === undefined || v.start === undefined || v.end === undefined || v.end < v.start) continue;
      const b: BaseContract = { sheet, row, shopId: v.shopId, productType: v.productType, baseRate: v.baseRate, cps: v.cps, pointPrice: v.pointPrice, start: v.start, end: v.end };
      const k = baseKey(b.shopId, b.productType);
      (byKeyLists.get(k) ?? byKeyLists.set(k, []).get(k)!).push(b);
      (byShopLists.get(b.shopId) ?? byShopLists.set(b.shopId, []).get(b.shopId)!).push(b);
    }
  }
  const entries = new Map<string, BaseIndexEntry>();
  const byKey = new Map<string, readonly BaseContract[]>();
  const byShop = new Map<string, readonly BaseContract[]>();
  for (const [k, list] of byKeyLists) {
    const e = entryOf(list);
    entries.set(k, e);
    byKey.set(k, e.contracts);
  }
  for (const [shop, list] of byShopLists) {
    const e = entryOf(list);
    entries.set(`shop:${shop}`, e);
    byShop.set(shop, e.contracts);
  }
  return { byKey, byShop, present: sheets.length > 0, entries };
}

/** The base-contract index of the workbook. Memoised. */
export function baseContractsOf(ctx: RuleContext): BaseContractIndex {
  return ctx.memo('contract/baseIndex', () => indexBaseContracts(ctx.sheets('base-contracts')));
}

/** Index of the last contract whose start ≤ wall, or -1. */
function lastStartingBy(list: readonly { readonly start: number }[], wall: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= wall) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Contracts of an entry in force at `wall`, latest start first. */
function inForce(e: BaseIndexEntry | undefined, wall: number): BaseContract[] {
  if (!e) return [];
  const out: BaseContract[] = [];
  for (let i = lastStartingBy(e.contracts, wall); i >= 0 && e.maxEnd[i]! >= wall; i--) {
    if (e.contracts[i]!.end >= wall) out.push(e.contracts[i]!);
  }
  return out;
}

/**
 * The base contract of a shop and product type in force at `wall` (the one that started last,
 * should several be), or undefined.
 * @example coveringBaseContract(index, 'goodday_food', 'normal', wallFrom(2026, 5, 1)) → the 2026 normal base contract
 */
export function coveringBaseContract(index: BaseContractIndex, shopId: string, productType: string, wall: number): BaseContract | undefined {
  const e = index.entries.get(baseKey(shopId, productType));
  if (!e) return undefined;
  const i = lastStartingBy(e.contracts, wall);
  for (let j = i; j >= 0 && e.maxEnd[j]! >= wall; j--) if (e.contracts[j]!.end >= wall) return e.contracts[j];
  return undefined;
}

/** A contracts row with the base contract of its shop and product type in force at its start. */
export interface RowWithBase {
  readonly sheet: ParsedSheet<'contracts'>;
  readonly row: ParsedRow<'contracts'>;
  readonly base: BaseContract;
}

/**
 * Every contracts row whose shop, product type and start were read, paired with its covering base
 * contract (rows without one are left to `contract/no-base-contract`). Computed once per check
 * and shared by the rules that compare a row with its base (base rate, CPS).
 */
export function rowsWithBase(ctx: RuleContext): readonly RowWithBase[] {
  return ctx.memo('contractRowsWithBase', () => {
    const index = baseContractsOf(ctx);
    const out: RowWithBase[] = [];
    // No base contracts (no 鋪底合約 tab, or an empty one): no row has a base, and no key is built.
    if (index.entries.size === 0) return out;
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const v = row.values;
      if (v.shopId === undefined || v.productType === undefined || v.start === undefined) continue;
      const base = coveringBaseContract(index, v.shopId, v.productType, v.start);
      if (base) out.push({ sheet, row, base });
    }
    return out;
  });
}

/**
 * Whether base contracts of a shop and product type cover [start, end] wholly, alone or as a run
 * of consecutive periods.
 * @example coversPeriod(index, 'bloom_beauty', 'normal', wallFrom(2026, 6, 30), wallFrom(2026, 7, 1, 23, 59, 59))
 *   === true when one base contract ends 6/30 23:59:59 and the next starts 7/1 00:00:00
 */
export function coversPeriod(index: BaseContractIndex, shopId: string, productType: string, start: number, end: number): boolean {
  const until = coveredUntil(index, shopId, productType, start);
  return until !== undefined && until >= end;
}

/**
 * Until when the base contracts of a shop and product type cover without a gap from `wall` on
 * (the end of the merged period holding `wall`), or undefined when nothing covers `wall`.
 * @example coveredUntil(index, 'bloom_beauty', 'normal', wallFrom(2026, 5, 1)) === wallFrom(2026, 6, 30, 23, 59, 59)
 */
export function coveredUntil(index: BaseContractIndex, shopId: string, productType: string, wall: number): number | undefined {
  const e = index.entries.get(baseKey(shopId, productType));
  if (!e) return undefined;
  const i = lastStartingBy(e.spans, wall);
  if (i < 0 || e.spans[i]!.end < wall) return undefined;
  return e.spans[i]!.end;
}

/**
 * The shop's base contracts in force at `wall`, any product type, latest start first.
 * @example baseContractsAt(index, 'bloom_beauty', wallFrom(2026, 5, 14)) → [normal 2026/01/01–06/30]
 */
export function baseContractsAt(index: BaseContractIndex, shopId: string, wall: number): readonly BaseContract[] {
  return inForce(index.entries.get(`shop:${shopId}`), wall);
}

// ---------------------------------------------------------------------------------------------
// Partner-plan contracts

/** Shop ids with any enrollment row (whatever its plan). Memoised. */
export function enrolledShopIds(ctx: RuleContext): ReadonlySet<string> {
  return ctx.memo('contract/enrolledShopIds', () => {
    const out = new Set<string>();
    for (const e of enrollmentsOf(ctx)) if (e.shopId !== undefined) out.add(e.shopId);
    return out;
  });
}

/**
 * Whether a contract row belongs to the partner plan: the 夥伴互利 column when it says 是/否;
 * blank (or unreadable) = inferred: CPS equals the campaign's partner CPS and the shop is enrolled
 * (any enrollment row with that shop id). Without an enrollment tab the CPS alone decides.
 * @example isPartnerContract(ctx, row with partnerPlan 否, CPS 15%) === false
 * @example isPartnerContract(ctx, row with partnerPlan blank, CPS 15%, shop enrolled) === true
 */
export function isPartnerContract(ctx: RuleContext, row: ParsedRow<'contracts'>): boolean {
  return partnerContractTest(ctx)(row);
}

/**
 * `isPartnerContract(ctx, ·)` for a rule that asks it of every row: the derived data it reads is
 * looked up once (on first need), not per row (each `ctx.memo` call allocates its closure).
 */
export function partnerContractTest(ctx: RuleContext): (row: ParsedRow<'contracts'>) => boolean {
  const expected = expectedPartnerCpsReader(ctx);
  let enrolled: ReadonlySet<string> | undefined;
  return (row) => {
    const v = row.values;
    if (v.partnerPlan !== undefined) return v.partnerPlan;
    if (v.cps === undefined || (!samePercent(v.cps, ctx.campaign.config.partnerCps) && !samePercent(v.cps, expected(row)))) return false;
    if (ctx.sheets('enrollment').length === 0) return true;
    if (v.shopId === undefined) return false;
    enrolled ??= enrolledShopIds(ctx);
    return enrolled.has(v.shopId);
  };
}

/**
 * The base CPS of a contracts row: its covering base contract's CPS when a 鋪底合約 tab gives one,
 * else the shop's 原CPS% from the enrollment covering the row's month; undefined when neither is known.
 */
export function baseCpsOf(ctx: RuleContext, row: ParsedRow<'contracts'>): number | undefined {
  return baseCpsReader(ctx)(row);
}

/** `baseCpsOf(ctx, ·)` with its derived data looked up once (on first need), for per-row use. */
export function baseCpsReader(ctx: RuleContext): (row: ParsedRow<'contracts'>) => number | undefined {
  let byRow: ReadonlyMap<ParsedRow<'contracts'>, BaseContract> | undefined;
  let months: ReturnType<typeof enrolledMonthsByShop> | undefined;
  return (row) => {
    byRow ??= ctx.memo('contract/baseByRow', () => new Map(rowsWithBase(ctx).map((r) => [r.row, r.base] as const)));
    const base = byRow.get(row);
    if (base) return base.cps;
    const v = row.values;
    if (v.shopId === undefined || v.start === undefined) return undefined;
    months ??= enrolledMonthsByShop(ctx);
    const e = months.get(v.shopId)?.get(monthKeyOfDay(dayOfWall(v.start)));
    return e && !e.row.invalid.has('baseCps') ? e.row.values.baseCps : undefined;
  };
}

/** SPEC §3: a partner-plan contract's CPS is max(15%, base CPS). */
export function expectedPartnerCps(ctx: RuleContext, row: ParsedRow<'contracts'>): number {
  return expectedPartnerCpsReader(ctx)(row);
}

/** `expectedPartnerCps(ctx, ·)` with its derived data looked up once, for per-row use. */
export function expectedPartnerCpsReader(ctx: RuleContext): (row: ParsedRow<'contracts'>) => number {
  const baseCps = baseCpsReader(ctx);
  return (row) => partnerCps(ctx.campaign, baseCps(row));
}

// ---------------------------------------------------------------------------------------------
// Small formatting and arithmetic helpers shared by the contract rules

/** Percent points compare after rounding away binary noise. @example samePercent(0.1 + 0.2, 0.3) === true */
export function samePercent(a: number, b: number): boolean {
  return cleanPercent(a) === cleanPercent(b);
}

/** Percent points as a user types them. @example percentText(6) === '6%'; percentText(8 - 2.5) === '5.5%' */
export function percentText(points: number): string {
  return `${cleanPercent(points)}%`;
}

/** A wall range as the CMS shows it. @example rangeText(wallFrom(2026,1,1), wallFrom(2026,1,2,23,59,59)) === '2026/01/01 00:00:00 ~ 2026/01/02 23:59:59' */
export function rangeText(start: number, end: number): string {
  return `${formatWall(start)} ~ ${formatWall(end)}`;
}
