#!/usr/bin/env node
// What the tests need beyond npm: a Chromium (the add-on sidebar, the upload page and the HTML
// report in a headless browser) and LibreOffice's `soffice` (templates must open in LibreOffice).
//
// `findTool(name)` says where one is: the override variable (CHROMIUM_PATH / SOFFICE_PATH), else
// the first of the usual command names on PATH, else where Debian's package put it (dpkg-query),
// so a machine whose PATH lacks /usr/bin still finds an installed package.
//
// Run as a script (`npm test` does, before building), it installs what is missing: as root with
// apt-get; otherwise it stops (exit 1) with the exact command to run. Nothing is installed when
// both are found.
import { accessSync, constants, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The tools, the Debian package that provides each, and the names to look for on PATH. */
export const TOOLS = {
  chromium: { env: 'CHROMIUM_PATH', commands: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'], pkg: 'chromium', dpkgBin: /\/bin\/chromium$/ },
  soffice: { env: 'SOFFICE_PATH', commands: ['soffice', 'libreoffice'], pkg: 'libreoffice-calc-nogui', dpkgPkg: 'libreoffice-common', dpkgBin: /\/bin\/soffice$/ },
};

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `names` entry found on `PATH` (as `command -v` would). */
export function onPath(names, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function fromDpkg(tool, env) {
  const dpkgQuery = onPath(['dpkg-query'], env);
  if (!dpkgQuery) return undefined;
  const r = spawnSync(dpkgQuery, ['-L', tool.dpkgPkg ?? tool.pkg], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout.split('\n').find((line) => tool.dpkgBin.test(line) && isExecutable(line));
}

/**
 * Where a tool is, or undefined.
 * @param {'chromium' | 'soffice'} name
 */
export function findTool(name, env = process.env) {
  const tool = TOOLS[name];
  const override = env[tool.env];
  if (override) return isExecutable(override) ? override : undefined;
  return onPath(tool.commands, env) ?? fromDpkg(tool, env);
}

/** Like findTool, but throws with what to do (the tests call this). */
export function requireTool(name, env = process.env) {
  const file = findTool(name, env);
  if (file) return file;
  const tool = TOOLS[name];
  throw new Error(`${name} not found (set ${tool.env}, or run: ${installCommand([tool.pkg], false)})`);
}

/** The exact command that installs `pkgs` (with sudo when not root). */
export function installCommand(pkgs, root) {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

/** Installs what is missing; returns the exit code. */
export function ensureTools(env = process.env, log = (line) => process.stderr.write(`${line}\n`)) {
  const missing = Object.keys(TOOLS).filter((name) => !findTool(name, env));
  if (missing.length === 0) return 0;
  const pkgs = missing.map((name) => TOOLS[name].pkg);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = onPath(['apt-get'], env);
  const overridden = missing.filter((name) => env[TOOLS[name].env]);
  if (overridden.length > 0) {
    log(`test-tools: ${overridden.map((n) => `${TOOLS[n].env}=${env[TOOLS[n].env]}`).join(', ')} is not an executable file.`);
    return 1;
  }
  if (!root || !aptGet) {
    log(`test-tools: the tests need ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed. Install with:`);
    log(`  ${installCommand(pkgs, false)}`);
    log(`(or point ${missing.map((n) => TOOLS[n].env).join(' / ')} at an installed binary), then run npm test again.`);
    return 1;
  }
  log(`test-tools: installing ${pkgs.join(' ')} (apt-get)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync(aptGet, args, { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      log(`test-tools: apt-get ${args[0]} failed (exit ${r.status ?? r.signal}); run: ${installCommand(pkgs, true)}`);
      return 1;
    }
  }
  const still = missing.filter((name) => !findTool(name, env));
  if (still.length > 0) {
    log(`test-tools: ${still.join(', ')} still not found after apt-get install.`);
    return 1;
  }
  for (const name of missing) log(`test-tools: ${name} → ${findTool(name, env)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureTools();
}
