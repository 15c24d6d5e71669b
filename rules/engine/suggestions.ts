/**
 * The engine's post-pass over suggestions (SPEC §5.3), shared by every rule so no rule special-cases
 * another:
 *
 * 1. **What the CMS allows per status.** A suggestion edits a cell, so it is kept only on rows the
 *    CMS lets the user edit (new, 草稿 draft, 不通過 rejected). On a 待審核 (pending) row the
 *    suggestion is taken away and the message says to delete the contract and resubmit it with the
 *    value; on a 通過 (approved) row, to contact the LINE購物 window.
 * 2. **One cell, one suggestion.** When rules suggest different values for one cell, each candidate
 *    is tried by re-validating the workbook with it in the cell; the first candidate after which
 *    none of the suggesting rules blames the cell is kept, for all of them (e.g. a start that is not
 *    whole-day and overlaps: the next whole day after the earlier contract). When no candidate
 *    satisfies them all, the cell gets no suggestion (the messages still say what is wrong).
 * 3. **No advice that makes things worse.** Every remaining suggestion is applied at once and the
 *    workbook re-validated; a suggestion after which its cell is blamed by a rule that did not blame
 *    it before is taken away, until the set is stable.
 *
 * Re-validation runs only when there is a suggestion to check (step 2 only for conflicting cells):
 * a clean file costs nothing extra. Pure: the caller passes the validation to run.
 */
import type { Cell, Table, Workbook } from '../model.js';
import { EditedTable, tableRow } from '../columnar-table.js';
import type { Message, Suggestion, Violation } from '../types.js';
import type { WorkbookAnalysis } from './validate.js';

export interface CollectedViolation {
  readonly v: Violation;
  /** 0-based column index of the blamed cell, or null. */
  readonly col: number | null;
  /** How many times the engine met this exact violation (reported once); counted while rules run. */
  repeats: number;
}

type Revalidate = (edited: Workbook) => readonly CollectedViolation[];

/** Sheet kinds whose 審核狀態 column limits what the user may edit (SPEC §5.3's table). */
const STATUS_KINDS: ReadonlySet<string> = new Set(['contracts']);
const PENDING = '待審核';
const APPROVED = '通過';

/** The sentence appended to a message whose suggestion the row's status does not allow. */
export const STATUS_ADVICE: Readonly<Record<'pending' | 'approved', Message>> = {
  pending: {
    'zh-TW': '這列是待審核，後台只能檢視或刪除：請刪除後以「{adviceValue}」重新送審。',
    en: 'This row is pending review, so the CMS only lets you view or delete it: delete it and resubmit it with "{adviceValue}".',
  },
  approved: {
    'zh-TW': '這列已審核通過，後台只能檢視：如需改為「{adviceValue}」，請聯絡 LINE購物 窗口。',
    en: 'This row is approved, so the CMS only lets you view it: to change it to "{adviceValue}", contact your LINE Shopping representative.',
  },
};

/** Post-pass verification rounds before every suggestion still failing is dropped at once. */
const MAX_ROUNDS = 4;

const keyOf = (v: Violation): string | undefined => (v.sheet !== null && v.cell !== null && v.row !== null ? `${v.sheet}\u0000${v.cell}` : undefined);

interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

function withSuggestion(c: CollectedViolation, s: Suggestion | undefined): CollectedViolation {
  const { suggestion: _dropped, ...rest } = c.v;
  return { ...c, v: s ? { ...rest, suggestion: s } : rest };
}

/** Step 1: suggestions on rows the CMS does not let the user edit become advice in the message. */
function statusAware(list: readonly CollectedViolation[], analysis: WorkbookAnalysis): CollectedViolation[] {
  // Rows by sheet, in row order: the few suggested rows are looked up by binary search rather
  // than indexing every row of a 100k-row tab.
  const rowsBySheet = new Map<string, WorkbookAnalysis['sheets'][number]['rows']>();
  for (const s of analysis.sheets) {
    if (!STATUS_KINDS.has(s.kind) || !s.columns.has('status')) continue;
    rowsBySheet.set(s.name, s.rows);
  }
  if (rowsBySheet.size === 0) return [...list];
  const statusOf = (sheet: string, rowNo: number): string | undefined => {
    const rows = rowsBySheet.get(sheet);
    if (!rows) return undefined;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid]!.row;
      if (r === rowNo) return (rows[mid]!.values as { status?: string }).status;
      if (r < rowNo) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  return list.map((c) => {
    const { v } = c;
    if (!v.suggestion || v.sheet === null || v.row === null) return c;
    const status = statusOf(v.sheet, v.row);
    if (status !== PENDING && status !== APPROVED) return c;
    const advice = status === PENDING ? 'pending' : 'approved';
    const { suggestion, ...rest } = v;
    return { ...c, v: { ...rest, data: { ...v.data, advice, adviceValue: suggestion.value } } };
  });
}

