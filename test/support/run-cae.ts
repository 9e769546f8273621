/**
 * Runs the real CLI (`node bin/cae.js`, built in dist/ by the global setup) on inputs that must
 * come out unchanged: checks the process ended by itself, printed no stack trace, hit no internal
 * error, and left every input file byte for byte as it was (SHA-256 before and after).
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_DIR } from './corpus.js';

export const BIN = join(PROJECT_DIR, 'bin', 'cae.js');

export const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under a path (a file, or a folder, recursively). */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `cae` on inputs that must come out unchanged; checks the process ended by itself, printed no
 * stack trace and hit no internal error.
 */
export function runCae(args: string[], inputs: string[], options: { cwd: string; timeout?: number; stdin?: string | Buffer; env?: NodeJS.ProcessEnv }): Run {
  const files = inputs.flatMap(filesUnder);
  const before = new Map(files.map((f) => [f, sha(f)]));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.CAE_DEBUG;
  delete env.FORCE_COLOR;
  const started = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
    env,
    ...(options.stdin !== undefined ? { input: options.stdin } : {}),
  });
  const ms = performance.now() - started;
  expect(r.error, `cae ${args.join(' ')} : ${String(r.error)}`).toBeUndefined();
  expect(r.signal, 'processus tué (délai dépassé ?)').toBeNull();
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all).not.toMatch(/\n\s+at /);
  expect(all).not.toContain('erreur-interne');
  expect(all).not.toMatch(/\(node:\d+\) \w*Warning/);
  for (const [f, h] of before) expect(sha(f), `${f} modifié`).toBe(h);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms };
}

