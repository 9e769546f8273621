/**
 * What `cae` loads to start (issue 15: `cae score` ≤ 150 ms as a whole process). The command is
 * the bundle of dist/cae/ (scripts/build-cli.mjs): `cae score` on the embedded référentiel loads
 * a few chunks of it and none of the heavy dependencies, which each command imports only when it
 * needs them (zod to word a refused dossier, fastify for `cae serve`…). Timings are measured by
 * scripts/bench-startup.mjs, not here; this test pins the module graph that makes them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'cae-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(process.env.CAE_LOAD_LOG, url + '\\n'); return next(url, context); }\n`);
writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'; register('./hooks.mjs', import.meta.url);\n`);

/** The files (not node: built-ins) a `cae` process loads, relative to the project. */
function loaded(args: string[], input?: string): string[] {
  const log = join(dir, `load-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), join(PROJECT_DIR, 'bin', 'cae.js'), ...args], { cwd: PROJECT_DIR, encoding: 'utf8', input, env: { ...process.env, CAE_LOAD_LOG: log } });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => u.replace(`${pathToFileURL(PROJECT_DIR).href.replace(/\/$/, '')}/`, ''));
}

const HEAVY = /node_modules\/(zod|yaml|fastify|write-excel-file|csv-parse|unified|remark|micromark)\//;

describe('cae start-up graph', () => {
  it('cae score on the embedded référentiel: the bundle only, no heavy dependency', () => {
    const files = loaded(['score', 'fixtures/dossiers/saint-exemple.json']);
    expect(files.filter((f) => !f.startsWith('dist/cae/') && f !== 'bin/cae.js' && f !== 'dist/embedded.js')).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/cae/')).length).toBeLessThanOrEqual(4);
  });

  it('the embedded référentiel is loaded from its bundle: the Markdown readers are not loaded', () => {
    const files = loaded(['score', 'fixtures/dossiers/saint-exemple.json']);
    expect(files).toContain('dist/embedded.js');
    const markdown = files.filter((f) => /function (parseReferentielFiles|readMarkdownFiles)\(/.test(readFileSync(join(PROJECT_DIR, f), 'utf8')));
    expect(markdown).toEqual([]);
    // Named, the embedded folder is read as Markdown: the check above sees those readers.
    const named = loaded(['score', 'fixtures/dossiers/saint-exemple.json', '--referentiel', 'referentiel/cae']);
    expect(named.filter((f) => /function (parseReferentielFiles|readMarkdownFiles)\(/.test(readFileSync(join(PROJECT_DIR, f), 'utf8'))).length).toBeGreaterThan(0);
  });

  it('a dependency is loaded by the command that needs it (the checks above can fail)', () => {
    // `cae import` reads CSV: its module brings csv-parse, even when it stops at a missing folder.
    expect(loaded(['import', join(dir, 'absent'), '--referentiel', 'cae', '-o', join(dir, 'out')]).some((f) => HEAVY.test(f) && f.includes('/csv-parse/'))).toBe(true);
  });

  it('cae lint does not load the scoring code (what it shares with score is a chunk of its own)', () => {
    const files = loaded(['lint']).filter((f) => f.startsWith('dist/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => /function (evaluateDossier|scoreBatch)\(/.test(readFileSync(join(PROJECT_DIR, f), 'utf8')))).toEqual([]);
    // The check above can fail: cae score loads a file that defines both.
    expect(loaded(['score', 'fixtures/dossiers/saint-exemple.json']).filter((f) => /function evaluateDossier\(/.test(readFileSync(join(PROJECT_DIR, f), 'utf8'))).length).toBe(1);
  });

  it('cae lint and cae score --format html load neither zod, fastify nor the Excel writer', () => {
    for (const args of [['lint'], ['score', 'fixtures/dossiers/saint-exemple.json', '--format', 'html']]) {
      expect(loaded(args).filter((f) => HEAVY.test(f) && !f.includes('/yaml/'))).toEqual([]);
    }
  });
});
