/**
 * One OOXML package (an .xlsx): the file opened once, its ZIP central directory parsed once,
 * parts located by name (case-sensitive, as written; `\` and a leading `/` normalised), and each
 * part streamed through node:zlib with its inflated bytes counted against the package's limits
 * while it streams. Sniffing, the reader and (later) the copy patcher share one `OoxmlPackage`,
 * so a file is never opened or its directory parsed twice.
 *
 * Relationships (`_rels/*.rels`) are how parts find each other: `relationships(part)` and
 * `resolveTarget(part, target)` give absolute part names for relative (`worksheets/a.xml`,
 * `../media/x.png`) and absolute (`/xl/worksheets/a.xml`) targets alike. Nothing here inflates
 * a part unless asked, so media, themes and drawings are never inflated by the reader.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { openFileSource, memorySource, type ByteSource } from './byte-source';
import { LimitError, type PackageLimits, DEFAULT_LIMITS } from './limits';
import { Utf8Stream } from './utf8-stream';
import { XmlTokenizer, type XmlHandler } from './xml';
import { entryDataStart, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip';

export type { ZipEntry, ZipDirectory } from './zip';

/** Where an entry's bytes are: for the reader's streams and the patcher's raw copies. */
export interface EntryLocation {
  readonly entry: ZipEntry;
  /** Offset of the compressed data (after the local header). */
  readonly dataStart: number;
}

export interface Relationship {
  readonly id: string;
  /** The relationship type's last path segment: `worksheet`, `sharedStrings`, `styles`, `officeDocument` … */
  readonly type: string;
  /** Absolute part name (no leading `/`), or the raw target for external relationships. */
  readonly target: string;
  readonly external: boolean;
}

/** Reading a part past the end of a truncated or inconsistent archive. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 18;
/** Parts up to this size are inflated in one synchronous call. */
const SMALL_PART_BYTES = 4 << 20;

export class OoxmlPackage {
  readonly source: ByteSource;
  readonly limits: PackageLimits;
  private dir: ZipDirectory | null | undefined;
  private readonly byNameMap = new Map<string, ZipEntry>();
  private inflatedTotal = 0;
  private readonly closeSource: () => void;

  private constructor(source: ByteSource, close: () => void, limits: PackageLimits) {
    this.source = source;
    this.closeSource = close;
    this.limits = limits;
  }

  /** The central directory (parsed on first use, once); null when the file is no ZIP. */
  get directory(): ZipDirectory | null {
    if (this.dir === undefined) {
      this.dir = readZipDirectory(this.source);
      for (const e of this.dir?.entries ?? []) {
        const name = normalisePartName(e.name);
        if (!this.byNameMap.has(name)) this.byNameMap.set(name, e);
      }
    }
    return this.dir;
  }

  private get byName(): Map<string, ZipEntry> {
    void this.directory;
    return this.byNameMap;
  }

  /** A package over an already open source (the caller closes it, or passes `close`). */
  static fromSource(source: ByteSource, limits: PackageLimits = DEFAULT_LIMITS, close: () => void = () => {}): OoxmlPackage {
    return new OoxmlPackage(source, close, limits);
  }

  /** Opens a file (one descriptor, kept until `close()`). */
  static open(filePath: string, limits: PackageLimits = DEFAULT_LIMITS): OoxmlPackage {
    const src = openFileSource(filePath);
    return new OoxmlPackage(src, () => src.close(), limits);
  }

  static fromBytes(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): OoxmlPackage {
    return new OoxmlPackage(memorySource(bytes), () => {}, limits);
  }

  close(): void {
    this.closeSource();
  }

  /** Entry names, normalised (`xl/workbook.xml`), in directory order. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  has(part: string): boolean {
    return this.byName.has(part);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part);
  }

  /** The entry and where its compressed data starts (reads the 30-byte local header). */
  locate(part: string): EntryLocation | undefined {
    const entry = this.byName.get(part);
    if (!entry) return undefined;
    const dataStart = entryDataStart(this.source, entry);
    if (dataStart + entry.compressedSize > this.source.size) throw new PackageError(`zip: ${entry.name} runs past the end of the file`);
    return { entry, dataStart };
  }

