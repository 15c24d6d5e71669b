/**
 * An in-memory fake of the Apps Script services the add-on uses — SpreadsheetApp, Spreadsheet,
 * Sheet, Range, Protection, Ui, Menu, HtmlService, Utilities, PropertiesService, LockService — that
 * records every call, with a cost model for the time those calls would take.
 *
 * Behaviour taken from Google's reference (developers.google.com/apps-script/reference/spreadsheet):
 * - Sheet.getType() is SpreadsheetApp.SheetType.GRID or OBJECT (a chart moved to its own tab); an
 *   OBJECT sheet has no cells, so every cell method on it throws.
 * - insertRowsBefore/After and deleteRow(s) shift every cell below (value, format, background,
 *   note) and the protected ranges with them; Range.sort and Range.moveTo move whole cells
 *   (values, formatting and notes), as the Sheets UI does.
 * - Protection (Sheet.getProtections(ProtectionType.RANGE|SHEET)): a range or sheet the user may
 *   not edit (canEdit() false, not warning-only) makes any write touching it throw, before writing
 *   anything; Range.canEdit() is false when the range touches such a cell.
 * Typed loosely on purpose: it implements what the add-on calls, with Apps Script's behaviour
 * where it matters to the tests (batch reads/writes, getDataRange bounds, range limits, the
 * spreadsheet's time zone for dates, property-store quotas), and throws on anything else so a new
 * call the fake does not know fails loudly instead of silently passing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Call {
  readonly service: string;
  readonly method: string;
  readonly args: readonly unknown[];
  /** Cells the call reads or writes (a Range's size), 0 for the rest. */
  readonly cells: number;
}

/**
 * What a call costs in the fake's clock. Google publishes no latency figures; these are deliberately
 * pessimistic readings of what Apps Script takes from a script (a round trip per service call, and
 * batch reads/writes that grow with the cells they touch): ~60 ms per call, 20 µs per cell.
 */
export const CALL_COST = { perCallMs: 60, perCellMs: 0.02 } as const;

export class Recorder {
  readonly calls: Call[] = [];
  record(service: string, method: string, args: readonly unknown[], cells = 0): void {
    this.calls.push({ service, method, args, cells });
  }
  /** The time the recorded calls would take under CALL_COST, in ms. */
  serviceMs(): number {
    return this.calls.reduce((t, c) => t + CALL_COST.perCallMs + c.cells * CALL_COST.perCellMs, 0);
  }
  reset(): void {
    this.calls.length = 0;
  }
  /** Calls of the Spreadsheet service (SpreadsheetApp and the objects it hands out). */
  spreadsheetCalls(): Call[] {
    return this.calls.filter((c) => SPREADSHEET_SERVICE.has(c.service));
  }
  count(service: string, method?: string): number {
    return this.calls.filter((c) => c.service === service && (method === undefined || c.method === method)).length;
  }
  /** A compact `Service.method` list, for assertions and failure messages. */
  names(filter?: (c: Call) => boolean): string[] {
    return this.calls.filter(filter ?? (() => true)).map((c) => `${c.service}.${c.method}`);
  }
}

const API_NAME = /^(get|set|is|insert|delete|create|add|show|clear|activate|hide|new|require|build|remove|copy|sort|flush|toast|open|append|merge|format|auto|protect|update)[A-Z]?[A-Za-z]*$/;

const SPREADSHEET_SERVICE = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'Protection', 'DataValidationBuilder']);

/** Sheet methods an OBJECT (chart) sheet answers; everything else needs a grid and throws. */
const NON_GRID_OK = new Set(['getName', 'setName', 'getSheetId', 'getType', 'getParent', 'activate', 'isSheetHidden', 'hideSheet', 'getIndex', 'getProtections']);