function editedWorkbook(workbook: Workbook, edits: ReadonlyMap<string, { place: Place; value: string }>): Workbook {
  const bySheet = new Map<string, { place: Place; value: string }[]>();
  for (const e of edits.values()) {
    const list = bySheet.get(e.place.sheet);
    if (list) list.push(e);
    else bySheet.set(e.place.sheet, [e]);
  }
  const tables: Table[] = workbook.tables.map((t) => {
    const list = bySheet.get(t.name);
    if (!list) return t;
    // The few edited rows replaced, every other row the table's own (not a copy of 100k rows).
    const replaced = new Map<number, (Cell | null | undefined)[]>();
    for (const { place, value } of list) {
      const r = place.row - 1;
      let row = replaced.get(r);
      if (row === undefined) {
        row = tableRow(t, r).slice();
        replaced.set(r, row);
      }
      row[place.col] = { value, text: value };
    }
    return new EditedTable(t, replaced);
  });
  return { tables };
}

function rulesByCell(list: readonly CollectedViolation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { v } of list) {
    const k = keyOf(v);
    if (k === undefined) continue;
    const set = out.get(k);
    if (set) set.add(v.ruleId);
    else out.set(k, new Set([v.ruleId]));
  }
  return out;
}

/** The cells carrying suggestions: place, and the suggestions by value in order of first appearance. */
function suggestedCells(list: readonly CollectedViolation[]): Map<string, { place: Place; values: Map<string, Suggestion>; rules: Set<string> }> {
  const out = new Map<string, { place: Place; values: Map<string, Suggestion>; rules: Set<string> }>();
  for (const { v, col } of list) {
    const k = keyOf(v);
    if (!v.suggestion || k === undefined || col === null) continue;
    let e = out.get(k);
    if (!e) out.set(k, (e = { place: { sheet: v.sheet!, row: v.row!, col }, values: new Map(), rules: new Set() }));
    if (!e.values.has(v.suggestion.value)) e.values.set(v.suggestion.value, v.suggestion);
    e.rules.add(v.ruleId);
  }
  return out;
}

/**
 * Settles the suggestions of one validation: status-aware advice, one suggestion per cell, and no
 * suggestion that brings a new violation to its cell. See the module comment.
 */
export function settleSuggestions(list: readonly CollectedViolation[], analysis: WorkbookAnalysis, revalidate: Revalidate, workbook: Workbook): CollectedViolation[] {
  let out = statusAware(list, analysis);
  if (!out.some((c) => c.v.suggestion)) return out;

  // Step 2: one cell, one suggestion.
  const cells = suggestedCells(out);
  const conflicts = [...cells.entries()].filter(([, e]) => e.values.size > 1);
  if (conflicts.length > 0) {
    const kept = new Map<string, Suggestion | null>();
    // A loop, not Math.max(...): a spread of more than about 120,000 conflicts would overflow the stack.
    let rounds = 0;
    for (const [, e] of conflicts) rounds = Math.max(rounds, e.values.size);
    for (let k = 0; k < rounds; k++) {
      const edits = new Map<string, { place: Place; value: string }>();
      for (const [key, e] of conflicts) {
        if (kept.has(key)) continue;
        const candidate = [...e.values.keys()][k];
        if (candidate !== undefined) edits.set(key, { place: e.place, value: candidate });
      }
      if (edits.size === 0) break;
      const after = rulesByCell(revalidate(editedWorkbook(workbook, edits)));
      for (const [key, edit] of edits) {
        const e = cells.get(key)!;
        const still = after.get(key);
        if (![...e.rules].some((r) => still?.has(r))) kept.set(key, e.values.get(edit.value)!);
      }
    }
    out = out.map((c) => {
      const key = keyOf(c.v);
      if (!c.v.suggestion || key === undefined || !cells.get(key) || cells.get(key)!.values.size < 2) return c;
      return withSuggestion(c, kept.get(key) ?? undefined);
    });
  }

  // Step 3: applying every suggestion brings no new violation to its cell.
  const before = rulesByCell(list);
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const remaining = suggestedCells(out);
    if (remaining.size === 0) break;
    const edits = new Map([...remaining.entries()].map(([key, e]) => [key, { place: e.place, value: [...e.values.keys()][0]! }]));
    const after = rulesByCell(revalidate(editedWorkbook(workbook, edits)));
    const bad = new Set<string>();
    for (const key of edits.keys()) {
      const was = before.get(key) ?? new Set<string>();
      for (const r of after.get(key) ?? []) if (!was.has(r)) bad.add(key);
    }
    if (bad.size === 0) break;
    // The last round gives up on every remaining suggestion rather than leave one unverified.
    out = out.map((c) => {
      const key = keyOf(c.v);
      return c.v.suggestion && key !== undefined && (round === MAX_ROUNDS || bad.has(key)) ? withSuggestion(c, undefined) : c;
    });
  }
  return out;
}
