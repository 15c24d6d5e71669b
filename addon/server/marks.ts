/**
 * Cell marks: a background and a note on each violating cell, and nothing else of the user's
 * ever lost.
 *
 * - A marked cell gets ERROR_BG or WARNING_BG and a note that starts with NOTE_MARKER, lists the
 *   messages (and suggestions), and — after NOTE_SEPARATOR — keeps the cell's own note, so the
 *   user still sees it and it is restored verbatim from the note itself.
 * - The original background of every marked cell that had one is remembered in the document
 *   properties (keyed by sheet id, so renaming a tab is harmless), with the list of marked cells.
 * - Restoring (re-check or clearMarks) touches a cell only while it still carries our mark: its
 *   note starts with NOTE_MARKER, or it is listed and still has our colour. A colour or note the
 *   user changed since is theirs and stays.
 * - Service calls per tab are constant: one getBackgrounds and one getNotes over the tab's region,
 *   then one setBackgrounds and one setNotes over the rectangle that actually changes.
 */
import { a1 as toA1, type Lang, type ReportViolation } from '../../rules/index.js';
import { TEXT, tr } from './i18n.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const ERROR_BG = '#f4c7c3';
export const WARNING_BG = '#fce8b2';
const OUR_COLOURS = new Set([ERROR_BG, WARNING_BG]);
/** Every note the add-on writes starts with this line (language-neutral, so a language switch still recognises it). */
export const NOTE_MARKER = '⚑ partner-check';
export const NOTE_SEPARATOR = '\n\n──── 原有註記 · your note ────\n';
/** What an unfilled cell reports; restored as "no fill" (null) so banding and defaults show through. */
const DEFAULT_BG = '#ffffff';

/** At most this many cells are marked per check (errors first); the sidebar lists every violation. */
export const MAX_MARKED_CELLS = 5000;
/** Document-properties budget for the stored state (the store allows ~500 kB in total, 9 kB per value). */
const STORE_BUDGET_CHARS = 150_000;
const CHUNK_CHARS = 2000;
export const STORE_PREFIX = 'partnerCheck.marks.';

export interface Mark {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly severity: 'error' | 'warning';
  readonly lines: string[];
}

/** What is remembered per tab: the marked cells, and the original background of those that had one. */
interface StoredMarks {
  /** A1 addresses of the cells marked by the last run. */
  readonly c: string[];
  /** Original backgrounds that were not the default, by A1. */
  readonly b: Record<string, string>;
}

export interface TabForMarks {
  readonly sheet: Sheet;
  readonly id: number;
  /** The tab's data range when already fetched (saves a call); its size bounds the region. */
  readonly range?: Range;
  readonly rows?: number;
  readonly cols?: number;
}

export interface MarkOutcome {
  /** Cells now carrying a mark. */
  readonly marked: number;
  /** Cells whose mark was removed. */
  readonly cleared: number;
  /** Violations not marked because of MAX_MARKED_CELLS or the storage budget. */
  readonly truncated: number;
}

/** Violations with a cell and severity error/warning → marks by sheet name, errors first, capped. */
export function planMarks(violations: readonly ReportViolation[], lang: Lang): { bySheet: Map<string, Map<string, Mark>>; truncated: number } {
  const bySheet = new Map<string, Map<string, Mark & { lines: string[] }>>();
  let count = 0;
  let truncated = 0;
  const ordered = [...violations.filter((v) => v.severity === 'error'), ...violations.filter((v) => v.severity === 'warning')];
  for (const v of ordered) {
    if (!v.sheet || !v.cell) continue;
    const pos = decodeA1(v.cell);
    if (!pos) continue;
    let marks = bySheet.get(v.sheet);
    if (!marks) bySheet.set(v.sheet, (marks = new Map()));
    const key = toA1(pos.row, pos.col);
    let mark = marks.get(key);
    if (!mark) {
      if (count >= MAX_MARKED_CELLS) {
        truncated++;
        continue;
      }
      count++;
      mark = { row: pos.row, col: pos.col, severity: v.severity === 'error' ? 'error' : 'warning', lines: [] };
      marks.set(key, mark);
    }
    const sev = tr(v.severity === 'error' ? TEXT.severityError : TEXT.severityWarning, lang);
    const colon = lang === 'en' ? ': ' : '：';
    mark.lines.push(`${sev}${colon}${v.message}`);
    if (v.suggestion) mark.lines.push(`  → ${tr(TEXT.suggestion, lang)}${colon}${v.suggestion.label ?? v.suggestion.value}`);
  }
  return { bySheet, truncated };
}

