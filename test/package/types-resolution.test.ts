/**
 * Every entry of the package resolves to its types and code under each TypeScript resolution mode
 * (node10, node16 from CJS and ESM, bundler), checked by @arethetypeswrong/cli on the packed tarball.
 * One finding is expected and allowed: under node16 a `require()` reaches an ES module
 * (`CJSResolvesToESM`), which Node ≥ 20.19 loads (require of ESM; `require.test.ts` runs it).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const ALLOWED = new Set(['CJSResolvesToESM']);

describe('type resolution of every entry (arethetypeswrong)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cae-attw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no problem but require-of-ESM, on every entry of the exports map', () => {
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    // attw exits before a pipe is drained: its JSON goes to a file.
    const out = openSync(join(dir, 'attw.json'), 'w');
    const attw = spawnSync(process.execPath, [join(PROJECT_DIR, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json'], { cwd: dir, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    closeSync(out);
    const report = JSON.parse(readFileSync(join(dir, 'attw.json'), 'utf8')) as { analysis: { entrypoints: Record<string, unknown>; problems: { kind: string; entrypoint: string; resolutionKind: string }[] } };
    expect(attw.stderr).toBe('');
    const exportsMap = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')).exports as Record<string, unknown>;
    const entries = Object.keys(exportsMap).filter((k) => !k.includes('*') && !k.endsWith('.json'));
    expect(Object.keys(report.analysis.entrypoints).filter((k) => !k.includes('*') && !k.endsWith('.json')).sort()).toEqual(entries.sort());
    expect(report.analysis.problems.filter((p) => !ALLOWED.has(p.kind))).toEqual([]);
    expect(report.analysis.problems.map((p) => p.resolutionKind)).toEqual(entries.map(() => 'node16-cjs'));
  });
});
