/**
 * The deployment examples: the repo's Dockerfile and the systemd unit in docs/serve.md. Docker
 * is not available where the tests run, so the Dockerfile is parsed: every stage is node:20-slim,
 * the final stage runs as a non-root user, the HEALTHCHECK command really reports a running
 * server healthy (it is run against one), and CMD's options are ones `serve` accepts. The unit is
 * parsed the same way and, where systemd is installed, checked with `systemd-analyze verify`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../validator/args.js';
import { SERVE_OPTIONS, serveSettings } from '../../validator/commands/serve.js';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import { onPath } from '../../scripts/test-tools.mjs';
import { REPO_ROOT, TODAY } from './helpers.js';

interface Instruction {
  readonly op: string;
  readonly args: string;
}

/** Dockerfile instructions: comments dropped, `\` continuations joined. */
function dockerInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw) && pending === '') continue;
    const line = raw.replace(/\s+$/, '');
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full === '') continue;
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(full);
    expect(m, full).not.toBeNull();
    out.push({ op: m![1]!.toUpperCase(), args: m![2]! });
  }
  return out;
}

/** The exec form `["a", "b"]` of CMD / HEALTHCHECK CMD. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  expect(Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')).toBe(true);
  return parsed as string[];
}

/** The ```ini block of docs/serve.md as sections of key → values. */
function systemdUnit(): { text: string; sections: Map<string, Map<string, string[]>> } {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'serve.md'), 'utf8');
  const blocks = [...doc.matchAll(/```ini\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const line of blocks[0]!.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const kv = /^(\w+)=(.*)$/.exec(line);
    expect(kv, line).not.toBeNull();
    expect(current, line).toBeDefined();
    current!.set(kv![1]!, [...(current!.get(kv![1]!) ?? []), kv![2]!]);
  }
  return { text: blocks[0]!, sections };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, today: TODAY, log: () => {} });
});
afterAll(async () => {
  await server?.close();
});

describe('Dockerfile', () => {
  const steps = dockerInstructions(readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8'));
  const lastFrom = steps.map((s) => s.op).lastIndexOf('FROM');
  const final = steps.slice(lastFrom);

  it('builds every stage from node:20-slim', () => {
    const froms = steps.filter((s) => s.op === 'FROM').map((s) => s.args.split(/\s+/)[0]);
    expect(froms.length).toBeGreaterThan(0);
    expect(new Set(froms)).toEqual(new Set(['node:20-slim']));
  });

  it('runs the final stage as a non-root user', () => {
    const users = final.filter((s) => s.op === 'USER').map((s) => s.args.trim());
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    // The CMD comes after the USER switch.
    expect(final.findIndex((s) => s.op === 'CMD')).toBeGreaterThan(final.findIndex((s) => s.op === 'USER'));
  });

  it('starts `partner-check serve` with options serve accepts, on the exposed port', () => {
    const cmd = execForm(final.find((s) => s.op === 'CMD')!.args);
    expect(cmd.slice(0, 2)).toEqual(['partner-check', 'serve']);
    const settings = serveSettings(parseArgs(cmd.slice(2), SERVE_OPTIONS).options);
    expect(final.filter((s) => s.op === 'EXPOSE').map((s) => s.args.trim())).toEqual([String(settings.port)]);
  });

  it('has a HEALTHCHECK that reports a running server healthy, and a stopped one not', async () => {
    const hc = final.filter((s) => s.op === 'HEALTHCHECK');
    expect(hc).toHaveLength(1);
    const m = /^((?:--\w[\w-]*=\S+\s+)*)CMD\s+(\[.*\])$/.exec(hc[0]!.args);
    expect(m, hc[0]!.args).not.toBeNull();
    const argv = execForm(m![2]!);
    expect(argv[0]).toBe('node');
    const cmd = execForm(final.find((s) => s.op === 'CMD')!.args);
    const port = serveSettings(parseArgs(cmd.slice(2), SERVE_OPTIONS).options).port;
    const url = `http://127.0.0.1:${port}/healthz`;
    expect(argv.join(' ')).toContain(url);
    // Asynchronously: the server answers from this process.
    const run = (to: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, argv.slice(1).map((a) => a.replace(url, to)), { stdio: 'ignore', timeout: 20_000 }).on('exit', resolve));
    expect(await run(`http://127.0.0.1:${server.port}/healthz`)).toBe(0);
    expect(await run(`http://127.0.0.1:${server.port}/no-such-page`)).toBe(1);
    expect(await run('http://127.0.0.1:1/healthz')).toBe(1);
  });

  it('copies only files that exist in the build context', () => {
    for (const s of steps.filter((x) => x.op === 'COPY' && !x.args.startsWith('--from'))) {
      const parts = s.args.trim().split(/\s+/);
      for (const src of parts.slice(0, -1)) expect(readFileSync(path.join(REPO_ROOT, src === '.' ? 'package.json' : src)).length).toBeGreaterThan(0);
    }
  });
});

describe('systemd unit in docs/serve.md', () => {
  const unit = systemdUnit();

  it('has the three sections, a non-root user and an ExecStart serve accepts', () => {
    expect([...unit.sections.keys()]).toEqual(['Unit', 'Service', 'Install']);
    const service = unit.sections.get('Service')!;
    expect(service.get('User')).toHaveLength(1);
    expect(['root', '0']).not.toContain(service.get('User')![0]);
    const exec = service.get('ExecStart')!;
    expect(exec).toHaveLength(1);
    const argv = exec[0]!.split(/\s+/);
    expect(path.isAbsolute(argv[0]!)).toBe(true);
    expect(path.basename(argv[0]!)).toBe('partner-check');
    expect(argv[1]).toBe('serve');
    const settings = serveSettings(parseArgs(argv.slice(2), SERVE_OPTIONS).options);
    expect(settings.host).toBe('127.0.0.1');
    expect(unit.sections.get('Install')!.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('passes systemd-analyze verify where systemd is installed', () => {
    const analyze = onPath(['systemd-analyze']);
    if (!analyze) return; // no systemd on this machine: the parse above is the check
    const dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-unit-'));
    try {
      // verify wants the ExecStart binary to exist: point it at node for the check.
      const file = path.join(dir, 'partner-check.service');
      writeFileSync(file, unit.text.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`).replace(/^(User|Group)=.*$/gm, ''));
      const r = spawnSync(analyze, ['verify', file], { encoding: 'utf8', timeout: 30_000 });
      const problems = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.includes('partner-check.service'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