/** `C4` → 0-based { row: 3, col: 2 }; null for anything else. */
export function decodeA1(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** The original note inside one of our notes ('' when the cell had none). */
export function originalNote(note: string): string {
  const i = note.indexOf(NOTE_SEPARATOR);
  return i < 0 ? '' : note.slice(i + NOTE_SEPARATOR.length);
}

export function isOurNote(note: unknown): note is string {
  return typeof note === 'string' && note.startsWith(NOTE_MARKER);
}

function noteFor(mark: Mark, original: string, lang: Lang): string {
  const head = `${NOTE_MARKER}${lang === 'en' ? '' : ' 檢查結果'}`;
  const body = mark.lines.join('\n');
  return original ? `${head}\n${body}${NOTE_SEPARATOR}${original}` : `${head}\n${body}`;
}

function normColour(c: unknown): string {
  return typeof c === 'string' ? c.toLowerCase() : DEFAULT_BG;
}

// ---------------------------------------------------------------------------------------------
// Document-properties store: `partnerCheck.marks.<sheetId>.<chunk>` → JSON pieces.

type PropertiesMap = Record<string, string>;

function decodeStore(props: PropertiesMap): Map<number, StoredMarks> {
  const pieces = new Map<number, { i: number; s: string }[]>();
  for (const [k, s] of Object.entries(props)) {
    if (!k.startsWith(STORE_PREFIX)) continue;
    const m = /^(-?\d+)\.(\d+)$/.exec(k.slice(STORE_PREFIX.length));
    if (!m) continue;
    const id = Number(m[1]);
    let list = pieces.get(id);
    if (!list) pieces.set(id, (list = []));
    list.push({ i: Number(m[2]), s });
  }
  const out = new Map<number, StoredMarks>();
  for (const [id, list] of pieces) {
    list.sort((a, b) => a.i - b.i);
    try {
      const parsed = JSON.parse(list.map((p) => p.s).join('')) as Partial<StoredMarks>;
      out.set(id, { c: Array.isArray(parsed.c) ? parsed.c.filter((x) => typeof x === 'string') : [], b: parsed.b && typeof parsed.b === 'object' ? parsed.b : {} });
    } catch {
      // A damaged entry: forget it; our notes are still recognised by their marker.
    }
  }
  return out;
}

/** Splits a string into pieces of at most `size` chars without cutting a surrogate pair. */
function chunks(s: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let end = Math.min(i + size, s.length);
    const code = s.charCodeAt(end - 1);
    if (end < s.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(s.slice(i, end));
    i = end;
  }
  return out;
}

function encodeStore(state: Map<number, StoredMarks>): PropertiesMap {
  const out: PropertiesMap = {};
  for (const [id, marks] of state) {
    if (marks.c.length === 0) continue;
    chunks(JSON.stringify(marks), CHUNK_CHARS).forEach((piece, i) => {
      out[`${STORE_PREFIX}${id}.${i}`] = piece;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface TabWork {
  readonly tab: TabForMarks;
  readonly prev: StoredMarks | undefined;
  readonly next: ReadonlyMap<string, Mark>;
}

/**
 * Brings the marks of the tabs in `scope` to `wanted` (sheet id → marks; absent = none), restoring
 * whatever earlier marks are gone. Tabs outside the scope keep their marks; stored state of tabs
 * that no longer exist is dropped. `existingIds` lists every tab's id. `sweep` also scans tabs with
 * no remembered marks for stray ones (clearMarks: after the stored state was lost, or a mark moved
 * with an inserted row).
 */
export function updateMarks(
  scope: readonly TabForMarks[],
  wanted: ReadonlyMap<number, ReadonlyMap<string, Mark>>,
  existingIds: readonly number[],
  lang: Lang,
  opts: { readonly sweep?: boolean } = {},
): MarkOutcome {
  // Two runs at once (the sidebar and a menu command, two editors) would each read the other's
  // half-written state: the document lock serialises them.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) throw new Error(tr(TEXT.busy, lang));
  try {
    return updateMarksLocked(scope, wanted, existingIds, lang, opts);
  } finally {
    lock.releaseLock();
  }
}

function updateMarksLocked(
  scope: readonly TabForMarks[],
  wanted: ReadonlyMap<number, ReadonlyMap<string, Mark>>,
  existingIds: readonly number[],
  lang: Lang,
  opts: { readonly sweep?: boolean },
): MarkOutcome {
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties() as PropertiesMap;
  const state = decodeStore(props);
  const before = JSON.stringify(encodeStore(state));
  let marked = 0;
  let cleared = 0;
  let truncated = 0;
  let budget = STORE_BUDGET_CHARS;
  const inScope = new Set(scope.map((t) => t.id));
  for (const [id, s] of state) if (!inScope.has(id)) budget -= JSON.stringify(s).length;

  for (const tab of scope) {
    const work: TabWork = { tab, prev: state.get(tab.id), next: wanted.get(tab.id) ?? new Map() };
    const r = applyTab(work, lang, budget, opts.sweep === true);
    marked += r.marked;
    cleared += r.cleared;
    truncated += r.truncated;
    budget -= r.stored ? JSON.stringify(r.stored).length : 0;
    if (r.stored && r.stored.c.length > 0) state.set(tab.id, r.stored);
    else state.delete(tab.id);
  }
  const alive = new Set(existingIds);
  for (const id of [...state.keys()]) if (!alive.has(id)) state.delete(id);

  const encoded = encodeStore(state);
  if (JSON.stringify(encoded) !== before) {
    const keep: PropertiesMap = {};
    for (const [k, v] of Object.entries(props)) if (!k.startsWith(STORE_PREFIX)) keep[k] = v;
    // One call; deleteAllOthers drops obsolete chunks (everything else is written back as it was).
    store.setProperties({ ...keep, ...encoded }, true);
  }
  return { marked, cleared, truncated };
}

function applyTab(work: TabWork, lang: Lang, budget: number, sweep: boolean): { marked: number; cleared: number; truncated: number; stored: StoredMarks | null } {
  const { tab, prev, next } = work;
  const prevCells = new Set(prev ? prev.c : []);
  // The region: the data range, grown to cover every previously marked cell and every new one.
  let rows = tab.rows ?? 0;
  let cols = tab.cols ?? 0;
  for (const ref of prevCells) {
    const p = decodeA1(ref);
    if (p) {
      rows = Math.max(rows, p.row + 1);
      cols = Math.max(cols, p.col + 1);
    }
  }
  for (const mk of next.values()) {
    rows = Math.max(rows, mk.row + 1);
    cols = Math.max(cols, mk.col + 1);
  }
  if (rows === 0 || cols === 0) return { marked: 0, cleared: 0, truncated: 0, stored: null };
  // Nothing was marked and nothing is to be: skip the tab unless asked to sweep it for stray marks.
  if (prevCells.size === 0 && next.size === 0 && !sweep) return { marked: 0, cleared: 0, truncated: 0, stored: null };
  const sameAsData = tab.range && rows === tab.rows && cols === tab.cols;
  const region = sameAsData ? tab.range! : tab.sheet.getRange(1, 1, rows, cols);
  const bgs = region.getBackgrounds().map((row) => row.map(normColour));
  const notes = region.getNotes().map((row) => row.map((n) => (typeof n === 'string' ? n : '')));
  const wantBg: (string | null)[][] = bgs.map((row) => row.slice());
  const wantNote: string[][] = notes.map((row) => row.slice());

  // 1. Take our old marks off (wherever our note is, and on listed cells still in our colour).
  const wasMarked = new Set<string>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ref = toA1(r, c);
      const ourNote = isOurNote(notes[r]![c]);
      if (ourNote) wantNote[r]![c] = originalNote(notes[r]![c]!);
      const ourBg = OUR_COLOURS.has(bgs[r]![c]!) && (ourNote || prevCells.has(ref));
      if (ourBg) wantBg[r]![c] = prev?.b[ref] ?? DEFAULT_BG;
      if (ourNote || ourBg) wasMarked.add(ref);
    }
  }

  // 2. Put the new marks on, remembering each cell's (restored) original background.
  const stored: { c: string[]; b: Record<string, string> } = { c: [], b: {} };
  let used = 2;
  let marked = 0;
  let truncated = 0;
  for (const [ref, mk] of next) {
    const cost = ref.length + 3;
    const original = normColour(wantBg[mk.row]![mk.col]);
    const extra = original !== DEFAULT_BG ? ref.length + original.length + 6 : 0;
    if (used + cost + extra > budget) {
      truncated++;
      continue;
    }
    used += cost + extra;
    stored.c.push(ref);
    if (extra) stored.b[ref] = original;
    wantBg[mk.row]![mk.col] = mk.severity === 'error' ? ERROR_BG : WARNING_BG;
    wantNote[mk.row]![mk.col] = noteFor(mk, wantNote[mk.row]![mk.col]!, lang);
    marked++;
  }
  // Cleared: marked before, not any more (a cell re-marked is not "cleared").
  for (const ref of stored.c) wasMarked.delete(ref);
  const cleared = wasMarked.size;

  // 3. Write back only the rectangle that changes.
  let top = rows;
  let left = cols;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (normColour(wantBg[r]![c]) !== bgs[r]![c] || wantNote[r]![c] !== notes[r]![c]) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
  }
  if (bottom >= 0) {
    const target = tab.sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1);
    const bgOut: (string | null)[][] = [];
    const noteOut: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      // Default (white) is written as null = "no fill": an untouched cell keeps showing banding.
      bgOut.push(wantBg[r]!.slice(left, right + 1).map((c) => (normColour(c) === DEFAULT_BG ? null : c)));
      noteOut.push(wantNote[r]!.slice(left, right + 1));
    }
    target.setBackgrounds(bgOut);
    target.setNotes(noteOut);
  }
  return { marked, cleared, truncated, stored: stored.c.length > 0 ? stored : null };
}
