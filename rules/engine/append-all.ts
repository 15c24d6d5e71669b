/**
 * Appends every item of `items` to `target`, one push at a time: `target.push(...items)` passes
 * each item as an argument, and past about 120,000 of them (a baseline of a 1m-row export, one
 * shop's overlaps) V8 throws "Maximum call stack size exceeded".
 * @example const a = [1]; appendAll(a, [2, 3]); a → [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
