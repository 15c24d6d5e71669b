/**
 * Issue 12's robustness targets, measured by `npm run bench` (bench/run.mjs calls
 * `runRobustness`; `--skip robustness` leaves them out), each on the built CLI or a real
 * `partner-check serve` child, from outside the process (wall time around it; peak RSS as VmHWM,
 * worker threads included):
 *
 *   - the upload server checks a valid 5 MB enrollment of 52,000 shops (bench/enrollment.ts,
 *     cached in bench/data/) with peak RSS ≤ 400 MB;
 *   - a 1 MB file whose media part inflates to 1 GiB (bench/hostile-files.ts) costs ≤ 200 MB and
 *     ≤ 2 s: `validate` (whole process, with --annotate) and one upload to the server;
 *   - merge bombs (plain, renamed `sheet1.xml.bak`, nested `xl/xl/worksheets/`, entity-encoded
 *     `&#65;3:XFD1048576`) are refused as workbook/unreadable in ≤ 2 s (whole `validate` process,
 *     median of 3);
 *   - nothing is left in the temp folder (TMPDIR of every process here is a fresh folder, checked
 *     empty afterwards; the killed-worker case itself is test/robustness/killed-worker.test.ts).
 *
 * Returns `{ results, targets }`; targets are `{ target, met, actual }` like run.mjs's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/build.mjs';

const round = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `node --require hwm-preload.cjs bin/partner-check.mjs ARGS`: wall ms, peak RSS MB, exit code, stdout. */
function runCli(root, args, env) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pc-bench-hwm-'));
  const hwmFile = path.join(dir, 'hwm');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', path.join(root, 'bench', 'hwm-preload.cjs'), path.join(root, 'bin', 'partner-check.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env, PARTNER_CHECK_HWM_FILE: hwmFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const kb = existsSync(hwmFile) ? Number(readFileSync(hwmFile, 'utf8')) : NaN;
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, wallMs, peakRssMb: round(kb / 1024, 1) });
    });
  });
}

