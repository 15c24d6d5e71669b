/** Picture facts for rule tests, as the validator would read them from files. */
import type { PictureFact, PictureFacts } from '../../rules/index.js';

export const jpg = (width: number, height: number, bytes = 120_000): PictureFact => ({ format: 'jpg', width, height, bytes });
export const png = (width: number, height: number, bytes = 120_000): PictureFact => ({ format: 'png', width, height, bytes });
export const unreadable = (bytes = 5_000): PictureFact => ({ unreadable: true, bytes });

export function pictures(entries: Record<string, PictureFact>): { pictures: PictureFacts } {
  return { pictures: new Map(Object.entries(entries)) };
}
