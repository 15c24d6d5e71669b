import { readWorkbookFile } from './validator/read/guarded';
import { writeFixedCopy } from './validator/annotate';
import { revalidateCopy } from './validator/commands/validate';
import { DEFAULT_CAMPAIGN, validateWorkbook } from './rules/index';
const f = process.argv[2]!;
const read = await readWorkbookFile(f);
if (!read.ok) throw 1;
const rep = validateWorkbook(read.workbook, { campaign: DEFAULT_CAMPAIGN, today: '2026-03-20', lang: 'zh-TW', path: f });
const before = new Set(rep.violations.map((v) => `${v.sheet}|${v.cell}|${v.ruleId}|${v.message}`));
const out = await writeFixedCopy({ inputPath: f, workbook: read.workbook, reader: read.reader, report: { ...rep, meta: rep.meta }, lang: 'zh-TW', today: '2026-03-20', campaign: DEFAULT_CAMPAIGN,
  revalidate: async (bytes) => { const r = await revalidateCopy(bytes, 'x.xlsx', (wb) => validateWorkbook(wb, { campaign: DEFAULT_CAMPAIGN, today: '2026-03-20', lang: 'zh-TW', path: f }).violations);
    if (r) for (const v of r) { const k = `${v.sheet}|${v.cell}|${v.ruleId}|${v.message}`; if (!before.has(k)) console.log('  new:', k); } else console.log('unreadable'); console.log('round', r?.length); return r; } }, '/tmp/i15/dbg.xlsx');
console.log(out.applied.map((a) => a.cell));
