/**
 * Cell marks: a background and a note on each violating cell, and nothing else of the user's
 * ever lost — whatever happens to the rows between a check and 清除標記.
 *
 * - A marked cell gets ERROR_BG or WARNING_BG and a note whose first line starts with NOTE_MARKER
 *   and, when the cell had a fill of its own, names it (`· 原底色 #00ff00` / `· original fill …`);
 *   the note lists the messages (and suggestions) and — after NOTE_SEPARATOR — keeps the cell's own
 *   note. Everything needed to undo a mark travels WITH THE CELL: rows inserted, deleted or sorted,
 *   cells cut and pasted elsewhere — the note and the fill move together, so the restore never
 *   depends on an address.
 * - A cell is ours while its note starts with NOTE_MARKER. Restoring (a re-check or clearMarks)
 *   gives it back its own note, and its own fill when it still shows one of our colours; a colour
 *   the user put on since is theirs and stays. A cell in our colour without our note is the user's.
 * - Writes go notes first, then fills: a run cut short leaves at worst a note naming the fill, never
 *   our fill without the record of what it covered.
 * - Cells the user may not edit (protected ranges or sheets) are left alone and reported: the write
 *   is split into rectangles around them, so one protected cell never stops the others.
 * - The only state kept elsewhere is each tab's marked extent (rows × columns, document properties,
 *   by sheet id), so a mark left below the data (its row's content deleted) is still swept.
 *   It is saved, widened to cover the new marks, before any cell is written.
 * - Service calls per tab are constant (or O(protections)): one getBackgrounds and one getNotes over
 *   the tab's region, one canEdit, then setNotes and setBackgrounds per rectangle written.
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
/** Document property holding every tab's marked extent: `{ "<sheetId>": [rows, cols] }`. */
export const EXTENT_KEY = 'partnerCheck.markExtent';
/** Keys of the address-keyed store of earlier versions: dropped on the next run. */
const LEGACY_PREFIX = 'partnerCheck.marks.';

export interface Mark {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly severity: 'error' | 'warning';
  readonly lines: string[];
}

export interface TabForMarks {
  readonly sheet: Sheet;
  readonly id: number;
  readonly name: string;
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
  /** Protected ranges (or whole sheets) the user may not edit, where marks were left unwritten. */
  readonly protectedRanges: readonly ProtectedSkip[];
}

export interface ProtectedSkip {
  readonly sheet: string;
  /** `A1:C5`, or null for a protected sheet. */
  readonly range: string | null;
  /** Cells inside it that should have been marked or unmarked. */
  readonly cells: number;
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

const FILL_TAG = /· (?:原底色|original fill) (#[0-9a-f]{6}(?:[0-9a-f]{2})?)\s*$/i;

/** The cell's own fill named on the first line of one of our notes; null when it had none. */
export function originalFill(note: string): string | null {
  const first = note.split('\n', 1)[0] ?? '';
  const m = FILL_TAG.exec(first);
  return m ? m[1]!.toLowerCase() : null;
}

export function noteFor(mark: Mark, original: { note: string; fill: string | null }, lang: Lang): string {
  const fill = original.fill ? (lang === 'en' ? ` · original fill ${original.fill}` : ` · 原底色 ${original.fill}`) : '';
  const head = `${NOTE_MARKER}${lang === 'en' ? '' : ' 檢查結果'}${fill}`;
  const body = mark.lines.join('\n');
  return original.note ? `${head}\n${body}${NOTE_SEPARATOR}${original.note}` : `${head}\n${body}`;
}

function normColour(c: unknown): string {
  return typeof c === 'string' ? c.toLowerCase() : DEFAULT_BG;
}

// ---------------------------------------------------------------------------------------------
// The document lock

type Lock = GoogleAppsScript.Lock.Lock;

/**
 * Runs `job` holding the document lock, so a sidebar check, a menu command and a live check
 * cannot interleave their reads and writes. getDocumentLock() is null outside a document (and may
 * be unavailable in a restricted trigger): then the job runs unlocked, which is what a lone
 * execution needs. `waitMs` is how long to wait for another run; `onBusy` what to do then.
 */
export function withDocumentLock<T>(waitMs: number, job: () => T, onBusy: () => T): T {
  let lock: Lock | null = null;
  try {
    lock = LockService.getDocumentLock();
  } catch {
    lock = null;
  }
  if (!lock) return job();
  if (!lock.tryLock(waitMs)) return onBusy();
  try {
    return job();
  } finally {
    lock.releaseLock();
  }
}

// ---------------------------------------------------------------------------------------------
// Extents (document properties)

type Extents = Map<number, [number, number]>;

function readExtents(props: Record<string, string>): Extents {
  const out: Extents = new Map();
  const raw = props[EXTENT_KEY];
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      for (const [k, v] of Object.entries(parsed)) {
        if (/^-?\d+$/.test(k) && Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n >= 0)) out.set(Number(k), [v[0] as number, v[1] as number]);
      }
    } catch {
      // A damaged entry: the data ranges still cover almost every mark.
    }
  }
  // The address-keyed store of earlier versions: its cells widen the extent once, then it goes.
  for (const [k, v] of Object.entries(props)) {
    const m = k.startsWith(LEGACY_PREFIX) ? /^(-?\d+)\./.exec(k.slice(LEGACY_PREFIX.length)) : null;
    if (!m) continue;
    const id = Number(m[1]);
    const cur = out.get(id) ?? [0, 0];
    for (const ref of v.match(/[A-Z]{1,3}\d{1,7}/g) ?? []) {
      const p = decodeA1(ref);
      if (p) out.set(id, [Math.max(cur[0], p.row + 1), Math.max(cur[1], p.col + 1)]);
    }
  }
  return out;
}

