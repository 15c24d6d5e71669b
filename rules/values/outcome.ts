/**
 * What a cell parser returns: a value (possibly with warnings) or the problems that stop it.
 * Problems name a `cell/*` rule id; the engine attaches sheet, row and cell.
 */
import type { MessageData, Suggestion } from '../types.js';

export interface CellIssue {
  readonly ruleId: string;
  readonly messageId?: string;
  readonly data?: MessageData;
  readonly suggestion?: Suggestion;
}

export type ParseOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly CellIssue[] }
  | { readonly ok: false; readonly issues: readonly CellIssue[] };

/** The `issues` of every outcome without issues: one shared, frozen array (no allocation per cell). */
export const NO_ISSUES: readonly CellIssue[] = Object.freeze([]);

export function ok<T>(value: T, issues: readonly CellIssue[] = NO_ISSUES): ParseOutcome<T> {
  return { ok: true, value, issues };
}

export function fail<T>(ruleId: string, messageId = 'default', data: MessageData = {}): ParseOutcome<T> {
  return { ok: false, issues: [{ ruleId, messageId, data }] };
}
