/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function and self
 * time per source file, mapped through the bundles' source maps back to the TypeScript sources
 * (rules/…, validator/…), optionally restricted to the subtree of one function (e.g.
 * validateWorkbook). Used by bench/run.mjs; also runnable:
 *
 *   node bench/profile-summary.mjs FILE.cpuprofile [--root validateWorkbook] [--top 20]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const maps = new Map();

function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    if (url.startsWith('file://')) {
      const file = fileURLToPath(url);
      const mapFile = `${file}.map`;
      if (existsSync(mapFile)) map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
      map = map ? { map, dir: path.dirname(mapFile) } : null;
    }
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

const rel = (p) => {
  const r = path.relative(repoRoot, p);
  return r.startsWith('..') ? p : r;
};

/** A call frame → { fn, file, line } in original sources where a source map knows them. */
function locate(callFrame) {
  const fn = callFrame.functionName || '(anonymous)';
  const { url } = callFrame;
  if (!url) return { fn, file: fn.startsWith('(') ? fn : '(native)', line: 0 };
  const sm = sourceMapFor(url);
  if (sm) {
    const e = sm.map.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : path.resolve(sm.dir, e.originalSource);
      return { fn, file: rel(src), line: e.originalLine + 1 };
    }
  }
  const file = url.startsWith('file://') ? rel(fileURLToPath(url)) : url;
  return { fn, file, line: callFrame.lineNumber + 1 };
}

/**
 * @param {string} file a .cpuprofile
 * @param {{ root?: string, top?: number }} opts root: only samples under a frame of this function name
 */
export function summarizeProfile(file, opts = {}) {
  const top = opts.top ?? 15;
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const located = new Map();
  const loc = (id) => {
    let l = located.get(id);
    if (!l) {
      l = locate(nodes.get(id).callFrame);
      located.set(id, l);
    }
    return l;
  };
  const self = new Map();
  const inclusive = new Map();
  const byFile = new Map();
  const add = (m, k, t) => m.set(k, (m.get(k) ?? 0) + t);
  let totalUs = 0;
  let rootUs = 0;
  let idleUs = 0;
  const samples = profile.samples;
  const deltas = profile.timeDeltas;
  // GC and V8-internal samples hang off the root, not off the function that caused them; with a
  // root, count those that fall inside the root's time window (first to last sample under it).
  let windowFirst = Infinity;
  let windowLast = -Infinity;
  const at = new Array(samples.length);
  let clock = profile.startTime;
  for (let i = 0; i < samples.length; i++) at[i] = clock += deltas[i] ?? 0;
  const outside = [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i + 1] is the time until the next sample, i.e. spent in samples[i].
    const t = deltas[i + 1] ?? 0;
    totalUs += t;
    const id = samples[i];
    const name = nodes.get(id).callFrame.functionName;
    if (name === '(idle)') idleUs += t;
    // The stack, leaf first.
    const stack = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(cur);
    if (opts.root && !stack.some((s) => nodes.get(s).callFrame.functionName === opts.root)) {
      if (name === '(garbage collector)' || name === '(program)') outside.push([at[i], t, name]);
      continue;
    }
    windowFirst = Math.min(windowFirst, at[i]);
    windowLast = Math.max(windowLast, at[i]);
    rootUs += t;
    const l = loc(id);
    add(self, `${l.fn}\t${l.file}:${l.line}`, t);
    add(byFile, l.file, t);
    const seen = new Set();
    for (const s of stack) {
      const ls = loc(s);
      const key = `${ls.fn}\t${ls.file}:${ls.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, t);
    }
  }
  let gcInWindowUs = 0;
  let programInWindowUs = 0;
  for (const [time, t, name] of outside) {
    if (time < windowFirst || time > windowLast) continue;
    if (name === '(garbage collector)') gcInWindowUs += t;
    else programInWindowUs += t;
  }
  const base = rootUs || 1;
  const SKIP = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);
  const list = (m, skipMeta = false) =>
    [...m]
      .filter(([k]) => !skipMeta || !SKIP.has(k.split('\t')[0]))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => {
        const [fn, where] = k.includes('\t') ? k.split('\t') : [undefined, k];
        return { ...(fn ? { fn, where } : { file: where }), ms: Math.round(t / 1000), share: Math.round((t / base) * 1000) / 10 };
      });
  return {
    file: path.basename(file),
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    root: opts.root ?? null,
    rootMs: Math.round(rootUs / 1000),
    ...(opts.root
      ? {
          windowMs: Number.isFinite(windowFirst) ? Math.round((windowLast - windowFirst) / 1000) : 0,
          gcInWindowMs: Math.round(gcInWindowUs / 1000),
          programInWindowMs: Math.round(programInWindowUs / 1000),
        }
      : {}),
    topSelf: list(self),
    topInclusive: list(inclusive, true),
    byFile: list(byFile),
  };
}

export function printSummary(s, log = console.log) {
  log(`  ${s.file}: ${s.totalMs} ms sampled (${s.idleMs} ms idle)${s.root ? `, ${s.rootMs} ms under ${s.root} + ${s.gcInWindowMs} ms GC in its ${s.windowMs} ms window (shares below exclude GC)` : ''}`);
  log('    self time by source file:');
  for (const r of s.byFile.slice(0, 10)) log(`      ${String(r.share).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.file}`);
  log('    self time by function:');
  for (const r of s.topSelf.slice(0, 12)) log(`      ${String(r.share).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}  ${r.where}`);
  log('    inclusive time by function:');
  for (const r of s.topInclusive.slice(0, 12)) log(`      ${String(r.share).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}  ${r.where}`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = args.find((a) => a.endsWith('.cpuprofile'));
  if (!file) {
    console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--root NAME] [--top N]');
    process.exit(2);
  }
  printSummary(summarizeProfile(file, { root: opt('root'), top: Number(opt('top') ?? 20) }));
}
