/**
 * Runs only in the time-zone projects of vitest.config.ts (`npm test` repeats the date-sensitive
 * suites under TZ=America/Los_Angeles and TZ=Pacific/Kiritimati): checks that the host zone really
 * is the one the project names, so those repeats are not silently running in the machine's zone.
 */
import { describe, expect, it } from 'vitest';

const OFFSETS: Record<string, number> = {
  // Date#getTimezoneOffset is minutes *behind* UTC, in January 2026.
  'America/Los_Angeles': 480,
  'Pacific/Kiritimati': -840,
};

describe('host time zone of this project', () => {
  it('is the zone the project sets', () => {
    const zone = process.env['PARTNER_CHECK_HOST_TZ'];
    expect(zone === undefined ? undefined : OFFSETS[zone]).toBeTypeOf('number');
    expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(OFFSETS[zone!]);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });
});
