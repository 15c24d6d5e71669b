/**
 * The docs match the tool: every console example of README.md runs (with files the repo has) and
 * prints the lines the README shows, in that order (`…` stands for lines left out); every rule
 * count the docs give ("規則目錄（N 條）", "N rules") is the registry's.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'partner-check.mjs');

interface Example {
  readonly command: string;
  readonly shown: readonly string[];
}

function consoleExamples(markdown: string): Example[] {
  return [...markdown.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => {
    const [first, ...rest] = m[1]!.replace(/\n$/, '').split('\n');
    expect(first, 'a console example starts with its command').toMatch(/^\$ /);
    return { command: first!.slice(2), shown: rest };
  });
}

/** Splits a README command line into argv (no quoting is used in the README). */
function argvOf(command: string): string[] {
  const words = command.split(/\s+/);
  expect(words.slice(0, 2)).toEqual(['npx', 'partner-check']);
  return words.slice(2);
}

function run(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err && typeof (err as { code?: unknown }).code !== 'number') return reject(err);
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout });
    }),
  );
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const examples = consoleExamples(README);

describe('README console examples', () => {
  it('there are examples, and every path they name is in the repo', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) {
      for (const word of argvOf(e.command).filter((w) => /\.(xlsx|csv|json)$/.test(w))) {
        expect(path.resolve(ROOT, word).startsWith(ROOT + path.sep), word).toBe(true);
        expect(() => readFileSync(path.join(ROOT, word)), word).not.toThrow();
      }
    }
  });

  for (const e of examples) {
    it(e.command, async () => {
      const { stdout } = await run(argvOf(e.command));
      const out = stdout.replace(/\n$/, '').split('\n');
      let at = 0;
      let gap = false;
      for (const line of e.shown) {
        if (line.trim() === '…') {
          gap = true;
          continue;
        }
        const found = gap ? out.indexOf(line, at) : out[at] === line ? at : -1;
        expect(found, `README line ${JSON.stringify(line)} (after output line ${at})`).toBeGreaterThanOrEqual(0);
        at = found + 1;
        gap = false;
      }
      // Nothing printed after the last line shown unless the README ends with "…".
      if (!gap) expect(at).toBe(out.length);
    });
  }
});

describe('rule counts in the docs', () => {
  const docs = ['README.md', ...['cli.md', 'serve.md', 'addon.md', 'templates.md', 'performance.md'].map((f) => path.join('docs', f))];
  it(`every count is the registry's ${RULES.length}`, () => {
    const counts: string[] = [];
    for (const file of docs) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/規則目錄（(\d+) 條）|\b(\d+) rules\b|(\d+) 條規則/g)) counts.push(`${file}: ${m[1] ?? m[2] ?? m[3]}`);
    }
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual(counts.map((c) => c.replace(/\d+$/, String(RULES.length))));
  });

  it('docs/rules.md lists every rule once', () => {
    const rows = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8').match(/^\| `[a-z-]+\/[a-z-]+` \|/gm) ?? [];
    expect(rows).toHaveLength(RULES.length);
  });
});