/** A fresh `partner-check serve` child; `peakRssMb()` reads its VmHWM; `stop()` ends it (SIGTERM). */
function startServe(root, args, env) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'partner-check.mjs'), 'serve', '--port', '0', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let started = false;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.once('exit', (code) => !started && reject(new Error(`serve exited with ${code}: ${stderr}`)));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-20_000);
      const m = started ? null : /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (!m) return;
      started = true;
      resolve({
        url: m[1],
        peakRssMb: () => round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024, 1),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Uploads `bytes` as the page does; returns the status, the answer and the wall ms. */
async function uploadTo(url, name, bytes) {
  const token = (await (await fetch(`${url}/api/session`, { method: 'POST' })).json()).token;
  const started = performance.now();
  const res = await fetch(`${url}/api/check`, { method: 'POST', headers: { 'X-Filename': encodeURIComponent(name), 'X-Session': token }, body: bytes });
  const body = await res.json();
  return { status: res.status, body, wallMs: performance.now() - started };
}

/** Everything under `dir` (relative paths): what a process left in its TMPDIR. */
function leftIn(dir) {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/**
 * One upload to a fresh server: its peak RSS covers that upload alone (and the idle server). With
 * `warmUp`, that file is uploaded first, so the measured upload finds its pool worker running (as
 * on a server in use); the peak then covers both uploads.
 */
async function serveOnce(root, file, name, args, tmpRoot, warmUp) {
  const tmp = mkdtempSync(path.join(tmpRoot, 'serve-'));
  const server = await startServe(root, args, { TMPDIR: tmp });
  try {
    const idleMb = server.peakRssMb();
    const warm = warmUp ? await uploadTo(server.url, path.basename(warmUp), readFileSync(warmUp)) : undefined;
    const answer = await uploadTo(server.url, name, readFileSync(file));
    answer.warmUpMs = warm ? round(warm.wallMs) : undefined;
    const peakRssMb = server.peakRssMb();
    await server.stop();
    return { ...answer, idleMb, peakRssMb, leftInTmp: leftIn(tmp) };
  } finally {
    await server.stop();
  }
}

export async function runRobustness({ root, dataDir, log = console.log }) {
  const buildDir = path.join(dataDir, '.build');
  mkdirSync(buildDir, { recursive: true });
  await build(nodeBundleOptions({ enrollment: 'bench/enrollment.ts', 'hostile-files': 'bench/hostile-files.ts' }, buildDir));
  const enrollment = await import(pathToFileURL(path.join(buildDir, 'enrollment.mjs')).href);
  const hostile = await import(pathToFileURL(path.join(buildDir, 'hostile-files.mjs')).href);
  const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'pc-bench-robustness-'));
  const results = {};
  const targets = [];
  const push = (target, met, actual) => targets.push({ target, met, actual });
  log('── robustness (issue 12): each in its own process, TMPDIR a fresh folder ──');
  try {
    // 1. The 52,000-shop enrollment through the upload server.
    const ds = await enrollment.ensureEnrollment(dataDir, enrollment.ENROLLMENT_SHOPS);
    const e = await serveOnce(root, ds.file, '報名表.xlsx', ['--today', enrollment.ENROLLMENT_TODAY], tmpRoot);
    const file = e.body?.report?.files?.[0];
    const checkedWhole = e.status === 200 && e.body.unreadable === null && file?.sheets?.[0]?.rows === ds.shops && e.body.shopsTotal === ds.shops;
    results.enrollment52k = {
      what: `POST /api/check of a valid 報名表 of ${ds.shops} shops (bench/enrollment.ts) to a fresh partner-check serve`,
      xlsxBytes: ds.bytes,
      status: e.status,
      wallMs: round(e.wallMs),
      idleRssMb: e.idleMb,
      peakRssMb: e.peakRssMb,
      rows: file?.sheets?.[0]?.rows ?? null,
      summary: e.body?.report?.summary ?? null,
      unreadable: e.body?.unreadable ?? null,
      shopsOnPage: e.body?.shops?.length ?? null,
      shopsTotal: e.body?.shopsTotal ?? null,
      leftInTmp: e.leftInTmp,
    };
    log(`  52,000-shop enrollment (${(ds.bytes / 2 ** 20).toFixed(1)} MB) via serve: ${round(e.wallMs)} ms, peak RSS ${e.peakRssMb} MB (idle ${e.idleMb}), ${checkedWhole ? `checked whole: ${JSON.stringify(e.body.report.summary)}` : `NOT checked: ${e.body?.unreadable ?? e.status}`}`);
    push('serve: a valid 5 MB enrollment of 52,000 shops is checked with peak RSS ≤ 400 MB (issue 12)', checkedWhole && e.peakRssMb <= 400, `${checkedWhole ? 'checked' : 'not checked'}, ${e.peakRssMb} MB peak (${(ds.bytes / 2 ** 20).toFixed(2)} MiB file, ${round(e.wallMs)} ms)`);

    // 2. The 1 GiB media bomb: validate (with --annotate) and one upload.
    const mediaFile = path.join(dataDir, 'media-bomb-1gib.xlsx');
    if (!existsSync(mediaFile)) writeFileSync(mediaFile, hostile.mediaBombXlsx());
    const cliTmp = mkdtempSync(path.join(tmpRoot, 'cli-'));
    const annotateDir = path.join(tmpRoot, 'annotated');
    const m = await runCli(root, ['validate', mediaFile, '--format', 'json', '--today', '2026-03-20', '--annotate', annotateDir], { TMPDIR: cliTmp });
    const mReport = m.code === 0 || m.code === 1 ? JSON.parse(m.stdout) : undefined;
    const mOk = mReport?.files?.[0]?.error === null;
    // On a server in use (its pool worker already started by one upload of templates/examples/clean.xlsx).
    const s = await serveOnce(root, mediaFile, 'media-bomb.xlsx', ['--today', '2026-03-20'], tmpRoot, path.join(root, 'templates', 'examples', 'clean.xlsx'));
    const sOk = s.status === 200 && s.body.unreadable === null;
    results.mediaBomb = {
      what: 'a one-tab 報名表 whose embedded picture xl/media/image1.png inflates to 1 GiB (bench/hostile-files.ts)',
      xlsxBytes: readFileSync(mediaFile).length,
      validate: { wallMs: round(m.wallMs), peakRssMb: m.peakRssMb, exitCode: m.code, checked: mOk, leftInTmp: leftIn(cliTmp) },
      serve: { wallMs: round(s.wallMs), warmUpUploadMs: s.warmUpMs, peakRssMb: s.peakRssMb, idleRssMb: s.idleMb, status: s.status, checked: sOk, annotatedBytes: s.body?.downloads?.annotated?.bytes ?? null, leftInTmp: s.leftInTmp },
    };
    log(`  1 GiB media part: validate --annotate ${round(m.wallMs)} ms, ${m.peakRssMb} MB (${mOk ? 'checked' : 'NOT checked'}); serve upload ${round(s.wallMs)} ms, ${s.peakRssMb} MB (${sOk ? 'checked' : 'NOT checked'})`);
    push('1 MB file whose media part inflates to 1 GiB: validate (whole process, --annotate) ≤ 200 MB and ≤ 2 s (issue 12)', mOk && m.peakRssMb <= 200 && m.wallMs <= 2000, `${round(m.wallMs)} ms, ${m.peakRssMb} MB${mOk ? '' : ', not checked'}`);
    push('1 MB file whose media part inflates to 1 GiB: one upload to a running serve ≤ 200 MB (server process) and ≤ 2 s (issue 12)', sOk && s.peakRssMb <= 200 && s.wallMs <= 2000, `${round(s.wallMs)} ms, ${s.peakRssMb} MB${sOk ? '' : ', not checked'}`);

    // 3. Merge bombs.
    results.mergeBombs = {};
    for (const bomb of hostile.mergeBombs()) {
      const f = path.join(tmpRoot, `merge-${bomb.name}.xlsx`);
      writeFileSync(f, bomb.bytes);
      const tmp = mkdtempSync(path.join(tmpRoot, 'cli-'));
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await runCli(root, ['validate', f, '--format', 'json', '--lang', 'en'], { TMPDIR: tmp }));
      const v = runs[0].code === 2 ? JSON.parse(runs[0].stdout).files[0].violations : [];
      const refused = runs.every((r) => r.code === 2) && v.length === 1 && v[0].ruleId === 'workbook/unreadable' && v[0].message.includes(hostile.MERGE_BOMB_RANGE);
      results.mergeBombs[bomb.name] = { bytes: bomb.bytes.length, wallMs: round(median(runs.map((r) => r.wallMs))), wallMsRuns: runs.map((r) => round(r.wallMs)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), refused, reason: v[0]?.message ?? null, leftInTmp: leftIn(tmp) };
    }
    // For scale: the same 3 KB workbook without its merge (node, the CLI bundle and a worker starting).
    const tinyFile = path.join(tmpRoot, 'tiny.xlsx');
    writeFileSync(tinyFile, hostile.tinyWorkbook());
    const tinyRuns = [];
    for (let i = 0; i < 3; i++) tinyRuns.push(await runCli(root, ['validate', tinyFile, '--format', 'json', '--lang', 'en'], {}));
    results.mergeBombsBaseline = { what: 'validate of the same workbook without the merged range (process start-up, bundle, worker)', wallMs: round(median(tinyRuns.map((r) => r.wallMs))), wallMsRuns: tinyRuns.map((r) => round(r.wallMs)) };
    const mb = Object.entries(results.mergeBombs);
    const worst = Math.max(...mb.map(([, r]) => r.wallMs));
    log(`  merge bombs: ${mb.map(([n, r]) => `${n} ${r.wallMs} ms${r.refused ? '' : ' NOT REFUSED'}`).join(', ')}; the same file without the merge: ${results.mergeBombsBaseline.wallMs} ms`);
    push('merge bombs (plain, renamed, nested, entity-encoded) refused as workbook/unreadable with the range in ≤ 2 s (whole validate process, median of 3) (issue 12)', mb.every(([, r]) => r.refused) && worst <= 2000, `${mb.map(([n, r]) => `${n} ${r.wallMs} ms${r.refused ? '' : ' (not refused)'}`).join(', ')} (without the merge: ${results.mergeBombsBaseline.wallMs} ms)`);

    // 4. Temp folders.
    const left = [...(results.enrollment52k.leftInTmp ?? []), ...results.mediaBomb.validate.leftInTmp, ...results.mediaBomb.serve.leftInTmp, ...mb.flatMap(([, r]) => r.leftInTmp)];
    log(`  left in the temp folders: ${left.length ? left.join(', ') : 'nothing'}\n`);
    push('nothing left in TMPDIR by validate and serve (the killed-worker case: test/robustness/killed-worker.test.ts) (issue 12)', left.length === 0, left.length ? left.join(', ') : 'nothing');
  } finally {
    rmSync(tmpRoot, { recursive: true, force: true });
  }
  return { results, targets };
}

// `node bench/robustness.mjs`: this part alone (after `npm run build`), results printed as JSON.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const out = await runRobustness({ root, dataDir: path.join(root, 'bench', 'data') });
  for (const t of out.targets) console.log(`  ${t.met ? ' met ' : 'MISSED'}  ${t.target}: ${t.actual}`);
  console.log(JSON.stringify({ loadAvg: os.loadavg(), ...out }, null, 2));
}