function saveExtents(store: GoogleAppsScript.Properties.Properties, props: Record<string, string>, extents: Extents): void {
  const obj: Record<string, [number, number]> = {};
  for (const [id, e] of [...extents].sort((a, b) => a[0] - b[0])) if (e[0] > 0 && e[1] > 0) obj[String(id)] = e;
  const text = JSON.stringify(obj);
  const legacy = Object.keys(props).some((k) => k.startsWith(LEGACY_PREFIX));
  if (!legacy && (props[EXTENT_KEY] ?? '{}') === text) return;
  if (legacy) {
    const keep: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (!k.startsWith(LEGACY_PREFIX) && k !== EXTENT_KEY) keep[k] = v;
    if (text !== '{}') keep[EXTENT_KEY] = text;
    store.setProperties(keep, true);
  } else if (text === '{}') store.deleteProperty(EXTENT_KEY);
  else store.setProperty(EXTENT_KEY, text);
  props[EXTENT_KEY] = text;
}

// ---------------------------------------------------------------------------------------------
// Marking

/**
 * Brings the marks of the tabs in `scope` to `wanted` (sheet id → marks; absent = none), taking
 * off every earlier mark found there. Tabs outside the scope keep their marks; the extents of tabs
 * that no longer exist are dropped. `existingIds` lists every tab's id. Throws TEXT.busy when
 * another run holds the document lock for 30 s.
 */
export function updateMarks(
  scope: readonly TabForMarks[],
  wanted: ReadonlyMap<number, ReadonlyMap<string, Mark>>,
  existingIds: readonly number[],
  lang: Lang,
  opts: { readonly waitMs?: number } = {},
): MarkOutcome {
  return withDocumentLock(
    opts.waitMs ?? 30_000,
    () => updateMarksLocked(scope, wanted, existingIds, lang),
    () => {
      throw new Error(tr(TEXT.busy, lang));
    },
  );
}

interface TabPlan {
  readonly tab: TabForMarks;
  readonly rows: number;
  readonly cols: number;
  readonly next: ReadonlyMap<string, Mark>;
}

function updateMarksLocked(scope: readonly TabForMarks[], wanted: ReadonlyMap<number, ReadonlyMap<string, Mark>>, existingIds: readonly number[], lang: Lang): MarkOutcome {
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties() as Record<string, string>;
  const extents = readExtents(props);
  const alive = new Set(existingIds);
  for (const id of [...extents.keys()]) if (!alive.has(id)) extents.delete(id);

  // The region of each tab: its data, grown to the recorded extent and to every new mark.
  const plans: TabPlan[] = scope.map((tab) => {
    const next = wanted.get(tab.id) ?? new Map<string, Mark>();
    const ext = extents.get(tab.id) ?? [0, 0];
    let rows = Math.max(tab.rows ?? 0, ext[0]);
    let cols = Math.max(tab.cols ?? 0, ext[1]);
    for (const mk of next.values()) {
      rows = Math.max(rows, mk.row + 1);
      cols = Math.max(cols, mk.col + 1);
    }
    return { tab, rows, cols, next };
  });
  // Record where marks will be before writing any (widened: old marks are still there until swept).
  for (const p of plans) {
    let r = 0;
    let c = 0;
    for (const mk of p.next.values()) {
      r = Math.max(r, mk.row + 1);
      c = Math.max(c, mk.col + 1);
    }
    const ext = extents.get(p.tab.id) ?? [0, 0];
    extents.set(p.tab.id, [Math.max(ext[0], r), Math.max(ext[1], c)]);
  }
  saveExtents(store, props, extents);

  let marked = 0;
  let cleared = 0;
  const protectedRanges: ProtectedSkip[] = [];
  for (const plan of plans) {
    const r = applyTab(plan, lang);
    marked += r.marked;
    cleared += r.cleared;
    protectedRanges.push(...r.protectedRanges);
    // What now carries a mark on this tab (marks left on protected cells included).
    extents.set(plan.tab.id, r.extent);
  }
  saveExtents(store, props, extents);
  return { marked, cleared, protectedRanges };
}

