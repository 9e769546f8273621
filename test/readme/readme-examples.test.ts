/**
 * Every example of the README runs as written: each line of its ```sh blocks (after the opening
 * pair of commands, which CI itself runs) and its ```js block, against the built package.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));

describe('README', () => {
  it('opens with a sh block of exactly two commands: score the example, run the tests', () => {
    const first = blocks[0]!;
    expect(first.lang).toBe('sh');
    const lines = first.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/score fixtures\/dossiers\/.+\.json$/);
    expect(readFileSync(join(PROJECT_DIR, '.ci', 'run'), 'utf8')).toContain(lines[1]);
  });

  const commands = blocks
    .slice(1)
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.trim().split('\n'))
    .filter((l) => l.startsWith('node bin/cae.js'));

  it.each(commands)('runs: %s', (line) => {
    const r = spawnSync('bash', ['-c', line], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
  });

  it.each(blocks.filter((b) => b.lang === 'ts').map((b, i) => [i, b.body] as const))('TypeScript example %i compiles under strict and runs', (_i, ts) => {
    const dir = mkdtempSync(join(PROJECT_DIR, '.readme-example-'));
    try {
      // Inside the package, `label-cae` resolves through its own exports map (dist/, built by the setup).
      writeFileSync(join(dir, 'example.mts'), ts);
      const tsc = spawnSync(process.execPath, [join(PROJECT_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', join(dir, 'example.mts')], { cwd: PROJECT_DIR, encoding: 'utf8' });
      expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
      const js = transformSync(ts, { loader: 'ts', format: 'esm' }).code;
      writeFileSync(join(dir, 'example.mjs'), js);
      const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { cwd: PROJECT_DIR, encoding: 'utf8' });
      expect(out.trim()).toBe('1 1.5 0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the library example runs as written', () => {
    const js = blocks.find((b) => b.lang === 'js')!.body;
    const dir = mkdtempSync(join(PROJECT_DIR, '.readme-example-'));
    try {
      // Inside the package, `import … from 'label-cae'` resolves through its own exports map.
      writeFileSync(join(dir, 'example.mjs'), js);
      const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { cwd: PROJECT_DIR, encoding: 'utf8' });
      expect(out.trim()).toBe('1 1.5 0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
