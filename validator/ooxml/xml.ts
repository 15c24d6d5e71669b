/**
 * The one streaming XML tokenizer of the reader: workbook, relationships, shared strings, styles
 * and worksheets all go through it. It takes text chunks (already decoded as UTF-8 across chunk
 * boundaries by the package) and calls the handler for each start tag, end tag and piece of
 * text, with the five predefined entities and character references decoded. It keeps only the
 * unfinished tail of the input between chunks, so memory does not grow with the part.
 *
 * Element and attribute names are reported without their namespace prefix (`x:c` → `c`,
 * `r:id` → `id`; `xml:space` → `space`), which is how SpreadsheetML readers match them.
 * A DOCTYPE is refused (no entity expansion, no external entities), as are unknown entities.
 * Text outside the elements a handler cares about costs nothing: set `tokenizer.wantText` false.
 */
import { LimitError } from './limits';

export interface XmlTag {
  /** The decoded value of attribute `localName` (prefix ignored), or undefined. */
  attr(localName: string): string | undefined;
  /**
   * Attribute `localName` without a string of its own when it can be avoided: returns a string
   * in which the value lies at [span.start, span.end) — the tokenizer's input when the raw value
   * holds no reference (valid only during `open`), else the decoded value itself — or undefined.
   * For the few attributes read on every cell (`r`, `s`), which are parsed, not kept.
   */
  attrSpan(localName: string, span: { start: number; end: number }): string | undefined;
  /** Whether the tag was written `<x …/>` (its `close` follows at once). */
  readonly selfClosing: boolean;
}

export interface XmlHandler {
  open?(name: string, tag: XmlTag, xml: XmlTokenizer): void;
  close?(name: string, xml: XmlTokenizer): void;
  /** Decoded text; one text node may arrive in several pieces. */
  text?(text: string, xml: XmlTokenizer): void;
  /**
   * A handler's own parse of the common shapes of one hot element, asked at each `<` while
   * `xml.fastTags` is true (the worksheet's `<c>`: 1.4 million of them at 100k rows, where
   * building the general tag costs more than the rest of the reader). It may consume only whole,
   * balanced constructs lying entirely in `buf` from `lt` (depth unchanged; no text left over) and
   * returns the position after them, or -1 — before any side effect — to have the general path
   * handle the construct (anything unusual, or cut by the end of the chunk).
   */
  fastTag?(buf: string, lt: number, xml: XmlTokenizer): number;
}

/** Malformed XML: the part (and the file) is unreadable. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes entity and character references; throws XmlError on anything else. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError(`bad entity reference near "${s.slice(amp, amp + 12)}"`);
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref.charCodeAt(1) === 120 /* x */ || ref.charCodeAt(1) === 88 ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const digits = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? ref.slice(2) : ref.slice(1);
      if (!/^[0-9a-fA-F]+$/.test(digits) || !(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlError(`bad character reference &${ref};`);
      }
      ch = String.fromCodePoint(code);
    } else {
      ch = ENTITIES[ref];
      if (ch === undefined) throw new XmlError(`unknown entity &${ref};`);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  AMP = 38,
  SQUOTE = 39,
  SLASH = 47,
  COLON = 58,
  LT = 60,
  EQ = 61,
  GT = 62,
  QUESTION = 63,
  X = 120,
}

const isSpace = (c: number) => c === C.SPACE || c === C.LF || c === C.TAB || c === C.CR;

/** Raised inside the scanner when the buffer ends mid-construct: wait for more input. */
const INCOMPLETE = -1;
/** "No `&` from here to the end of the input." */
const NO_AMP = 0x7fffffff;
/**
 * Below this many characters a loop over the characters beats a call to `indexOf` (a builtin
 * call costs about as much as a dozen `charCodeAt`s); cell values, names and the values of `r`,
 * `s` and `t` are all shorter, long texts and URLs fall back to `indexOf`.
 */
const SHORT_SCAN = 16;