/** Wraps an object so every method call is recorded as `service.method(args)`; unknown methods throw. */
function recorded<T extends object>(target: T, service: string, rec: Recorder): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return v;
      if (prop.startsWith('_')) return v;
      if (typeof v !== 'function') {
        // A call the fake does not implement must fail loudly (inspection props like `$$typeof` pass).
        if (v === undefined && API_NAME.test(prop)) throw new Error(`fake ${service} does not implement ${prop}()`);
        return v;
      }
      return (...args: unknown[]) => {
        const o = obj as { _rows?: number; _cols?: number; _type?: string };
        const cells = service === 'Range' && typeof o._rows === 'number' && typeof o._cols === 'number' ? o._rows * o._cols : 0;
        rec.record(service, prop, args, cells);
        if (service === 'Sheet' && o._type !== undefined && o._type !== 'GRID' && !NON_GRID_OK.has(prop)) {
          throw new Error(`Exception: This operation is not supported on a sheet of type ${o._type} (${prop}).`);
        }
        return v.apply(obj, args);
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Time zones (Utilities.formatDate and the fixtures' conversions)

function parts(ms: number, timeZone: string): { y: number; M: number; d: number; H: number; m: number; s: number } {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const o: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') o[p.type] = Number(p.value);
  return { y: o.year!, M: o.month!, d: o.day!, H: o.hour! === 24 ? 0 : o.hour!, m: o.minute!, s: o.second! };
}

/** Java SimpleDateFormat subset: yyyy MM M dd d HH H mm ss. */
export function formatDate(date: { getTime(): number }, timeZone: string, pattern: string): string {
  const p = parts(date.getTime(), timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return pattern.replace(/yyyy|MM|M|dd|d|HH|H|mm|ss/g, (tok) => {
    switch (tok) {
      case 'yyyy':
        return pad(p.y, 4);
      case 'MM':
        return pad(p.M);
      case 'M':
        return String(p.M);
      case 'dd':
        return pad(p.d);
      case 'd':
        return String(p.d);
      case 'HH':
        return pad(p.H);
      case 'H':
        return String(p.H);
      case 'mm':
        return pad(p.m);
      default:
        return pad(p.s);
    }
  });
}

/** The instant whose reading in `timeZone` is the wall clock y-m-d h:mi:s (what a date cell of a spreadsheet in that zone holds). */
export function instantOfWall(wallMs: number, timeZone: string): Date {
  let guess = wallMs;
  for (let i = 0; i < 4; i++) {
    const p = parts(guess, timeZone);
    const seen = Date.UTC(p.y, p.M - 1, p.d, p.H, p.m, p.s);
    const diff = wallMs - seen;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

// ---------------------------------------------------------------------------------------------
// Enums (Apps Script enums are objects whose toString() is their name)

function enumValue(name: string): { readonly name: string; toString(): string; toJSON(): string } {
  return Object.freeze({ name, toString: () => name, toJSON: () => name });
}

export const SHEET_TYPE = { GRID: enumValue('GRID'), OBJECT: enumValue('OBJECT'), DATASOURCE: enumValue('DATASOURCE') } as const;
export const PROTECTION_TYPE = { RANGE: enumValue('RANGE'), SHEET: enumValue('SHEET') } as const;

/** A 1-based rectangle of a sheet. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function inRect(r: number, c: number, x: Rect): boolean {
  return r >= x.row && r < x.row + x.rows && c >= x.col && c < x.col + x.cols;
}

/** A rectangle after `n` rows were inserted before row `before`: below moves down, spanning grows. */
function rectAfterInsert(x: Rect, before: number, n: number): void {
  if (x.row >= before) x.row += n;
  else if (before < x.row + x.rows) x.rows += n;
}

/** A rectangle after rows `from`..`from+n-1` were deleted; null when all its rows are gone. */
function rectAfterDelete(x: Rect, from: number, n: number): Rect | null {
  const top = x.row;
  const bottom = x.row + x.rows - 1;
  const last = from + n - 1;
  const removed = Math.max(0, Math.min(bottom, last) - Math.max(top, from) + 1);
  const rows = x.rows - removed;
  if (rows <= 0) return null;
  const row = top > last ? top - n : top >= from ? from : top;
  return { ...x, row, rows };
}

export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

// ---------------------------------------------------------------------------------------------
// Cells, ranges, sheets

export interface FakeCell {
  value: unknown;
  /** Display text as given by a test; computed from the value when absent. */
  display?: string;
  format: string;
  background: string;
  note: string;
  validation: any;
  fontWeight: string;
  fontColor: string;
  wrap: boolean;
  hAlign: string | null;
  vAlign: string | null;
}

function emptyCell(): FakeCell {
  return { value: '', format: '', background: '#ffffff', note: '', validation: null, fontWeight: 'normal', fontColor: '#000000', wrap: false, hAlign: null, vAlign: null };
}

function colLetters(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** `C4`, `A2:C4`, `5:5` → 1-based row, col, rows, cols (for row ranges the sheet's width). */
function parseA1(a1: string, sheet: FakeSheetImpl): [number, number, number, number] {
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colIndex(m[1]!);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    return [Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
  }
  m = /^(\d+):(\d+)$/.exec(a1);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return [Math.min(r1, r2), 1, Math.abs(r2 - r1) + 1, sheet._maxCols];
  }
  throw new Error(`fake Sheet.getRange: bad A1 notation ${a1}`);
}

export class FakeRangeImpl {
  constructor(
    readonly _sheet: FakeSheetImpl,
    readonly _row: number,
    readonly _col: number,
    readonly _rows: number,
    readonly _cols: number,
  ) {
    if (_row < 1 || _col < 1 || _rows < 1 || _cols < 1) throw new Error('The starting row/column and the number of rows/columns must be at least 1.');
    if (_row + _rows - 1 > _sheet._maxRows || _col + _cols - 1 > _sheet._maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  private _map<T>(fn: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._cols; c++) row.push(fn(this._sheet._peek(this._row + r, this._col + c), r, c));
      out.push(row);
    }
    return out;
  }

  /** A write touching a cell the user may not edit fails as a whole, before anything changes. */
  _guard(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_MESSAGE);
  }

  private _set<T>(grid: T[][], what: string, fn: (cell: FakeCell, v: T) => void): void {
    if (!Array.isArray(grid) || grid.length !== this._rows || grid.some((row) => !Array.isArray(row) || row.length !== this._cols)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${what}: expected ${this._rows}×${this._cols}).`);
    }
    this._guard();
    for (let r = 0; r < this._rows; r++) for (let c = 0; c < this._cols; c++) fn(this._sheet._cell(this._row + r, this._col + c), grid[r]![c]!);
  }

  private _all(fn: (cell: FakeCell) => void): this {
    this._guard();
    for (let r = 0; r < this._rows; r++) for (let c = 0; c < this._cols; c++) fn(this._sheet._cell(this._row + r, this._col + c));
    return this._self();
  }

  _self(): this {
    return this._sheet._proxyOf(this) as this;
  }

  getRow() {
    return this._row;
  }
  getColumn() {
    return this._col;
  }
  getNumRows() {
    return this._rows;
  }
  getNumColumns() {
    return this._cols;
  }
  getLastRow() {
    return this._row + this._rows - 1;
  }
  getLastColumn() {
    return this._col + this._cols - 1;
  }
  getSheet() {
    return this._sheet._proxy;
  }
  getA1Notation() {
    const a = `${colLetters(this._col - 1)}${this._row}`;
    return this._rows === 1 && this._cols === 1 ? a : `${a}:${colLetters(this._col + this._cols - 2)}${this._row + this._rows - 1}`;
  }
  getValues() {
    return this._map((c) => (c.value instanceof Date ? new Date(c.value.getTime()) : c.value));
  }
  getValue() {
    return this.getValues()[0]![0];
  }
  getDisplayValues() {
    return this._map((c) => this._sheet._display(c));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0]![0]!;
  }
  getNumberFormats() {
    return this._map((c) => c.format);
  }
  getBackgrounds() {
    return this._map((c) => c.background);
  }
  getNotes() {
    return this._map((c) => c.note);
  }
  getDataValidations() {
    return this._map((c) => c.validation);
  }
  getFontWeights() {
    return this._map((c) => c.fontWeight);
  }
  getFontColors() {
    return this._map((c) => c.fontColor);
  }
  setValues(grid: unknown[][]) {
    this._set(grid, 'setValues', (cell, v) => this._sheet._write(cell, v));
    return this._self();
  }
  setValue(v: unknown) {
    return this._all((cell) => this._sheet._write(cell, v));
  }
  setNumberFormat(f: string) {
    return this._all((cell) => (cell.format = f));
  }
  setNumberFormats(grid: string[][]) {
    this._set(grid, 'setNumberFormats', (cell, v) => (cell.format = v));
    return this._self();
  }
  setBackgrounds(grid: (string | null)[][]) {
    this._set(grid, 'setBackgrounds', (cell, v) => (cell.background = v === null ? '#ffffff' : String(v).toLowerCase()));
    return this._self();
  }
  setBackground(v: string | null) {
    return this._all((cell) => (cell.background = v === null ? '#ffffff' : v.toLowerCase()));
  }
  setNotes(grid: (string | null)[][]) {
    this._set(grid, 'setNotes', (cell, v) => (cell.note = v === null ? '' : String(v)));
    return this._self();
  }
  setNote(v: string | null) {
    return this._all((cell) => (cell.note = v === null ? '' : v));
  }
  setDataValidation(rule: unknown) {
    return this._all((cell) => (cell.validation = rule));
  }
  setFontWeight(w: string | null) {
    return this._all((cell) => (cell.fontWeight = w ?? 'normal'));
  }
  setFontWeights(grid: (string | null)[][]) {
    this._set(grid, 'setFontWeights', (cell, v) => (cell.fontWeight = v ?? 'normal'));
    return this._self();
  }
  setFontColors(grid: (string | null)[][]) {
    this._set(grid, 'setFontColors', (cell, v) => (cell.fontColor = v ?? '#000000'));
    return this._self();
  }
  setWrap(w: boolean) {
    return this._all((cell) => (cell.wrap = w));
  }
  setWraps(grid: boolean[][]) {
    this._set(grid, 'setWraps', (cell, v) => (cell.wrap = v));
    return this._self();
  }
  setHorizontalAlignments(grid: (string | null)[][]) {
    this._set(grid, 'setHorizontalAlignments', (cell, v) => (cell.hAlign = v));
    return this._self();
  }
  setVerticalAlignment(v: string | null) {
    return this._all((cell) => (cell.vAlign = v));
  }
  activate() {
    this._sheet._ss._active = this._sheet;
    this._sheet._ss._activeRange = this.getA1Notation();
    return this._self();
  }
  /** Whether the user may edit every cell of the range. */
  canEdit() {
    for (let r = 0; r < this._rows; r++) for (let c = 0; c < this._cols; c++) if (this._sheet._blocked(this._row + r, this._col + c)) return false;
    return true;
  }
  /**
   * Sorts the range's rows by the given column(s) (absolute column numbers, as in Apps Script):
   * a number, `{ column, ascending }`, or an array of them. Whole cells move (values, formats,
   * backgrounds, notes). Numbers sort before text, blanks last; the sort is stable.
   */
  sort(spec: unknown) {
    this._guard();
    const specs = (Array.isArray(spec) ? spec : [spec]).map((x) =>
      typeof x === 'number' ? { column: x, ascending: true } : { column: Number((x as { column: number }).column), ascending: (x as { ascending?: boolean }).ascending !== false },
    );
    for (const sp of specs) if (sp.column < this._col || sp.column >= this._col + this._cols) throw new Error('The sort column must be within the range.');
    const rows = Array.from({ length: this._rows }, (_, r) => Array.from({ length: this._cols }, (_, c) => this._sheet._cells.get(this._sheet._key(this._row + r, this._col + c))));
    const valueOf = (row: (FakeCell | undefined)[], column: number) => row[column - this._col]?.value;
    const cmp = (a: unknown, b: unknown): number => {
      const blank = (v: unknown) => v === '' || v === null || v === undefined;
      if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? 1 : -1;
      const num = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null);
      const na = num(a);
      const nb = num(b);
      if (na !== null && nb !== null) return na - nb;
      if (na !== null) return -1;
      if (nb !== null) return 1;
      return String(a).localeCompare(String(b));
    };
    const order = rows.map((row, i) => ({ row, i }));
    order.sort((x, y) => {
      for (const sp of specs) {
        const va = valueOf(x.row, sp.column);
        const vb = valueOf(y.row, sp.column);
        const blankA = va === '' || va === undefined;
        const blankB = vb === '' || vb === undefined;
        const d = blankA || blankB ? cmp(va, vb) : (sp.ascending ? 1 : -1) * cmp(va, vb);
        if (d !== 0) return d;
      }
      return x.i - y.i;
    });
    order.forEach(({ row }, r) =>
      row.forEach((cell, c) => {
        const k = this._sheet._key(this._row + r, this._col + c);
        if (cell) this._sheet._cells.set(k, cell);
        else this._sheet._cells.delete(k);
      }),
    );
    return this._self();
  }
  /** Cut and paste: the cells (values, formats, notes) go to `target`'s top-left; the source is left empty. */
  moveTo(target: FakeRangeImpl) {
    const t = target as FakeRangeImpl;
    const dest = new FakeRangeImpl(t._sheet, t._row, t._col, this._rows, this._cols);
    this._guard();
    dest._guard();
    const moved = Array.from({ length: this._rows }, (_, r) => Array.from({ length: this._cols }, (_, c) => this._sheet._cells.get(this._sheet._key(this._row + r, this._col + c))));
    for (let r = 0; r < this._rows; r++) for (let c = 0; c < this._cols; c++) this._sheet._cells.delete(this._sheet._key(this._row + r, this._col + c));
    moved.forEach((row, r) =>
      row.forEach((cell, c) => {
        const k = dest._sheet._key(dest._row + r, dest._col + c);
        if (cell) dest._sheet._cells.set(k, cell);
        else dest._sheet._cells.delete(k);
      }),
    );
  }
}

/** A protected range or sheet (Sheet.getProtections). Built by tests through FakeSheetImpl._protect. */
export class FakeProtectionImpl {
  _proxy!: any;
  constructor(
    readonly _sheet: FakeSheetImpl,
    readonly _type: 'RANGE' | 'SHEET',
    /** The protected rectangle; null for a whole sheet. */
    public _rect: Rect | null,
    /** Whether the running user is among its editors. */
    readonly _editor: boolean,
    readonly _warningOnly: boolean,
    public _unprotected: Rect[],
    readonly _description: string,
  ) {}
  /** Blocks edits of the running user? (warning-only protections only warn.) */
  _blocks(r: number, c: number): boolean {
    if (this.canEdit()) return false;
    if (this._type === 'RANGE') return inRect(r, c, this._rect!);
    return !this._unprotected.some((u) => inRect(r, c, u));
  }
  canEdit() {
    return this._editor || this._warningOnly;
  }
  isWarningOnly() {
    return this._warningOnly;
  }
  getProtectionType() {
    return PROTECTION_TYPE[this._type];
  }
  getDescription() {
    return this._description;
  }
  getRange() {
    const x = this._rect ?? { row: 1, col: 1, rows: this._sheet._maxRows, cols: this._sheet._maxCols };
    return this._sheet._proxyOf(new FakeRangeImpl(this._sheet, x.row, x.col, x.rows, x.cols));
  }
  getUnprotectedRanges() {
    return this._unprotected.map((u) => this._sheet._proxyOf(new FakeRangeImpl(this._sheet, u.row, u.col, u.rows, u.cols)));
  }
}

export interface GridInput {
  readonly values: readonly (readonly unknown[])[];
  readonly display?: readonly (readonly (string | undefined)[])[];
  readonly formats?: readonly (readonly (string | undefined)[])[];
}

export class FakeSheetImpl {
  readonly _cells = new Map<string, FakeCell>();
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _hidden = false;
  /** 'GRID', or 'OBJECT' for a chart sheet. */
  _type: 'GRID' | 'OBJECT' = 'GRID';
  readonly _protections: FakeProtectionImpl[] = [];
  readonly _columnWidths = new Map<number, number>();
  readonly _rowHeights = new Map<number, number>();
  _proxy!: any;
  private readonly _rangeProxies = new WeakMap<object, any>();

  constructor(
    readonly _ss: FakeSpreadsheetImpl,
    public _name: string,
    readonly _id: number,
  ) {}

  _proxyOf(range: FakeRangeImpl): any {
    let p = this._rangeProxies.get(range);
    if (!p) {
      p = recorded(range, 'Range', this._ss._rec);
      this._rangeProxies.set(range, p);
    }
    return p;
  }

  _key(r: number, c: number): string {
    return `${r},${c}`;
  }
  _peek(r: number, c: number): FakeCell {
    return this._cells.get(this._key(r, c)) ?? emptyCell();
  }
  _cell(r: number, c: number): FakeCell {
    const k = this._key(r, c);
    let cell = this._cells.get(k);
    if (!cell) this._cells.set(k, (cell = emptyCell()));
    return cell;
  }
  /** Whether a protection keeps the running user from editing a cell. */
  _blocked(r: number, c: number): boolean {
    return this._protections.some((p) => p._blocks(r, c));
  }
  /** Test setup: protects a range (`A1:C5`) or, with null, the whole sheet. */
  _protect(a1: string | null, opts: { editor?: boolean; warningOnly?: boolean; unprotected?: string[]; description?: string } = {}): FakeProtectionImpl {
    const rect = (ref: string): Rect => {
      const [row, col, rows, cols] = parseA1(ref, this);
      return { row, col, rows, cols };
    };
    const p = new FakeProtectionImpl(this, a1 === null ? 'SHEET' : 'RANGE', a1 === null ? null : rect(a1), opts.editor === true, opts.warningOnly === true, (opts.unprotected ?? []).map(rect), opts.description ?? '');
    p._proxy = recorded(p, 'Protection', this._ss._rec);
    this._protections.push(p);
    return p;
  }
  /** Rebuilds the cell map with every row number passed through `move` (null drops the cell). */
  private _shiftRows(move: (row: number) => number | null): void {
    const cells = [...this._cells.entries()];
    this._cells.clear();
    for (const [k, cell] of cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      const to = move(r);
      if (to !== null) this._cells.set(this._key(to, c), cell);
    }
  }

  /** What setValue(s) stores: a leading apostrophe forces text (and is not shown). */
  _write(cell: FakeCell, v: unknown): void {
    delete cell.display;
    if (typeof v === 'string' && v.startsWith("'")) {
      cell.value = v.slice(1);
      cell.display = v.slice(1);
      return;
    }
    cell.value = v === null || v === undefined ? '' : v;
  }
  _display(cell: FakeCell): string {
    if (cell.display !== undefined) return cell.display;
    const v = cell.value;
    if (v === '' || v === null || v === undefined) return '';
    if (v instanceof Date) return formatDate(v, this._ss._tz, 'yyyy/M/d HH:mm:ss');
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
  _hasContent(cell: FakeCell): boolean {
    return !(cell.value === '' || cell.value === null || cell.value === undefined);
  }

  /** Fills cells from a grid (row 1, column 1 = grid[0][0]). */
  _load(grid: GridInput): void {
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const disp = grid.display?.[r]?.[c];
        const fmt = grid.formats?.[r]?.[c];
        if ((v === '' || v === null || v === undefined) && !disp && !fmt) return;
        const cell = this._cell(r + 1, c + 1);
        cell.value = v === null || v === undefined ? '' : v;
        if (disp !== undefined) cell.display = disp;
        if (fmt !== undefined) cell.format = fmt;
      }),
    );
    this._maxRows = Math.max(this._maxRows, grid.values.length);
    this._maxCols = Math.max(this._maxCols, ...grid.values.map((r) => r.length));
  }

  getName() {
    return this._name;
  }
  setName(n: string) {
    this._name = n;
    return this._proxy;
  }
  getSheetId() {
    return this._id;
  }
  getParent() {
    return this._ss._proxy;
  }
  getLastRow() {
    let last = 0;
    for (const [k, cell] of this._cells) if (this._hasContent(cell)) last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const [k, cell] of this._cells) if (this._hasContent(cell)) last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }
  getMaxRows() {
    return this._maxRows;
  }
  getMaxColumns() {
    return this._maxCols;
  }
  getType() {
    return SHEET_TYPE[this._type];
  }
  getProtections(type: unknown) {
    const want = String(type);
    return this._protections.filter((p) => p._type === want).map((p) => p._proxy);
  }
  /** Inserts blank rows before row `before`: every cell (and protected range) from there moves down. */
  insertRowsBefore(before: number, howMany: number) {
    if (before < 1 || before > this._maxRows || howMany < 1) throw new Error('Those rows are out of bounds.');
    this._shiftRows((r) => (r >= before ? r + howMany : r));
    for (const p of this._protections) {
      if (p._rect) rectAfterInsert(p._rect, before, howMany);
      for (const u of p._unprotected) rectAfterInsert(u, before, howMany);
    }
    this._maxRows += howMany;
    return this._proxy;
  }
  insertRowBefore(before: number) {
    return this.insertRowsBefore(before, 1);
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after === this._maxRows) {
      this._maxRows += howMany;
      return this._proxy;
    }
    return this.insertRowsBefore(after + 1, howMany);
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  /** Deletes rows `from`..`from+howMany-1`: their cells go, everything below moves up. */
  deleteRows(from: number, howMany: number) {
    if (from < 1 || howMany < 1 || from + howMany - 1 > this._maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this._maxRows) throw new Error('You can\'t delete all the rows on the sheet.');
    for (let r = from; r < from + howMany; r++) for (let c = 1; c <= this._maxCols; c++) if (this._blocked(r, c)) throw new Error(PROTECTED_MESSAGE);
    const last = from + howMany - 1;
    this._shiftRows((r) => (r < from ? r : r > last ? r - howMany : null));
    for (let i = this._protections.length - 1; i >= 0; i--) {
      const p = this._protections[i]!;
      if (p._rect) {
        const next = rectAfterDelete(p._rect, from, howMany);
        if (next) p._rect = next;
        else this._protections.splice(i, 1);
      }
      p._unprotected = p._unprotected.map((u) => rectAfterDelete(u, from, howMany)).filter((u): u is Rect => u !== null);
    }
    this._maxRows -= howMany;
  }
  deleteRow(row: number) {
    this.deleteRows(row, 1);
    return this._proxy;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after !== this._maxCols) throw new Error('fake insertColumnsAfter: only appending columns is supported');
    this._maxCols += howMany;
    return this._proxy;
  }
  getDataRange() {
    // Like Sheets: A1 to the last row/column with content; a blank sheet gives A1.
    return this._proxyOf(new FakeRangeImpl(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())));
  }
  getRange(a: number | string, col?: number, rows = 1, cols = 1) {
    if (typeof a === 'string') {
      const [r, c, nr, nc] = parseA1(a, this);
      return this._proxyOf(new FakeRangeImpl(this, r, c, nr, nc));
    }
    return this._proxyOf(new FakeRangeImpl(this, a, col!, rows, cols));
  }
  setFrozenRows(n: number) {
    this._frozenRows = n;
    return this._proxy;
  }
  getFrozenRows() {
    return this._frozenRows;
  }
  setColumnWidth(col: number, px: number) {
    this._columnWidths.set(col, px);
    return this._proxy;
  }
  setColumnWidths(start: number, n: number, px: number) {
    for (let i = 0; i < n; i++) this._columnWidths.set(start + i, px);
    return this._proxy;
  }
  setRowHeights(start: number, n: number, px: number) {
    for (let i = 0; i < n; i++) this._rowHeights.set(start + i, px);
    return this._proxy;
  }
  clear() {
    for (const cell of this._cells.values()) {
      const keepNote = cell.note;
      Object.assign(cell, emptyCell(), { note: keepNote });
      delete cell.display;
    }
    return this._proxy;
  }
  clearNotes() {
    for (const cell of this._cells.values()) cell.note = '';
    return this._proxy;
  }
  activate() {
    this._ss._active = this;
    return this._proxy;
  }
  hideSheet() {
    this._hidden = true;
    return this._proxy;
  }
  isSheetHidden() {
    return this._hidden;
  }
}

export class FakeSpreadsheetImpl {
  readonly _sheets: FakeSheetImpl[] = [];
  _active: FakeSheetImpl | null = null;
  _activeRange: string | null = null;
  _proxy!: any;
  readonly _toasts: { message: string; title: string }[] = [];
  private _nextId = 0;

  constructor(
    readonly _rec: Recorder,
    readonly _tz: string,
    readonly _name: string,
  ) {}

  _add(name: string, index?: number): FakeSheetImpl {
    if (this._sheets.some((s) => s._name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const id = this._nextId === 0 ? 0 : 100_000 + this._nextId * 7919;
    this._nextId++;
    const sheet = new FakeSheetImpl(this, name, id);
    sheet._proxy = recorded(sheet, 'Sheet', this._rec);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(index, 0, sheet);
    this._active = this._active ?? sheet;
    return sheet;
  }

  getName() {
    return this._name;
  }
  getId() {
    return 'fake-spreadsheet-id';
  }
  getSpreadsheetTimeZone() {
    return this._tz;
  }
  getSheets() {
    return this._sheets.map((s) => s._proxy);
  }
  getSheetByName(name: string) {
    return this._sheets.find((s) => s._name === name)?._proxy ?? null;
  }
  insertSheet(name: string, index?: number) {
    const s = this._add(name, index);
    this._active = s;
    return s._proxy;
  }
  deleteSheet(sheet: any) {
    const i = this._sheets.findIndex((s) => s._proxy === sheet);
    if (i < 0) throw new Error('fake deleteSheet: unknown sheet');
    this._sheets.splice(i, 1);
  }
  getActiveSheet() {
    return (this._active ?? this._sheets[0])?._proxy ?? null;
  }
  setActiveSheet(sheet: any) {
    this._active = this._sheets.find((s) => s._proxy === sheet) ?? this._active;
    return sheet;
  }
  toast(message: string, title = '', _timeout?: number) {
    this._toasts.push({ message, title });
  }
}

// ---------------------------------------------------------------------------------------------
// Ui, HtmlService, PropertiesService, Utilities

export class FakeMenu {
  readonly items: ({ label: string; fn: string } | 'separator')[] = [];
  added = false;
  constructor(readonly _rec: Recorder) {}
  addItem(label: string, fn: string) {
    this.items.push({ label, fn });
    return (this as any)._proxy;
  }
  addSeparator() {
    this.items.push('separator');
    return (this as any)._proxy;
  }
  addToUi() {
    this.added = true;
  }
}

export class FakeUi {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: any[] = [];
  constructor(readonly _rec: Recorder) {}
  createAddonMenu() {
    const m = new FakeMenu(this._rec);
    (m as any)._proxy = recorded(m, 'Menu', this._rec);
    this.menus.push(m);
    return (m as any)._proxy;
  }
  showSidebar(html: any) {
    this.sidebars.push(html);
  }
}

export class FakeHtmlOutput {
  title = '';
  constructor(
    readonly file: string,
    readonly content: string,
  ) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getContent() {
    return this.content;
  }
}

export class FakeProperties {
  readonly _data = new Map<string, string>();
  private static readonly VALUE_LIMIT = 9 * 1024;
  private static readonly TOTAL_LIMIT = 500 * 1024;
  private _check(): void {
    let total = 0;
    for (const [k, v] of this._data) {
      const size = Buffer.byteLength(k) + Buffer.byteLength(v);
      if (Buffer.byteLength(v) > FakeProperties.VALUE_LIMIT) throw new Error(`Argument too large: value of ${k}`);
      total += size;
    }
    if (total > FakeProperties.TOTAL_LIMIT) throw new Error('You have exceeded the property storage quota.');
  }
  getProperty(k: string) {
    return this._data.has(k) ? this._data.get(k)! : null;
  }
  setProperty(k: string, v: string) {
    this._data.set(k, String(v));
    this._check();
    return this;
  }
  getProperties() {
    return Object.fromEntries(this._data);
  }
  setProperties(map: Record<string, string>, deleteAllOthers = false) {
    if (deleteAllOthers) this._data.clear();
    for (const [k, v] of Object.entries(map)) this._data.set(k, String(v));
    this._check();
    return this;
  }
  deleteProperty(k: string) {
    this._data.delete(k);
    return this;
  }
  getKeys() {
    return [...this._data.keys()];
  }
}

export interface FakeGasOptions {
  readonly timeZone?: string;
  readonly name?: string;
  /** Sidebar.html content served by HtmlService.createHtmlOutputFromFile. */
  readonly files?: Readonly<Record<string, string>>;
}

/** A fresh set of services around one spreadsheet. `globals` are what Apps Script would define. */
export function createFakeGas(opts: FakeGasOptions = {}) {
  const rec = new Recorder();
  const ss = new FakeSpreadsheetImpl(rec, opts.timeZone ?? 'Asia/Taipei', opts.name ?? 'Partner workbook');
  ss._proxy = recorded(ss, 'Spreadsheet', rec);
  const ui = new FakeUi(rec);
  const uiProxy = recorded(ui, 'Ui', rec);
  const userProps = new FakeProperties();
  const docProps = new FakeProperties();
  const scriptProps = new FakeProperties();

  const builder = () => {
    const rule: any = { criteria: null, values: null, showDropdown: null, allowInvalid: true, helpText: '' };
    const b: any = {
      requireValueInList(values: string[], showDropdown = true) {
        rule.criteria = 'VALUE_IN_LIST';
        rule.values = [...values];
        rule.showDropdown = showDropdown;
        return proxy;
      },
      setAllowInvalid(v: boolean) {
        rule.allowInvalid = v;
        return proxy;
      },
      setHelpText(t: string) {
        rule.helpText = t;
        return proxy;
      },
      build() {
        return { ...rule };
      },
    };
    const proxy = recorded(b, 'DataValidationBuilder', rec);
    return proxy;
  };

  const SpreadsheetApp = recorded(
    {
      getActiveSpreadsheet: () => ss._proxy,
      getActive: () => ss._proxy,
      getUi: () => uiProxy,
      newDataValidation: builder,
      flush: () => undefined,
      SheetType: SHEET_TYPE,
      ProtectionType: PROTECTION_TYPE,
    },
    'SpreadsheetApp',
    rec,
  );
  const HtmlService = recorded(
    {
      createHtmlOutputFromFile: (name: string) => {
        const content = opts.files?.[name] ?? opts.files?.[`${name}.html`];
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(name, content);
      },
    },
    'HtmlService',
    rec,
  );
  const PropertiesService = recorded(
    {
      getUserProperties: () => recorded(userProps, 'Properties', rec),
      getDocumentProperties: () => recorded(docProps, 'Properties', rec),
      getScriptProperties: () => recorded(scriptProps, 'Properties', rec),
    },
    'PropertiesService',
    rec,
  );
  const Utilities = recorded({ formatDate }, 'Utilities', rec);
  const lock = { held: false, tryLock: (_ms: number) => (lock.held ? false : (lock.held = true)), releaseLock: () => void (lock.held = false), hasLock: () => lock.held };
  const LockService = recorded({ getDocumentLock: () => recorded(lock, 'Lock', rec) }, 'LockService', rec);

  return {
    rec,
    ss,
    ui,
    userProps,
    docProps,
    lock,
    globals: { SpreadsheetApp, HtmlService, PropertiesService, Utilities, LockService },
    /** Adds a tab filled from a grid; returns the sheet's internals. */
    addSheet(name: string, grid?: GridInput): FakeSheetImpl {
      const s = ss._add(name);
      if (grid) s._load(grid);
      return s;
    },
    /** Adds a chart sheet (a chart moved to its own tab): type OBJECT, no cells. */
    addChartSheet(name: string): FakeSheetImpl {
      const s = ss._add(name);
      s._type = 'OBJECT';
      return s;
    },
    sheet(name: string): FakeSheetImpl {
      const s = ss._sheets.find((x) => x._name === name);
      if (!s) throw new Error(`no fake sheet ${name}`);
      return s;
    },
  };
}

export type FakeGas = ReturnType<typeof createFakeGas>;

/** Installs the fake's services as globals (for importing addon/server directly); returns an uninstaller. */
export function installGlobals(gas: FakeGas): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = new Map<string, unknown>();
  for (const [k, v] of Object.entries(gas.globals)) {
    before.set(k, g[k]);
    g[k] = v;
  }
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
