/**
 * The built add-on (dist/addon): built on demand when missing or older than its sources, and
 * loaded into a node:vm context the way Apps Script loads Code.js — one global scope, the
 * services as globals.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = path.join(ROOT, 'dist', 'addon');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, await newestMtime(p));
    else newest = Math.max(newest, (await fs.stat(p)).mtimeMs);
  }
  return newest;
}

async function mtime(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

export interface BuiltAddon {
  readonly code: string;
  readonly html: string;
  readonly manifest: string;
}

/** dist/addon, rebuilt with addon/build.mjs when missing or stale. */
export async function ensureAddonBuilt(): Promise<BuiltAddon> {
  const outputs = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => path.join(DIST, f));
  const built = Math.min(...(await Promise.all(outputs.map(mtime))));
  const sources = Math.max(
    await newestMtime(path.join(ROOT, 'addon')),
    await newestMtime(path.join(ROOT, 'rules')),
    await mtime(path.join(ROOT, 'appsscript.json')),
  );
  if (built === 0 || built < sources) {
    const { buildAddon } = (await import(path.join(ROOT, 'addon', 'build.mjs'))) as { buildAddon: (root: string) => Promise<unknown> };
    await buildAddon(ROOT);
  }
  const [code, html, manifest] = await Promise.all(outputs.map((f) => fs.readFile(f, 'utf8')));
  return { code: code!, html: html!, manifest: manifest! };
}

/** Every global Apps Script defines (from @types/google-apps-script), services and enums alike. */
export async function appsScriptGlobals(): Promise<string[]> {
  const dir = path.join(ROOT, 'node_modules', '@types', 'google-apps-script');
  const names = new Set<string>();
  for (const f of await fs.readdir(dir)) {
    if (!f.endsWith('.d.ts')) continue;
    const text = await fs.readFile(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/^declare var (\w+)/gm)) names.add(m[1]!);
  }
  names.delete('Date');
  names.delete('console');
  return [...names].sort();
}

export interface Access {
  readonly global: string;
  readonly path: string;
}

/** A stand-in that records every property read, call and construction made through it. */
export function tripwire(name: string, log: Access[], pathSoFar = name): unknown {
  const fn = function () {
    /* stub */
  };
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === Symbol.toPrimitive || prop === 'toString' || prop === 'valueOf') return () => `[${pathSoFar}]`;
      const p = `${pathSoFar}.${String(prop)}`;
      log.push({ global: name, path: p });
      return tripwire(name, log, p);
    },
    apply() {
      log.push({ global: name, path: `${pathSoFar}()` });
      return tripwire(name, log, `${pathSoFar}()`);
    },
    construct() {
      log.push({ global: name, path: `new ${pathSoFar}` });
      return tripwire(name, log, `new ${pathSoFar}`) as object;
    },
  });
}

/**
 * Runs Code.js in a fresh context. `globals` are defined first (the fakes); every other Apps
 * Script global is a tripwire that records any use in `accesses`. `now` fixes `new Date()`.
 */
export async function loadCode(code: string, globals: Record<string, unknown> = {}, opts: { now?: number } = {}) {
  const accesses: Access[] = [];
  const sandbox: Record<string, unknown> = {};
  for (const name of await appsScriptGlobals()) sandbox[name] = name in globals ? globals[name] : tripwire(name, accesses);
  for (const [k, v] of Object.entries(globals)) sandbox[k] = v;
  const context = vm.createContext(sandbox);
  if (opts.now !== undefined) {
    vm.runInContext(
      `(() => { const RealDate = Date; const NOW = ${opts.now};
        class FixedDate extends RealDate { constructor(...a) { if (a.length === 0) super(NOW); else super(...a); } static now() { return NOW; } }
        globalThis.Date = FixedDate; })();`,
      context,
    );
  }
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { context: context as Record<string, unknown> & vm.Context, accesses };
}
