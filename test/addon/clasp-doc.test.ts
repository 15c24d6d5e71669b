/**
 * docs/addon.md names clasp commands and flags: each one exists in the installed clasp (3.4.1), as
 * its `--help` shows. A command clasp does not know prints the general help instead of
 * `Usage: clasp <command>`, and a flag it does not take is missing from the command's options.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/bundle.js';

const CLASP = path.join(ROOT, 'node_modules', '.bin', 'clasp');
const DOC = readFileSync(path.join(ROOT, 'docs', 'addon.md'), 'utf8');

const run = promisify(execFile);
const cache = new Map<string, Promise<string>>();

/** `clasp ARGS --help`, once per command (clasp takes seconds to start on a busy machine). */
function help(args: string[]): Promise<string> {
  const key = args.join(' ');
  let p = cache.get(key);
  if (!p) cache.set(key, (p = run(CLASP, [...args, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }).then((r) => r.stdout)));
  return p;
}

/** Every `npx clasp <cmd> …` in the doc → the command and the flags written after it. */
function invocations(doc: string): { cmd: string; flags: string[]; text: string }[] {
  const out: { cmd: string; flags: string[]; text: string }[] = [];
  for (const m of doc.matchAll(/npx clasp ([a-z][a-z-]*)([^`\n#]*)/g)) {
    const rest = m[2]!.replace(/"[^"]*"/g, ' ');
    const flags = [...rest.matchAll(/(?:^|\s)(--?[A-Za-z][\w-]*)/g)].map((f) => f[1]!);
    out.push({ cmd: m[1]!, flags, text: m[0].trim() });
  }
  return out;
}

/** The command's names (`create-script|create`) and option flags from its help. */
function parseHelp(text: string): { names: string[]; flags: Set<string> } {
  const usage = /^Usage: clasp (\S+)/m.exec(text);
  const names = usage && usage[1] !== '<command>' ? usage[1]!.split('|') : [];
  const flags = new Set<string>();
  for (const m of text.matchAll(/^\s+((?:-[A-Za-z],\s*)?--[\w-]+)/gm)) for (const f of m[1]!.split(/,\s*/)) flags.add(f.trim());
  return { names, flags };
}

describe('docs/addon.md and the installed clasp', () => {
  const calls = invocations(DOC);

  it('the doc names the commands of the whole path', () => {
    expect(new Set(calls.map((c) => c.cmd))).toEqual(new Set(['login', 'create', 'clone', 'push', 'open-script', 'version', 'deploy', 'deployments', 'redeploy']));
    expect(execFileSync(CLASP, ['--version'], { encoding: 'utf8' }).trim()).toBe('3.4.1');
  });

  it('every command and flag it names exists', async () => {
    const cmds = [...new Set(calls.map((c) => c.cmd))];
    const texts = await Promise.all(cmds.map((c) => help([c])));
    const helps = new Map(cmds.map((c, i) => [c, parseHelp(texts[i]!)]));
    const problems: string[] = [];
    for (const c of calls) {
      const h = helps.get(c.cmd)!;
      if (!h.names.includes(c.cmd)) problems.push(`${c.text}: clasp has no command ${c.cmd}`);
      for (const f of c.flags) if (!h.flags.has(f)) problems.push(`${c.text}: ${c.cmd} has no flag ${f}`);
    }
    expect(problems).toEqual([]);
    expect(calls.some((c) => c.cmd === 'login' && c.flags.includes('--no-localhost'))).toBe(true);
    expect(calls.some((c) => c.cmd === 'create' && c.flags.includes('--rootDir') && c.flags.includes('--type'))).toBe(true);
  }, 120_000);

  it('the check would catch a command or a flag clasp does not have', async () => {
    const [open, push] = await Promise.all([help(['open']), help(['push'])]);
    expect(parseHelp(open).names).toEqual([]); // clasp 2's `open` is gone in clasp 3
    expect(parseHelp(push).flags.has('--force')).toBe(true);
    expect(parseHelp(push).flags.has('--rootDir')).toBe(false);
    expect(invocations('run `npx clasp create --type sheets --title "a b" --rootDir dist/addon`')).toEqual([
      { cmd: 'create', flags: ['--type', '--title', '--rootDir'], text: 'npx clasp create --type sheets --title "a b" --rootDir dist/addon' },
    ]);
  }, 120_000);
});