interface Cellwise {
  readonly bg: string[][];
  readonly note: string[][];
}

function applyTab(plan: TabPlan, lang: Lang): { marked: number; cleared: number; protectedRanges: ProtectedSkip[]; extent: [number, number] } {
  const { tab, rows, cols, next } = plan;
  const none = { marked: 0, cleared: 0, protectedRanges: [], extent: [0, 0] as [number, number] };
  if (rows === 0 || cols === 0) return none;
  const sameAsData = tab.range && rows === tab.rows && cols === tab.cols;
  const region = sameAsData ? tab.range! : tab.sheet.getRange(1, 1, rows, cols);
  const have: Cellwise = {
    bg: region.getBackgrounds().map((row) => row.map(normColour)),
    note: region.getNotes().map((row) => row.map((n) => (typeof n === 'string' ? n : ''))),
  };
  const want: Cellwise = { bg: have.bg.map((row) => row.slice()), note: have.note.map((row) => row.slice()) };

  // 1. Take our old marks off: our note goes back to the cell's own, our fill to the one it covered.
  const wasOurs: boolean[][] = have.note.map((row) => row.map(isOurNote));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!wasOurs[r]![c]) continue;
      const note = have.note[r]![c]!;
      want.note[r]![c] = originalNote(note);
      if (OUR_COLOURS.has(have.bg[r]![c]!)) want.bg[r]![c] = originalFill(note) ?? DEFAULT_BG;
    }
  }

  // 2. Put the new marks on, each note naming the fill and the note it covers.
  for (const mk of next.values()) {
    const original = { note: want.note[mk.row]![mk.col]!, fill: normColour(want.bg[mk.row]![mk.col]) };
    want.note[mk.row]![mk.col] = noteFor(mk, { note: original.note, fill: original.fill === DEFAULT_BG ? null : original.fill }, lang);
    want.bg[mk.row]![mk.col] = mk.severity === 'error' ? ERROR_BG : WARNING_BG;
  }

  // 3. Write what changed, around the cells the user may not edit.
  const changed = (r: number, c: number) => want.bg[r]![c] !== have.bg[r]![c] || want.note[r]![c] !== have.note[r]![c];
  const box = boundingBox(rows, cols, changed);
  const written: boolean[][] = have.note.map((row) => row.map(() => false));
  const protectedRanges: ProtectedSkip[] = [];
  if (box) {
    const target = tab.sheet.getRange(box.top + 1, box.left + 1, box.bottom - box.top + 1, box.right - box.left + 1);
    let pieces: Box[] = [box];
    if (!target.canEdit()) {
      const blocked = blockedAreas(tab.sheet);
      pieces = editablePieces(box, blocked);
      for (const b of blocked) {
        let n = 0;
        for (let r = Math.max(box.top, b.box.top); r <= Math.min(box.bottom, b.box.bottom); r++)
          for (let c = Math.max(box.left, b.box.left); c <= Math.min(box.right, b.box.right); c++) if (changed(r, c) && !b.isEditable(r, c)) n++;
        if (n > 0) protectedRanges.push({ sheet: tab.name, range: b.a1, cells: n });
      }
    }
    for (const piece of pieces) {
      if (!anyIn(piece, changed)) continue;
      const range = piece === box ? target : tab.sheet.getRange(piece.top + 1, piece.left + 1, piece.bottom - piece.top + 1, piece.right - piece.left + 1);
      const notes: string[][] = [];
      const bgs: (string | null)[][] = [];
      for (let r = piece.top; r <= piece.bottom; r++) {
        notes.push(want.note[r]!.slice(piece.left, piece.right + 1));
        // The default (white) is written as null = "no fill", so banding still shows.
        bgs.push(want.bg[r]!.slice(piece.left, piece.right + 1).map((c) => (normColour(c) === DEFAULT_BG ? null : c)));
      }
      try {
        range.setNotes(notes);
        range.setBackgrounds(bgs);
      } catch {
        // A protection canEdit() did not show (or one added meanwhile): leave these cells, say so.
        protectedRanges.push({ sheet: tab.name, range: range.getA1Notation(), cells: countIn(piece, changed) });
        continue;
      }
      for (let r = piece.top; r <= piece.bottom; r++) for (let c = piece.left; c <= piece.right; c++) written[r]![c] = true;
    }
  }

  // What the cells carry now.
  const finalNote = (r: number, c: number) => (written[r]![c] ? want.note[r]![c]! : have.note[r]![c]!);
  let marked = 0;
  for (const mk of next.values()) if ((written[mk.row]![mk.col] || !changed(mk.row, mk.col)) && isOurNote(finalNote(mk.row, mk.col))) marked++;
  let cleared = 0;
  let extR = 0;
  let extC = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ours = isOurNote(finalNote(r, c));
      if (ours) {
        extR = Math.max(extR, r + 1);
        extC = Math.max(extC, c + 1);
      } else if (wasOurs[r]![c]) cleared++;
    }
  }
  return { marked, cleared, protectedRanges, extent: [extR, extC] };
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function boundingBox(rows: number, cols: number, hit: (r: number, c: number) => boolean): Box | null {
  let top = rows;
  let left = cols;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!hit(r, c)) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

