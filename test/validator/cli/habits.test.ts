/**
 * The command-line habits users bring from ESLint and ripgrep: short flags, did-you-mean for a
 * mistyped command, option or rule id, `rules ID` for one rule, and `schedule --help` naming
 * every option `schedule` takes.
 */
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../../rules/index.js';
import { closest } from '../../../validator/args.js';
import { SCHEDULE_OPTIONS } from '../../../validator/commands/schedule.js';
import { runMain } from './helpers.js';

const EXAMPLES = 'templates/examples';

describe('did-you-mean', () => {
  it('names the command a typo meant', async () => {
    expect(await runMain(['vaildate', 'x.xlsx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'partner-check: 未知的指令「vaildate」；您是指「validate」嗎？\n執行 partner-check  --help 查看用法。\n',
    });
    const en = await runMain(['calender', '--lang', 'en']);
    expect(en.stderr.split('\n')[0]).toBe('partner-check: Unknown command "calender"; did you mean "calendar"?');
    // Far from every command: no guess.
    expect((await runMain(['lint', '--lang', 'en'])).stderr.split('\n')[0]).toBe('partner-check: Unknown command "lint".');
  });

  it('names the option a typo meant', async () => {
    const r = await runMain(['validate', `${EXAMPLES}/clean.xlsx`, '--formt', 'json', '--lang', 'en']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'partner-check: Unknown option "--formt"; did you mean "--format"?']);
    const zh = await runMain(['calendar', '--mnth', '2026-05']);
    expect(zh.stderr.split('\n')[0]).toBe('partner-check: 未知的選項「--mnth」；您是指「--month」嗎？');
  });

  it('names the rule a typo meant', async () => {
    const r = await runMain(['rules', 'contract/overlaps', '--lang', 'en']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'partner-check: There is no rule "contract/overlaps"; did you mean "contract/overlap"?']);
  });

  it('closest: at most 2 edits, fewer than half the word', () => {
    expect(closest('scheudle', ['validate', 'schedule'])).toBe('schedule');
    expect(closest('ab', ['ac'])).toBeUndefined();
    expect(closest('xyz', ['cost'])).toBeUndefined();
  });
});

describe('short flags', () => {
  it('-f json -q on validate is --format json --quiet', async () => {
    const long = await runMain(['validate', `${EXAMPLES}/mistakes.xlsx`, '--today', '2026-03-20', '--format', 'json', '--quiet']);
    const short = await runMain(['validate', `${EXAMPLES}/mistakes.xlsx`, '--today', '2026-03-20', '-f', 'json', '-q']);
    expect(long.code).toBe(1);
    expect(short).toEqual(long);
    expect(JSON.parse(short.stdout).files).toHaveLength(1);
  });

  it('-o FILE on cost is --out FILE', async () => {
    const { tempDir } = await import('./helpers.js');
    const { readFileSync } = await import('node:fs');
    const t = tempDir();
    try {
      const args = ['cost', '--gmv', '1000000', '--cps', '8', '--month', '2026-05', '--chosen', '5/6,5/13,5/27', '--format', 'json'];
      expect((await runMain([...args, '-o', `${t.dir}/a.json`])).code).toBe(0);
      expect((await runMain([...args, '--out', `${t.dir}/b.json`])).code).toBe(0);
      expect(readFileSync(`${t.dir}/a.json`, 'utf8')).toBe(readFileSync(`${t.dir}/b.json`, 'utf8'));
    } finally {
      t.cleanup();
    }
  });
});

describe('rules ID', () => {
  it("shows one rule's docs, messages and where its examples are", async () => {
    const r = await runMain(['rules', 'contract/overlap', '--lang', 'en']);
    const meta = RULES_BY_ID.get('contract/overlap')!.meta;
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['contract/overlap  error', meta.docs.en]);
    expect(lines).toContain(`  default: ${meta.messages['default']!.en}`);
    expect(lines).toContain('Tests (valid and invalid examples): test/checks/contract/overlap.test.ts');
    expect(lines).toContain('Source: rules/checks/contract/overlap.ts');
  });

  it('--format json gives that one rule', async () => {
    const r = await runMain(['rules', 'enrollment/late-registration', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((m: { id: string }) => m.id)).toEqual(['enrollment/late-registration']);
  });
});

describe('schedule --help', () => {
  it('lists every option schedule accepts, --today included', async () => {
    for (const lang of ['zh-TW', 'en']) {
      const help = (await runMain(['schedule', '--help', '--lang', lang])).stdout;
      for (const name of Object.keys(SCHEDULE_OPTIONS)) expect(help, `${lang} --${name}`).toContain(`--${name}`);
    }
  });
});

describe('--color and FORCE_COLOR / NO_COLOR', () => {
  const cal = ['calendar', '--month', '2026-05', '--chosen', '5/6,5/13,5/27'];
  const ESC = '\u001b[';
  const colored = async (args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}) => (await runMain([...args], opts)).stdout.includes(ESC);

  it('auto: colours on a terminal only, NO_COLOR turns them off', async () => {
    expect(await colored(cal, { tty: false })).toBe(false);
    expect(await colored(cal, { tty: true })).toBe(true);
    expect(await colored(cal, { tty: true, env: { NO_COLOR: '1' } })).toBe(false);
  });

  it('FORCE_COLOR turns them on in a pipe; FORCE_COLOR=0 off on a terminal', async () => {
    expect(await colored(cal, { tty: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(await colored(cal, { tty: true, env: { FORCE_COLOR: '0' } })).toBe(false);
  });

  it('--color=always / --color never / --no-color win over the environment', async () => {
    expect(await colored([...cal, '--color=always'], { tty: false, env: { NO_COLOR: '1' } })).toBe(true);
    expect(await colored(['--color', 'never', ...cal], { tty: true, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(await colored([...cal, '--no-color'], { tty: true })).toBe(false);
    // Colours (and the padding after a row's last cell) aside, the output is the same.
    const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').replace(/ +$/gm, '');
    expect(strip((await runMain([...cal, '--color=always'])).stdout)).toBe(strip((await runMain(cal)).stdout));
  });

  it('--color=sometimes is a usage error', async () => {
    const r = await runMain([...cal, '--color=sometimes', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^partner-check: .*--color.*auto\|always\|never/);
  });
});
