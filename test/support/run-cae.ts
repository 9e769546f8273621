/**
 * Runs the real CLI (`node bin/cae.js`, dist/ built by the global setup) on inputs that must come
 * out unchanged: no stack trace, no internal error, no Node warning, the process ended by itself,
 * and every input file byte for byte the same (SHA-256 before and after).
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_DIR } from './corpus.js';

export const BIN = join(PROJECT_DIR, 'bin', 'cae.js');

export const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every regular file under a path, links to files included (dangling links and loops left out). */
export function filesUnder(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .map((d) => join(d.parentPath, d.name))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCae(args: string[], inputs: string[], options: { cwd: string; timeout?: number; stdin?: string | Buffer; env?: NodeJS.ProcessEnv }): Run {
  const files = inputs.flatMap(filesUnder);
  const before = new Map(files.map((f) => [f, sha(f)]));
  const links = new Map(files.filter((f) => existsSync(f) && lstatSync(f).isSymbolicLink()).map((f) => [f, true]));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.CAE_DEBUG;
  delete env.FORCE_COLOR;
  const started = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
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
  for (const f of links.keys()) expect(lstatSync(f).isSymbolicLink(), `${f} n'est plus un lien`).toBe(true);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms };
}
