/**
 * Without --referentiel, `cae` loads the embedded référentiel from its compiled bundle
 * (label-cae/embedded, cli/shared/load-context.ts), not from its Markdown. What every command
 * prints must not depend on it: each is run both ways, the Markdown way by naming the embedded
 * folder (referentiel/cae, its evidence rules found beside it), and the outputs compared byte
 * for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const BIN = join(PROJECT_DIR, 'bin', 'cae.js');
const MARKDOWN = ['--referentiel', 'referentiel/cae'];
const dir = mkdtempSync(join(tmpdir(), 'cae-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cae(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dossiers = readdirSync(join(PROJECT_DIR, 'fixtures/dossiers')).filter((f) => f.endsWith('.json')).map((f) => `fixtures/dossiers/${f}`);
const SAINT = 'fixtures/dossiers/saint-exemple.json';

describe('the embedded référentiel from its bundle prints what its Markdown prints', () => {
  it('finds the fixture dossiers', () => expect(dossiers.length).toBeGreaterThanOrEqual(4));

  const runs: [string, (d: string) => string[]][] = [
    ['score (texte)', (d) => ['score', d]],
    ['score --format json --explain', (d) => ['score', d, '--format', 'json', '--explain']],
    ['score --format markdown', (d) => ['score', d, '--format', 'markdown']],
    ['score --format csv', (d) => ['score', d, '--format', 'csv']],
    ['score --format html', (d) => ['score', d, '--format', 'html']],
    ['explain 6.1.1.3', (d) => ['explain', d, '6.1.1.3']],
    ['explain 6.1.1.3.5 --format json', (d) => ['explain', d, 'cae_6.1.1.3.5', '--format', 'json']],
    ['plan --etoile 5', (d) => ['plan', d, '--etoile', '5']],
    ['compare', (d) => ['compare', SAINT, d, '--format', 'json']],
  ];
  it.each(runs)('%s', (_name, args) => {
    for (const d of dossiers) {
      const bundle = cae(args(d));
      const markdown = cae([...args(d), ...MARKDOWN]);
      expect(bundle.code, `${d}: ${bundle.err}`).toBe(markdown.code);
      expect(bundle.out.length, d).toBeGreaterThan(100);
      expect(bundle.out, d).toBe(markdown.out);
      expect(bundle.err, d).toBe(markdown.err);
    }
  });

  it('cae score --batch, every node, with one worker and without', () => {
    const lines = dossiers.map((d) => JSON.stringify(JSON.parse(readFileSync(join(PROJECT_DIR, d), 'utf8')))).join('\n');
    const input = join(dir, 'lot.jsonl');
    writeFileSync(input, `${lines}\n${lines}\n`);
    for (const jobs of ['1', '2']) {
      const a = join(dir, `a-${jobs}.jsonl`);
      const b = join(dir, `b-${jobs}.jsonl`);
      expect(cae(['score', '--batch', input, '--jobs', jobs, '-o', a]).code).toBe(0);
      expect(cae(['score', '--batch', input, '--jobs', jobs, '-o', b, ...MARKDOWN]).code).toBe(0);
      expect(readFileSync(a, 'utf8').split('\n').length).toBe(2 * dossiers.length + 1);
      expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    }
  });
});
