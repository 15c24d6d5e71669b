/**
 * Terminal behaviour (main() in-process with a fake TTY): the progress bar goes to stderr only,
 * for batches of more than 3 files on a TTY; colours only on a TTY without NO_COLOR.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_ENROLLMENT, runMain, tempDir, writeWorkbook } from './helpers';

const tmp = tempDir();
const files = ['a', 'b', 'c', 'd'].map((n) => path.join(tmp.dir, `${n}.xlsx`));

beforeAll(async () => {
  await writeWorkbook(files[0]!, { 報名表: CLEAN_ENROLLMENT });
  for (const f of files.slice(1)) copyFileSync(files[0]!, f);
});

afterAll(() => tmp.cleanup());

describe('on a terminal', () => {
  it('shows a progress bar on stderr for more than 3 files, never on stdout', async () => {
    const run = await runMain(['validate', tmp.dir, '--format', 'json', '--today', '2026-03-20'], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('] 4/4 ');
    expect(run.stderr).toContain('\r\u001b[K');
    expect(JSON.parse(run.stdout).summary.files).toBe(4);
  });

  it('shows no progress bar for 3 files, when not a TTY, or with --quiet', async () => {
    const three = await runMain(['validate', ...files.slice(0, 3), '--format', 'json', '--today', '2026-03-20'], { tty: true });
    expect(three.stderr).toBe('');
    const piped = await runMain(['validate', tmp.dir, '--format', 'json', '--today', '2026-03-20'], { tty: false });
    expect(piped.stderr).toBe('');
    const quiet = await runMain(['validate', tmp.dir, '--format', 'json', '--today', '2026-03-20', '--quiet'], { tty: true });
    expect(quiet.stderr).toBe('');
  });

  it('colours the text report on a TTY unless NO_COLOR is set', async () => {
    const tty = await runMain(['validate', files[0]!, '--today', '2026-03-20'], { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runMain(['validate', files[0]!, '--today', '2026-03-20'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('uses today in Asia/Taipei from the clock when --today is absent', async () => {
    const run = await runMain(['validate', files[0]!, '--format', 'json']);
    expect(JSON.parse(run.stdout).files[0].meta.today).toBe('2026-03-20');
  });
});
