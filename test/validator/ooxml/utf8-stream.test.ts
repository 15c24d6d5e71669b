/**
 * The reader's chunk decoder (validator/ooxml/utf8-stream.ts) copies all-ASCII chunks as Latin-1
 * and hands the others to one streaming TextDecoder: the text must be exactly what one
 * TextDecoder makes of the whole part, however it is cut — characters split across chunks, a
 * lone lead byte before an ASCII chunk, malformed bytes, a BOM at the start (dropped) or after
 * ASCII text (kept).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Utf8Stream } from '../../../validator/ooxml/utf8-stream.js';

const SEED = 12_2026_1202;

function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): string {
  const stream = new Utf8Stream();
  let out = '';
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out += stream.decode(Buffer.from(bytes.subarray(from, cut)));
    from = cut;
  }
  out += stream.decode(Buffer.from(bytes.subarray(from)));
  return out + stream.end();
}

/** Runs of ASCII, zh-TW text, emoji, BOMs and stray bytes (lead bytes alone, continuation bytes, 0xFF). */
const piece = fc.oneof(
  fc.constantFrom('<c r="A1"><v>1</v></c>', 'abc', ' ', '&amp;', '加碼', '夥伴互利', '😀', '\uFEFF').map((s) => [...Buffer.from(s, 'utf8')]),
  fc.constantFrom([0xe5], [0xe5, 0x8a], [0xf0, 0x9f], [0x80], [0xbf, 0x80], [0xff], [0xc0, 0xaf], [0xef, 0xbb, 0xbf]),
);
const bytes = fc.array(piece, { maxLength: 24 }).map((ps) => Uint8Array.from(ps.flat()));

describe('Utf8Stream', () => {
  it('decodes like one TextDecoder over the whole input, for every way of cutting it', () => {
    fc.assert(
      fc.property(
        bytes.chain((b) => fc.tuple(fc.constant(b), fc.array(fc.integer({ min: 0, max: b.length }), { maxLength: 6 }))),
        ([b, cuts]) => {
          expect(decodeInChunks(b, cuts)).toBe(new TextDecoder('utf-8').decode(b));
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('drops a BOM only at the very start', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const ascii = [...Buffer.from('<x/>')];
    expect(decodeInChunks(Uint8Array.from([...bom, ...ascii]), [3])).toBe('<x/>');
    expect(decodeInChunks(Uint8Array.from([...ascii, ...bom, ...ascii]), [4])).toBe('<x/>\uFEFF<x/>');
    expect(decodeInChunks(Uint8Array.from([...ascii, 0xe5, ...ascii]), [5])).toBe('<x/>\uFFFD<x/>');
  });
});
