/**
 * The README's two commands on a fresh clone: `git clone` of this repo into a temp folder (with
 * `shared/` beside it, as on CI), a PATH on which chromium and soffice do not exist, then
 * `npm ci && npm run demo` and `npm test` must pass. `npm test` finds the missing tools itself
 * (scripts/test-tools.mjs): as root with apt-get it runs the real `apt-get install` (a no-op when
 * the packages are installed, then it finds them where dpkg put them). Without root or apt-get the
 * install cannot run, so the test checks the exact message, then does what the message says by
 * linking the binaries into a folder on PATH (the only mocked step), and runs `npm test` again.
 * Either way, the non-root message is also checked by running the script as `nobody` (with
 * neither tool nor dpkg-query on PATH).
 *
 * It is part of `npm test` (and so of CI), as the vitest project `fresh-clone`, which starts after
 * every other suite has finished (vitest.config.ts). The inner `npm test` gets
 * PARTNER_CHECK_INSIDE_FRESH_CLONE=1, which leaves that project out, so it does not recurse.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS, installCommand, onPath, requireTool } from '../../scripts/test-tools.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HIDDEN = new Set([...TOOLS.chromium.commands, ...TOOLS.soffice.commands]);
const MINUTES = 60_000;

let tmp: string;
let clone: string;
let env: Record<string, string | undefined>;
const root = process.getuid?.() === 0;

/** A copy of PATH where every folder holding chromium or soffice is replaced by links to everything else in it. */
function pathWithout(dirs: readonly string[], shadowRoot: string, hidden: ReadonlySet<string> = HIDDEN): string {
  return dirs
    .map((dir, i) => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return dir;
      }
      if (!names.some((n) => hidden.has(n))) return dir;
      const shadow = path.join(shadowRoot, String(i));
      mkdirSync(shadow, { recursive: true });
      for (const n of names) if (!hidden.has(n)) symlinkSync(path.join(dir, n), path.join(shadow, n));
      return shadow;
    })
    .join(path.delimiter);
}

function sh(command: string, extraEnv: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', command], { cwd: clone, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 30 * MINUTES, maxBuffer: 256 * 1024 * 1024 });
}

const tail = (r: { stdout: string; stderr: string }) => `${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'partner-check-fresh-'));
  chmodSync(tmp, 0o755);
  clone = path.join(tmp, 'partner-check');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
  symlinkSync(realpathSync(path.join(ROOT, '..', 'shared')), path.join(tmp, 'shared'));
  // The inner `npm test` must not run this file again: the switch leaves the fresh-clone project out.
  const { CHROMIUM_PATH: _c, SOFFICE_PATH: _s, ...rest } = process.env;
  env = { ...rest, PARTNER_CHECK_INSIDE_FRESH_CLONE: '1', PATH: pathWithout((process.env['PATH'] ?? '').split(path.delimiter), path.join(tmp, 'path')), NO_COLOR: '1', npm_config_update_notifier: 'false' };
}, 5 * MINUTES);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the README commands on a fresh clone without chromium and soffice on PATH', () => {
  it('has neither tool on the PATH it uses', () => {
    expect(onPath([...HIDDEN], env)).toBeUndefined();
    expect(onPath(['node', 'npm', 'git'], env)).toBeTypeOf('string');
  });

  it('stops with the exact install command when it may not install (run as nobody)', () => {
    // Also without dpkg-query, which would find the installed packages.
    const noDpkg = pathWithout((process.env['PATH'] ?? '').split(path.delimiter), path.join(tmp, 'path-no-dpkg'), new Set([...HIDDEN, 'dpkg-query']));
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(clone, 'scripts', 'test-tools.mjs')], {
      cwd: tmp,
      env: { ...env, PATH: noDpkg, HOME: tmp },
      encoding: 'utf8',
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      '',
      'test-tools: the tests need chromium and soffice, which are not installed. Install with:\n' +
        '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui\n' +
        '(or point CHROMIUM_PATH / SOFFICE_PATH at an installed binary), then run npm test again.\n',
    ]);
  });

  it(
    'passes `npm ci && npm run demo`, then `npm test`',
    () => {
      const first = sh('npm ci --no-audit --no-fund && npm run demo');
      expect(first.status, tail(first)).toBe(0);
      expect(existsSync(path.join(clone, 'demo-out', 'report.html'))).toBe(true);
      if (!root || !onPath(['apt-get'], env)) {
        // No way to install here: the message, then the mocked install (links on PATH).
        const refused = sh('npm test');
        expect(refused.status).not.toBe(0);
        expect(refused.stderr).toContain(installCommand([TOOLS.chromium.pkg, TOOLS.soffice.pkg], false));
        const bin = path.join(tmp, 'installed-bin');
        mkdirSync(bin);
        symlinkSync(requireTool('chromium'), path.join(bin, 'chromium'));
        symlinkSync(requireTool('soffice'), path.join(bin, 'soffice'));
        env = { ...env, PATH: `${bin}${path.delimiter}${env['PATH']}` };
      }
      const test = sh('npm test');
      expect(test.status, tail(test)).toBe(0);
      const summary = test.stdout.replace(/\x1b\[[0-9;]*m/g, '').match(/^ +Tests +(.*)$/m)?.[1];
      // Every test ran and passed: a suite that fails to load shows up as "skipped" here.
      expect(summary).toMatch(/^\d+ passed \(\d+\)$/);
    },
    40 * MINUTES,
  );
});
