/**
 * Shared reading of 廣告素材 and 爆殺驚喜 rows: when a row counts as submitted, and which rows form
 * one 爆殺驚喜 submission (SPEC §4.7: the batch, or else one shop's rows with the same submission
 * time).
 */
import type { RuleContext } from '../engine/rule.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';
import { normalizeCompact } from '../text/normalize.js';
import { formatWall } from '../time/civil.js';

/**
 * The moment an ad row is judged at: its submission time, or — for a new row (blank status) not yet
 * submitted — the start of "today". Pending, approved or rejected rows without a time are skipped
 * (the export lacks it; guessing would be noise).
 */
export function judgedAt(row: ParsedRow<'ad-materials'>, today: number): { readonly wall: number; readonly submitted: boolean } | undefined {
  const { submittedAt, status } = row.values;
  if (submittedAt !== undefined) return { wall: submittedAt, submitted: true };
  if (row.invalid.has('submittedAt') || row.invalid.has('status')) return undefined;
  if (status !== undefined) return undefined;
  return { wall: today * 86_400_000, submitted: false };
}

export interface DealSubmission {
  readonly sheet: ParsedSheet<'flash-deals'>;
  readonly shopId: string;
  /** The batch name, or the submission time as written (blank when not yet submitted). */
  readonly label: string;
  readonly rows: readonly ParsedRow<'flash-deals'>[];
}

/** 爆殺驚喜 submissions per tab, in row order; rows without a readable shop are left out. */
export function dealSubmissions(ctx: RuleContext): readonly DealSubmission[] {
  return ctx.memo('dealSubmissions', () => {
    const out: DealSubmission[] = [];
    for (const sheet of ctx.sheets('flash-deals')) {
      const groups = new Map<string, { shopId: string; label: string; rows: ParsedRow<'flash-deals'>[] }>();
      for (const row of sheet.rows) {
        const { shopId, batch, submittedAt } = row.values;
        if (shopId === undefined || row.invalid.has('submittedAt')) continue;
        const label = batch !== undefined && batch !== '' ? batch : submittedAt !== undefined ? formatWall(submittedAt) : '';
        const key = `${shopId}\u0000${batch !== undefined && batch !== '' ? `b:${normalizeCompact(batch)}` : `s:${submittedAt ?? ''}`}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { shopId, label, rows: [] }));
        g.rows.push(row);
      }
      for (const g of groups.values()) out.push({ sheet, ...g });
    }
    return out;
  });
}

/** `（批次 5月第1批）` / ` (batch 5月第1批)` naming a submission in messages; empty when it has no label. */
export function submissionData(s: DealSubmission): { readonly batch: string; readonly batchEn: string } {
  return s.label === '' ? { batch: '', batchEn: '' } : { batch: `（${s.label}）`, batchEn: ` (${s.label})` };
}
