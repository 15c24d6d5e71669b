// Its own module so that guarded.ts (loaded by the CLI) does not pull exceljs into the caller.

/**
 * xlsx files larger than this are read with the streaming reader.
 *
 * Measured with `npx tsx test/validator/read/measure-threshold.ts` (Node 20.20, exceljs 4.4.0,
 * 2-core container under load, so times are noisy): enrollment-like sheets of 13 columns
 * (shared strings, a date, percents, numbers); "heap" is the smallest --max-old-space-size
 * (the knob the reader worker's resourceLimits set) under which the read still succeeds.
 *
 *   rows     file     full: time / peak RSS / heap     stream: time / peak RSS / heap
 *   10 000   0.8 MB   2.3 s / 195 MB /  96 MB          1.6 s / 186 MB /  64 MB
 *   25 000   2.0 MB   7.7 s / 331 MB / 192 MB          5.3 s / 268 MB /  64 MB
 *   50 000   4.0 MB   2.7–9.0 s / 506 MB / 384 MB      3.5–5.9 s / 376 MB / 192 MB
 *  100 000   8.1 MB   6.1–22 s / 836–941 MB / 768 MB   5.9–12 s / 637–682 MB / 256 MB
 *
 * The full reader needs about 95 MB of heap per MB of xlsx, the streaming one about 32 (most
 * of it the model itself: ~140 bytes per cell), and the streaming one is never slower. At
 * 4 MB the full reader needs ~384 MB, well inside the worker's default 1024 MB limit with room
 * for the copy postMessage makes; at 8 MB it would need ~768 MB. The streaming reader stays
 * under 1024 MB up to roughly 30 MB of xlsx (~400 000 such rows, extrapolated).
 */
export const STREAM_THRESHOLD_BYTES = 4 * 1024 * 1024;