export class XmlTokenizer implements XmlTag {
  /** Set false while the handler ignores text (the default is true). */
  wantText = true;
  /** Set true while the handler's `fastTag` should be asked first at each `<`. */
  fastTags = false;
  selfClosing = false;
  private buf = '';
  /** The input the current tag's attributes lie in, and where: name and raw value per attribute (no strings cut per attribute). */
  private src = '';
  private readonly nameStarts: number[] = [];
  private readonly nameEnds: number[] = [];
  private readonly valueStarts: number[] = [];
  private readonly valueEnds: number[] = [];
  private attrCount = 0;
  private depth = 0;
  private sawRoot = false;
  /**
   * The first `&` of `src` at or after `ampFrom` (NO_AMP: none). Asking "is there an `&` in
   * [start, end)?" then costs one `indexOf` per `&` of the input, not one per attribute or text.
   */
  private ampFrom = 0;
  private ampAt = 0;
  private readonly onOpen: XmlHandler['open'];
  private readonly onClose: XmlHandler['close'];
  private readonly onText: XmlHandler['text'];
  private readonly onFastTag: XmlHandler['fastTag'];

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxChars: number = 32 * 1024 * 1024,
  ) {
    this.onOpen = handler.open;
    this.onClose = handler.close;
    this.onText = handler.text;
    this.onFastTag = handler.fastTag;
  }

  attr(localName: string): string | undefined {
    const i = this.indexOfAttr(localName);
    if (i < 0) return undefined;
    const start = this.valueStarts[i];
    const end = this.valueEnds[i];
    const raw = this.src.slice(start, end);
    return this.hasAmp(start, end) ? decodeEntities(raw) : raw;
  }

  attrSpan(localName: string, span: { start: number; end: number }): string | undefined {
    const i = this.indexOfAttr(localName);
    if (i < 0) return undefined;
    const start = this.valueStarts[i];
    const end = this.valueEnds[i];
    if (this.hasAmp(start, end)) {
      const decoded = decodeEntities(this.src.slice(start, end));
      span.start = 0;
      span.end = decoded.length;
      return decoded;
    }
    span.start = start;
    span.end = end;
    return this.src;
  }

  private indexOfAttr(localName: string): number {
    const src = this.src;
    const length = localName.length;
    for (let i = 0; i < this.attrCount; i++) {
      const start = this.nameStarts[i];
      if (this.nameEnds[i] - start !== length) continue;
      let k = 0;
      while (k < length && src.charCodeAt(start + k) === localName.charCodeAt(k)) k++;
      if (k === length) return i;
    }
    return -1;
  }

  /** Whether [start, end) of `src` holds a `&`. */
  private hasAmp(start: number, end: number): boolean {
    if (start >= this.ampFrom) {
      if (this.ampAt < start) {
        // Passed the last `&` found: look for the next one (once per `&` of the input).
        const at = this.src.indexOf('&', start);
        this.ampFrom = start;
        this.ampAt = at < 0 ? NO_AMP : at;
      }
      return this.ampAt < end;
    }
    // Before the searched stretch (a tag's attributes asked for out of order): a few characters by hand.
    const src = this.src;
    const stop = Math.min(end, this.ampFrom);
    for (let i = start; i < stop; i++) if (src.charCodeAt(i) === C.AMP) return true;
    return end > this.ampFrom && this.ampAt < end;
  }

  /** Makes `buf` the input that attribute and text positions refer to. */
  private setInput(buf: string): void {
    this.src = buf;
    this.ampFrom = 0;
    this.ampAt = -1;
  }

  write(chunk: string): void {
    let rest: string;
    if (this.buf.length === 0) rest = this.scan(chunk, 0, false);
    else {
      // The construct (or entity reference) the last chunk cut is finished on a short string
      // up to the chunk's first `<`, and the chunk is then scanned as it is: joining the whole
      // chunk to the tail would copy it (as much CPU as decoding it) and `+` would leave a cons
      // string, slower to read on every character. Up to that `<` the text is whole, so it is
      // emitted as the whole chunk would have it.
      const lt = chunk.indexOf('<');
      const head = lt < 0 ? this.buf : this.scan(this.buf + chunk.slice(0, lt), 0, true);
      if (head.length === 0) rest = this.scan(chunk, lt, false);
      else rest = this.scan([head, lt < 0 ? chunk : chunk.slice(lt)].join(''), 0, false);
    }
    this.buf = rest;
    if (rest.length > this.maxChars) throw new LimitError('string-chars', `an XML construct is longer than ${this.maxChars} characters`);
  }

  end(): void {
    if (this.buf.length) {
      if (this.buf.indexOf('<') >= 0) throw new XmlError('the XML part ends inside a tag (truncated)');
      this.emitText(this.buf);
      this.buf = '';
    }
    if (this.depth !== 0 || !this.sawRoot) throw new XmlError(this.sawRoot ? 'the XML part ends before its root element closes (truncated)' : 'the XML part has no root element');
  }

  /**
   * Processes what it can of `buf` from `pos`; returns the unprocessed tail. `whole`: the input
   * goes on with a `<`, so text at the end of `buf` is complete.
   */
  private scan(buf: string, pos: number, whole: boolean): string {
    this.setInput(buf);
    const n = buf.length;
    while (pos < n) {
      let lt = pos;
      if (buf.charCodeAt(pos) !== C.LT) {
        if (this.wantText && this.onText !== undefined && this.depth > 0) {
          // Wanted text (a cell's `<v>`, a shared string): short ones by hand, long ones by indexOf.
          const stop = Math.min(n, pos + SHORT_SCAN);
          lt = pos + 1;
          while (lt < stop && buf.charCodeAt(lt) !== C.LT) lt++;
          if (lt === stop) lt = stop < n ? buf.indexOf('<', stop) : -1;
          if (lt < 0) return this.textToEnd(buf, pos, whole);
          const text = buf.slice(pos, lt);
          this.onText.call(this.handler, this.hasAmp(pos, lt) ? decodeEntities(text) : text, this);
        } else {
          lt = buf.indexOf('<', pos);
          if (lt < 0) return this.textToEnd(buf, pos, whole);
          // Text nobody wants inside the root (indentation, ignored values): no string at all.
          if (this.depth === 0) this.emitText(buf.slice(pos, lt));
        }
      }
      if (this.fastTags && this.onFastTag !== undefined) {
        const fast = this.onFastTag.call(this.handler, buf, lt, this);
        if (fast >= 0) {
          pos = fast;
          continue;
        }
      }
      const next = this.tag(buf, lt);
      if (next === INCOMPLETE) return buf.slice(lt);
      pos = next;
    }
    return '';
  }

  /** Text from `pos` to the end of the input: emitted, except a trailing entity reference that may be cut; returns the tail to keep. */
  private textToEnd(buf: string, pos: number, whole: boolean): string {
    const amp = whole ? -1 : buf.lastIndexOf('&');
    if (amp >= pos && buf.indexOf(';', amp) < 0) {
      if (amp > pos) this.emitText(buf.slice(pos, amp));
      return buf.slice(amp);
    }
    this.emitText(pos === 0 ? buf : buf.slice(pos));
    return '';
  }

  private emitText(text: string): void {
    if (!this.wantText || !this.onText) {
      if (this.depth === 0 && !isBlank(text)) throw new XmlError('text outside the root element');
      return;
    }
    if (this.depth === 0) {
      if (!isBlank(text)) throw new XmlError('text outside the root element');
      return;
    }
    this.onText.call(this.handler, decodeEntities(text), this);
  }

  /** Handles the construct starting at `lt`; returns the position after it, or INCOMPLETE. */
  private tag(buf: string, lt: number): number {
    const n = buf.length;
    if (lt + 1 >= n) return INCOMPLETE;
    const c1 = buf.charCodeAt(lt + 1);
    if (c1 === C.SLASH) return this.endTag(buf, lt);
    if (c1 === C.QUESTION) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? INCOMPLETE : end + 2;
    }
    if (c1 === C.BANG) return this.markup(buf, lt);
    // Start tag: name, then attributes, quote-aware (`>` may appear inside a value). Name
    // characters are mostly letters, above every delimiter: one comparison per character.
    // Each character is read once: `c` is always the character at `i`.
    let i = lt + 1;
    let c = c1;
    let colon = -1;
    while (c > C.GT || !(c === C.GT || c === C.SLASH || isSpace(c))) {
      if (c === C.COLON) colon = i;
      if (++i >= n) return INCOMPLETE;
      c = buf.charCodeAt(i);
    }
    if (i === lt + 1) throw new XmlError('empty tag name');
    const name = buf.slice(colon < 0 ? lt + 1 : colon + 1, i);
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (isSpace(c)) {
        if (++i >= n) return INCOMPLETE;
        c = buf.charCodeAt(i);
      }
      if (c === C.GT) {
        i++;
        break;
      }
      if (c === C.SLASH) {
        if (i + 1 >= n) return INCOMPLETE;
        if (buf.charCodeAt(i + 1) !== C.GT) throw new XmlError(`bad tag <${name}`);
        selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      const first = c;
      let attrColon = -1;
      while (c > C.GT || !(c === C.EQ || c === C.GT || c === C.SLASH || isSpace(c))) {
        if (c === C.COLON) attrColon = i;
        if (++i >= n) return INCOMPLETE;
        c = buf.charCodeAt(i);
      }
      const nameEnd = i;
      while (isSpace(c)) {
        if (++i >= n) return INCOMPLETE;
        c = buf.charCodeAt(i);
      }
      if (c !== C.EQ || nameEnd === nameStart) throw new XmlError(`bad attribute in <${name}>`);
      do {
        if (++i >= n) return INCOMPLETE;
        c = buf.charCodeAt(i);
      } while (isSpace(c));
      if (c !== C.DQUOTE && c !== C.SQUOTE) throw new XmlError(`unquoted attribute value in <${name}>`);
      const stop = Math.min(n, i + 1 + SHORT_SCAN);
      let close = i + 1;
      while (close < stop && buf.charCodeAt(close) !== c) close++;
      if (close === stop) close = stop < n ? buf.indexOf(c === C.DQUOTE ? '"' : "'", stop) : -1;
      if (close < 0) return INCOMPLETE;
      // Namespace declarations (`xmlns`, `xmlns:r`) are not attributes: `xmlns:r` must not answer for `r`.
      const isNamespace = first === C.X && (nameEnd === nameStart + 5 || attrColon === nameStart + 5) && buf.startsWith('xmlns', nameStart);
      if (!isNamespace) {
        this.nameStarts[count] = attrColon < 0 ? nameStart : attrColon + 1;
        this.nameEnds[count] = nameEnd;
        this.valueStarts[count] = i + 1;
        this.valueEnds[count] = close;
        count++;
      }
      i = close + 1;
      if (i >= n) return INCOMPLETE;
      c = buf.charCodeAt(i);
    }
    if (this.depth === 0 && this.sawRoot) throw new XmlError('a second root element');
    this.sawRoot = true;
    this.attrCount = count;
    this.selfClosing = selfClosing;
    this.depth++;
    this.onOpen?.call(this.handler, name, this, this);
    this.attrCount = 0;
    if (selfClosing) {
      this.depth--;
      this.onClose?.call(this.handler, name, this);
    }
    return i;
  }

  /** `</name>` (prefix dropped, spaces before `>` allowed). */
  private endTag(buf: string, lt: number): number {
    const n = buf.length;
    let start = lt + 2;
    let gt = start;
    const stop = Math.min(n, start + SHORT_SCAN);
    for (; gt < stop; gt++) {
      const c = buf.charCodeAt(gt);
      if (c === C.GT) break;
      if (c === C.COLON) start = gt + 1;
    }
    if (gt === stop) {
      gt = stop < n ? buf.indexOf('>', stop) : -1;
      if (gt < 0) return INCOMPLETE;
      for (let k = stop; k < gt; k++) if (buf.charCodeAt(k) === C.COLON) start = k + 1;
    }
    let end = gt;
    while (end > lt + 2 && isSpace(buf.charCodeAt(end - 1))) end--;
    const name = buf.slice(start, end);
    if (this.depth === 0) throw new XmlError(`unexpected end tag </${name}>`);
    this.depth--;
    this.onClose?.call(this.handler, name, this);
    return gt + 1;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>`; a DOCTYPE is refused. */
  private markup(buf: string, lt: number): number {
    if (buf.length < lt + 9) {
      // Not enough to tell `<!--` from `<![CDATA[` yet, unless it is already clearly neither.
      const head = buf.slice(lt, lt + 9);
      if (!'<![CDATA['.startsWith(head) && !head.startsWith('<!--') && !'<!--'.startsWith(head) && !'<!DOCTYPE'.startsWith(head.toUpperCase())) {
        throw new XmlError('bad markup declaration');
      }
      return INCOMPLETE;
    }
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? INCOMPLETE : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return INCOMPLETE;
      if (this.depth === 0) throw new XmlError('CDATA outside the root element');
      if (this.wantText && this.onText) this.onText.call(this.handler, buf.slice(lt + 9, end), this);
      return end + 3;
    }
    throw new XmlError('a DOCTYPE or markup declaration (refused: no DTDs in OOXML)');
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}