  /**
   * A part's inflated bytes, chunk by chunk. Each chunk counts against `maxPartBytes` and the
   * package's `maxTotalBytes` as it arrives (a bomb stops at the limit, never inflated whole), and
   * a part whose inflated size differs from the directory's is refused.
   */
  async *stream(part: string): AsyncGenerator<Buffer> {
    const loc = this.locate(part);
    if (!loc) throw new PackageError(`zip: no part ${part}`);
    const { entry, dataStart } = loc;
    if (entry.method !== 0 && entry.method !== 8) throw new PackageError(`zip: unsupported compression method ${entry.method} for ${part}`);
    const { maxPartBytes, maxTotalBytes } = this.limits;
    if (entry.uncompressedSize > maxPartBytes) throw new LimitError('part-bytes', `${part} inflates to ${entry.uncompressedSize} bytes (limit ${maxPartBytes})`);
    let partBytes = 0;
    const count = (n: number) => {
      partBytes += n;
      this.inflatedTotal += n;
      if (partBytes > maxPartBytes) throw new LimitError('part-bytes', `${part} inflates to more than ${maxPartBytes} bytes`);
      if (this.inflatedTotal > maxTotalBytes) throw new LimitError('total-bytes', `the parts read inflate to more than ${maxTotalBytes} bytes`);
    };
    if (entry.method === 0) {
      for (let off = 0; off < entry.compressedSize; off += READ_CHUNK) {
        const n = Math.min(READ_CHUNK, entry.compressedSize - off);
        const chunk = Buffer.from(this.source.read(dataStart + off, n));
        if (chunk.length < n) throw new PackageError(`zip: ${part} is truncated`);
        count(chunk.length);
        yield chunk;
      }
    } else if (entry.uncompressedSize <= SMALL_PART_BYTES && entry.compressedSize <= SMALL_PART_BYTES) {
      // Small parts (workbook, rels, styles, most sheets of a form) in one synchronous step: no
      // stream set-up. The output is capped at the declared size + 1, so a lying directory is caught.
      let out: Buffer;
      try {
        out = inflateRawSync(this.source.read(dataStart, entry.compressedSize), { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (err) {
        throw new PackageError(`zip: ${part} cannot be inflated (${(err as Error).message})`);
      }
      count(out.length);
      if (out.length) yield out;
    } else {
      // 256 KB of output per chunk. 1 MB chunks once saved ~5 % of reader CPU (per-chunk overhead),
      // but since the worksheet fast path allocates little, scavenges are rare and dead 1 MB chunk
      // buffers (external memory, freed only when their objects are collected) pile up between
      // them: validate's peak RSS at 100k rows grew ~10 MB. At 256 KB it is back at or below where
      // it was, for a few per cent of reader CPU, invisible in validate's total.
      const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
      const compressed = this.source;
      let fed = 0;
      const feed = () => {
        // Feed the compressed data 1 MB at a time, as zlib drains it (bounded memory).
        while (fed < entry.compressedSize) {
          const n = Math.min(READ_CHUNK, entry.compressedSize - fed);
          const chunk = compressed.read(dataStart + fed, n);
          fed += n;
          if (!inflate.write(chunk)) {
            inflate.once('drain', feed);
            return;
          }
        }
        inflate.end();
      };
      feed();
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          count(chunk.length);
          yield chunk;
        }
      } catch (err) {
        if (err instanceof LimitError) throw err;
        throw new PackageError(`zip: ${part} cannot be inflated (${(err as Error).message})`);
      } finally {
        inflate.removeAllListeners('drain');
        inflate.destroy();
      }
    }
    if (partBytes !== entry.uncompressedSize) {
      throw new PackageError(`zip: ${part} inflates to ${partBytes} bytes, its directory says ${entry.uncompressedSize}`);
    }
  }

  /**
   * Streams a part, decoded as UTF-8 across chunk boundaries (one streaming decoder per part,
   * BOM dropped), through one XML tokenizer into `handler`.
   */
  async parseXml(part: string, handler: XmlHandler): Promise<void> {
    const decoder = new Utf8Stream();
    const xml = new XmlTokenizer(handler, this.limits.maxStringChars);
    for await (const chunk of this.stream(part)) {
      const text = decoder.decode(chunk);
      if (text) xml.write(text);
    }
    const rest = decoder.end();
    if (rest) xml.write(rest);
    xml.end();
  }

  /** The part's relationships (`dir/_rels/name.rels`), targets resolved; [] when it has none. */
  async relationships(part: string): Promise<Relationship[]> {
    const relsPart = relsPartOf(part);
    if (!this.byName.has(relsPart)) return [];
    const out: Relationship[] = [];
    await this.parseXml(relsPart, {
      open(name, tag) {
        if (name !== 'Relationship') return;
        const id = tag.attr('Id');
        const target = tag.attr('Target');
        const type = tag.attr('Type') ?? '';
        if (id === undefined || target === undefined) return;
        const external = (tag.attr('TargetMode') ?? '').toLowerCase() === 'external';
        out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(part, target), external });
      },
    });
    return out;
  }
}

/** `xl\\workbook.xml`, `/xl/workbook.xml` → `xl/workbook.xml`. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `` (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target → absolute part name: absolute targets (`/xl/a.xml`) from the package
 * root, relative ones (`worksheets/a.xml`, `./a.xml`, `../media/b.png`) from the source part's folder;
 * percent-escapes decoded (`sheet%201.xml`).
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded: keep as written
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}
