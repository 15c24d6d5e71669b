/**
 * Real, decodable picture files of any size, written by code (the examples generator and the tests;
 * no binary fixtures):
 * a grey baseline JPEG, a grey PNG, a solid lossless WebP, and a PDF to rename `.jpg`. Each is the
 * smallest valid file of its format, so a test can ask for 501×816 or 800×800 without megabytes.
 */
import { crc32, deflateSync } from 'node:zlib';

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/**
 * A grey baseline JPEG (one component, every 8×8 block DC 0 = grey 128). Its Huffman tables hold
 * one symbol each (code `0`), so every block is two zero bits: DC diff category 0, then EOB.
 */
export function jpegFile(width: number, height: number): Buffer {
  const seg = (marker: number, body: number[]) => [0xff, marker, ...u16be(body.length + 2), ...body];
  const dqt = seg(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const sof = seg(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]);
  const oneSymbol = (cls: number) => [cls, 1, ...new Array<number>(15).fill(0), 0x00];
  const dht = seg(0xc4, [...oneSymbol(0x00), ...oneSymbol(0x10)]);
  const sos = seg(0xda, [1, 1, 0x00, 0, 63, 0]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const data = new Array<number>(Math.ceil(bits / 8)).fill(0);
  const rest = bits % 8;
  if (rest !== 0) data[data.length - 1] = (1 << (8 - rest)) - 1; // pad the last byte with 1 bits
  const app0 = seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.from([0xff, 0xd8, ...app0, ...dqt, ...sof, ...dht, ...sos, ...data, 0xff, 0xd9]);
}

/** A grey 8-bit greyscale PNG. `padBytes` adds an ancillary chunk to make the file that much larger. */
export function pngFile(width: number, height: number, padBytes = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter type None
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (padBytes > 0) parts.push(chunk('zTXt', Buffer.concat([Buffer.from('pad\0\0', 'latin1'), Buffer.alloc(padBytes, 0x61)])));
  parts.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A solid grey lossless WebP (VP8L): every prefix code has one symbol, so pixels take no bits. */
export function webpFile(width: number, height: number): Buffer {
  const bits: number[] = [];
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++) bits.push((value >> i) & 1);
  };
  put(width - 1, 14);
  put(height - 1, 14);
  put(0, 1); // alpha not used
  put(0, 3); // version
  put(0, 1); // no transform
  put(0, 1); // no colour cache
  put(0, 1); // no meta prefix codes
  for (const symbol of [128, 128, 128, 255]) {
    put(1, 1); // simple code
    put(0, 1); // one symbol
    put(1, 1); // 8-bit symbol
    put(symbol, 8);
  }
  put(1, 1); // distance: simple code, one 1-bit symbol 0
  put(0, 1);
  put(0, 1);
  put(0, 1);
  const body = Buffer.alloc(1 + Math.ceil(bits.length / 8));
  body[0] = 0x2f;
  bits.forEach((b, i) => {
    if (b) body[1 + (i >> 3)]! |= 1 << (i & 7);
  });
  const padded = body.length % 2 === 1 ? Buffer.concat([body, Buffer.alloc(1)]) : body;
  const vp8l = Buffer.concat([Buffer.from('VP8L', 'latin1'), u32le(body.length), padded]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(4 + vp8l.length), Buffer.from('WEBP', 'latin1'), vp8l]);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

/** A one-page PDF (what a brand sends when it exports the card from a layout program). */
export function pdfFile(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 501 816]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}
