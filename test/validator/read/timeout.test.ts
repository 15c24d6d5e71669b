import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, defaultTimeoutMs, MAX_TIMEOUT_MS } from '../../../validator/read/guarded';

const MB = 1024 * 1024;

describe('the reader worker timeout scales with the file size', () => {
  it('is 60 s plus 3 s per MB, capped at 15 min', () => {
    expect(defaultTimeoutMs(0)).toBe(DEFAULT_TIMEOUT_MS);
    expect(defaultTimeoutMs(MB)).toBe(63_000);
    expect(defaultTimeoutMs(8 * MB)).toBe(84_000);
    // A 1M-row CMS export (~80 MB) gets 5 minutes instead of the old fixed 60 s.
    expect(defaultTimeoutMs(80 * MB)).toBe(300_000);
    expect(defaultTimeoutMs(280 * MB)).toBe(MAX_TIMEOUT_MS);
    expect(defaultTimeoutMs(10_000 * MB)).toBe(15 * 60_000);
    expect(defaultTimeoutMs(Number.NaN)).toBe(DEFAULT_TIMEOUT_MS);
  });
});
