#!/usr/bin/env node
// Writes test/fixtures/writers/sheetjs.xlsx with SheetJS (npm xlsx, `cellDates: true`: dates as
// ISO `t="d"` cells) and adds what it was told to write to expected.json. Run after gen.py.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';

const out = path.join('test', 'fixtures', 'writers');
const d = (y, m, day, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, m - 1, day, h, mi, s));
const rows = [
  ['商店代碼', '開始時間', '結束時間', '前台加碼%', '備註', '啟用'],
  ['shop_0001', d(2026, 4, 7), d(2026, 4, 7, 23, 59, 59), 0.1, '夥伴加碼日', true],
  ['shop_0002', d(2026, 5, 8, 10, 30), d(2026, 5, 9, 0, 0, 0), 0.05, 'A&B <c>', false],
  ['shop_0003', d(2027, 1, 1), d(2027, 1, 14), 0.15, '  空白  ', true],
];
const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true });
for (let r = 2; r <= rows.length; r++) ws[`D${r}`].z = '0%';
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, '加碼合約');
const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true, compression: true });
writeFileSync(path.join(out, 'sheetjs.xlsx'), bytes);

const iso = (x) => x.toISOString().slice(0, 19);
const grid = {};
rows.forEach((row, r) => row.forEach((v, c) => {
  grid[`${String.fromCharCode(65 + c)}${r + 1}`] = v instanceof Date ? { date: iso(v) } : v;
}));
const file = path.join(out, 'expected.json');
const expected = JSON.parse(readFileSync(file, 'utf8'));
expected['sheetjs.xlsx'] = { 加碼合約: grid };
const sorted = Object.fromEntries(Object.keys(expected).sort().map((k) => [k, expected[k]]));
writeFileSync(file, JSON.stringify(sorted, null, 1) + '\n');
