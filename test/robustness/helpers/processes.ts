/**
 * The built CLI as a child process, measured from outside: wall time around the whole process and
 * its peak RSS (VmHWM, worker threads included; via bench/hwm-preload.cjs), and `partner-check
 * serve` as a child whose VmHWM is read from /proc while it runs. Shared by the robustness tests
 * of issue 12.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CLI = path.join(REPO_ROOT, 'bin', 'partner-check.mjs');
const PRELOAD = path.join(REPO_ROOT, 'bench', 'hwm-preload.cjs');

/** Builds dist/ when a direct `npx vitest run` comes before `npm run build`. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'validator', 'pool-worker.mjs'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', 'validator'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Peak RSS of the process, MB. */
  readonly peakRssMb: number;
}

/** Runs `partner-check ARGS` and measures it. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pc-hwm-'));
  const hwmFile = path.join(dir, 'hwm');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env, PARTNER_CHECK_HWM_FILE: hwmFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const kb = existsSync(hwmFile) ? Number(readFileSync(hwmFile, 'utf8')) : NaN;
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, wallMs, peakRssMb: kb / 1024 });
    });
  });
}

export interface ServeChild {
  readonly url: string;
  readonly pid: number;
  /** Peak RSS of the server process so far, MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts `partner-check serve --port 0 ARGS` and waits for its "listening on" line. */
export function startServeChild(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ServeChild> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-20_000);
      const m = started ? null : /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (!m) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: m[1]!,
        pid: child.pid!,
        peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
