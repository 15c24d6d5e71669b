import { defineConfig } from 'vitest/config';

/** The suites that touch dates: run again under host time zones far from Taipei's (results must not move). */
const DATE_SENSITIVE = [
  'test/time/**/*.test.ts',
  'test/values/**/*.test.ts',
  'test/checks/**/*.test.ts',
  'test/compute/**/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/campaign/**/*.test.ts',
  'test/validator/read/**/*.test.ts',
  'test/addon/server.test.ts',
  'test/templates/examples.test.ts',
];
const HOST_ZONE_CHECK = 'test/time/host-zone.test.ts';
/**
 * test/fresh-clone runs the README's commands — the whole suite again — in a fresh clone: about
 * as long as `npm test` itself, so it is its own command (`npm run test:fresh-clone`), run before a
 * release, and not part of `npm test` (CI would run every test twice). The `npm test` it runs
 * inside the clone never includes it, so it does not recurse.
 */
const FRESH_CLONE = process.env['PARTNER_CHECK_FRESH_CLONE_TEST'] === '1';

const zoneProject = (timeZone: string) => ({
  extends: true as const,
  test: {
    name: `TZ=${timeZone}`,
    include: [...DATE_SENSITIVE, HOST_ZONE_CHECK],
    // Node re-reads process.env.TZ when it is assigned, so each worker runs in this host zone.
    env: { TZ: timeZone, PARTNER_CHECK_HOST_TZ: timeZone },
  },
});

export default defineConfig({
  test: {
    // Rule tests are fast; reader, CLI and browser tests spawn workers and processes.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Any `.only` left behind fails the run instead of silently skipping the rest.
    allowOnly: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['test/**/*.test.ts'],
          exclude: [HOST_ZONE_CHECK, ...(FRESH_CLONE ? [] : ['test/fresh-clone/**']), '**/node_modules/**'],
        },
      },
      zoneProject('America/Los_Angeles'),
      zoneProject('Pacific/Kiritimati'),
    ],
  },
});
