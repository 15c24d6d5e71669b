/**
 * The xlsx readers: `readXlsxFull` (exceljs in memory) and `readXlsxStream` (exceljs's
 * streaming reader), which produce the same Workbook model for the same file, and the file
 * size above which the streaming one should be used.
 */
export { readXlsxFull } from './xlsx-full';
export { readXlsxStream } from './xlsx-stream';
export { STREAM_THRESHOLD_BYTES } from './stream-threshold';