function anyIn(b: Box, hit: (r: number, c: number) => boolean): boolean {
  return countIn(b, hit) > 0;
}

function countIn(b: Box, hit: (r: number, c: number) => boolean): number {
  let n = 0;
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (hit(r, c)) n++;
  return n;
}

/** A part of a tab the user may not edit (0-based box), with the editable holes of a protected sheet. */
interface Blocked {
  readonly a1: string | null;
  readonly box: Box;
  readonly holes: readonly Box[];
  isEditable(r: number, c: number): boolean;
}

function boxOf(range: Range): Box {
  const top = range.getRow() - 1;
  const left = range.getColumn() - 1;
  return { top, left, bottom: top + range.getNumRows() - 1, right: left + range.getNumColumns() - 1 };
}

function inBox(r: number, c: number, b: Box): boolean {
  return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
}

/** The protections of a tab that stop this user (warning-only ones only warn): O(protections) calls. */
function blockedAreas(sheet: Sheet): Blocked[] {
  const out: Blocked[] = [];
  const types = SpreadsheetApp.ProtectionType;
  for (const p of sheet.getProtections(types.SHEET)) {
    if (p.canEdit() || p.isWarningOnly()) continue;
    const holes = p.getUnprotectedRanges().map(boxOf);
    out.push({ a1: null, box: { top: 0, left: 0, bottom: sheet.getMaxRows() - 1, right: sheet.getMaxColumns() - 1 }, holes, isEditable: (r, c) => holes.some((h) => inBox(r, c, h)) });
  }
  for (const p of sheet.getProtections(types.RANGE)) {
    if (p.canEdit() || p.isWarningOnly()) continue;
    const range = p.getRange();
    out.push({ a1: range.getA1Notation(), box: boxOf(range), holes: [], isEditable: () => false });
  }
  return out;
}

/**
 * `box` cut along every edge of the blocked areas (and their holes) into pieces that are wholly
 * editable: O(edges²) rectangles, independent of the number of rows.
 */
function editablePieces(box: Box, blocked: readonly Blocked[]): Box[] {
  const rowCuts = new Set([box.top, box.bottom + 1]);
  const colCuts = new Set([box.left, box.right + 1]);
  const edges: Box[] = [];
  for (const b of blocked) edges.push(b.box, ...b.holes);
  const add = (b: Box) => {
    for (const r of [b.top, b.bottom + 1]) if (r > box.top && r <= box.bottom) rowCuts.add(r);
    for (const c of [b.left, b.right + 1]) if (c > box.left && c <= box.right) colCuts.add(c);
  };
  for (const b of edges) add(b);
  const rowsSorted = [...rowCuts].sort((a, b) => a - b);
  const colsSorted = [...colCuts].sort((a, b) => a - b);
  const editable = (r: number, c: number) => blocked.every((b) => !inBox(r, c, b.box) || b.isEditable(r, c));
  const pieces: Box[] = [];
  for (let i = 0; i + 1 < rowsSorted.length; i++) {
    for (let j = 0; j + 1 < colsSorted.length; j++) {
      const piece = { top: rowsSorted[i]!, bottom: rowsSorted[i + 1]! - 1, left: colsSorted[j]!, right: colsSorted[j + 1]! - 1 };
      // Every edge is a cut, so each piece is wholly editable or wholly not.
      if (countIn(piece, (r, c) => !editable(r, c)) === 0) pieces.push(piece);
    }
  }
  return pieces;
}
