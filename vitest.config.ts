import { availableParallelism } from 'node:os';
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
 * test/fresh-clone runs the README's two commands — the whole suite again — in a fresh clone with
 * chromium and soffice hidden from PATH. It is part of `npm test` (so CI runs it), as its own
 * project in a later group: it starts only when every other suite has finished, so the inner
 * suite never competes with the outer one for the two cores (timing-sensitive tests stay honest).
 * The inner `npm test` runs with PARTNER_CHECK_INSIDE_FRESH_CLONE=1, which leaves this project
 * out, so it does not recurse.
 */
const INSIDE_FRESH_CLONE = process.env['PARTNER_CHECK_INSIDE_FRESH_CLONE'] === '1';
const FRESH_CLONE_TESTS = 'test/fresh-clone/**/*.test.ts';

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
    // vitest's default on two cores is one worker; most suites wait on child processes (the CLI,
    // chromium, soffice), so two workers finish the suite in ~407 s instead of ~557 s (measured
    // on the 2-core machine, 2026-12-01). More cores get more workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Any `.only` left behind fails the run instead of silently skipping the rest.
    allowOnly: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['test/**/*.test.ts'],
          exclude: [HOST_ZONE_CHECK, FRESH_CLONE_TESTS, '**/node_modules/**'],
        },
      },
      zoneProject('America/Los_Angeles'),
      zoneProject('Pacific/Kiritimati'),
      ...(INSIDE_FRESH_CLONE
        ? []
        : [{ extends: true as const, test: { name: 'fresh-clone', include: [FRESH_CLONE_TESTS], sequence: { groupOrder: 1 } } }]),
    ],
  },
});
