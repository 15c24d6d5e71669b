import { isAscii } from 'node:buffer';

/**
 * UTF-8 bytes → text, chunk by chunk, exactly as one streaming TextDecoder (BOM dropped at the
 * start only, malformed bytes → U+FFFD), except that a chunk of ASCII only — every chunk of a
 * typical sheet, whose text lives in the shared strings — is copied as Latin-1, which is the same
 * text: `isAscii` and the copy are much cheaper than the decoder's conversion.
 */
export class Utf8Stream {
  private decoder: TextDecoder | undefined;
  /** The decoder may hold the first bytes of a character cut at the end of the last chunk. */
  private pending = false;
  private started = false;

  decode(chunk: Buffer): string {
    if (chunk.length === 0) return '';
    if (!this.pending && isAscii(chunk)) {
      this.started = true;
      return chunk.toString('latin1');
    }
    // A BOM is only a BOM at the very start: after ASCII text it is kept, as the decoder would.
    this.decoder ??= new TextDecoder('utf-8', { ignoreBOM: this.started });
    this.started = true;
    // After an ASCII byte the decoder holds nothing (the byte ends or breaks any sequence).
    this.pending = chunk[chunk.length - 1] >= 0x80;
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.pending && this.decoder ? this.decoder.decode() : '';
  }
}
