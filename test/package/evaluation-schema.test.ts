/**
 * schemas/evaluation.schema.json is what `cae schema evaluation` prints, and ajv finds every real
 * output valid: the fixtures (with and without --explain) and a full CAE dossier with
 * personalisation; a changed document is refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluationJsonSchema } from '../../src/evaluation/evaluation-schema.js';
import { describeCorpus, PROJECT_DIR, tet } from '../support/corpus.js';
import { BIN } from '../support/run-cae.js';
import { fullCaeDossier } from './cae-dossier.js';

const SCHEMA_FILE = join(PROJECT_DIR, 'schemas', 'evaluation.schema.json');
const generated = `${JSON.stringify(evaluationJsonSchema(), null, 2)}\n`;
const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(JSON.parse(generated));
const FIXTURES = join(PROJECT_DIR, 'fixtures', 'dossiers');
const tmp = mkdtempSync(join(tmpdir(), 'cae-eval-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cae = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
}

describe('published JSON Schema of the evaluation (schemas/evaluation.schema.json)', () => {
  it('is the file, and what cae schema evaluation prints (UPDATE_SCHEMAS=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMAS === '1') {
      mkdirSync(join(PROJECT_DIR, 'schemas'), { recursive: true });
      writeFileSync(SCHEMA_FILE, generated);
    }
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
    expect(cae('schema', 'evaluation').stdout).toBe(generated);
  });

  it.each(readdirSync(FIXTURES))('%s: valid, with and without --explain', (name) => {
    for (const extra of [[], ['--explain']]) {
      const r = cae('score', join(FIXTURES, name), '--format', 'json', ...extra);
      expect(r.status, r.stderr).toBe(0);
      expectValid(JSON.parse(r.stdout));
    }
  });

  it('refuses a changed document', () => {
    const doc = JSON.parse(cae('score', join(FIXTURES, 'saint-exemple.json'), '--format', 'json').stdout);
    for (const change of [(d: any) => (d.format = 'label-cae/evaluation@2'), (d: any) => (d.scores['cae_6.1.1'].pointFait = '1.5'), (d: any) => (d.etoile.couleur = 'or'), (d: any) => delete d.constats]) {
      const copy = structuredClone(doc);
      change(copy);
      expect(validate(copy)).toBe(false);
    }
  });
});

describeCorpus('evaluation schema on CAE', () => {
  it('a full dossier with personalisation, explained: valid', async () => {
    const file = join(tmp, 'cae.json');
    writeFileSync(file, JSON.stringify(await fullCaeDossier()));
    const r = cae('score', file, '--referentiel', tet('referentiels', 'cae'), '--format', 'json', '--explain');
    expect(r.status, r.stderr).toBe(0);
    expectValid(JSON.parse(r.stdout));
  });
});
