/**
 * `require('label-cae')` works on Node ≥ 20.19 (require of an ES module, through the `default`
 * condition of the exports map), and gives the same functions as `import`; so do the other entries.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const run = (script: string) => spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_DIR, encoding: 'utf8' });

describe('CommonJS consumers', () => {
  it('require("label-cae") and require("label-cae/embedded") score a dossier', () => {
    const r = run(`
      const { scoreDossier } = require('label-cae');
      const { embeddedBundle } = require('label-cae/embedded');
      const r = scoreDossier(embeddedBundle, { statuts: { '6.1.1.2': 'fait' } });
      console.log(r.ok, r.document.scores['cae_6.1.1'].pointFait);`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim()).toBe('true 1.5');
  });

  it('require("label-cae/node") reads the embedded référentiel folder', () => {
    const r = run(`
      const { loadEvaluationContext } = require('label-cae/node');
      const { readDossier, evaluateDossier } = require('label-cae');
      loadEvaluationContext().then(({ context }) => {
        const { dossier } = readDossier(context, JSON.stringify({ statuts: { '6.1.1.2': 'fait' } }));
        console.log(evaluateDossier(context, dossier).result.scores.get('cae_6.1.1').pointFait.toFraction());
      });`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim()).toBe('3/2');
  });

  it('require("label-cae/report") and require("label-cae/lint") render an evaluation and lint the embedded référentiel', () => {
    const r = run(`
      const { loadBundle, readDossier, evaluateDossier, evaluationToJson } = require('label-cae');
      const { embeddedBundle } = require('label-cae/embedded');
      const { renderText, evaluationJsonLine } = require('label-cae/report');
      const { lintInputs, renderLintJson } = require('label-cae/lint');
      const { context } = loadBundle(embeddedBundle);
      const { dossier } = readDossier(context, JSON.stringify({ statuts: { '6.1.1.2': 'fait' } }));
      const ev = evaluateDossier(context, dossier);
      const doc = evaluationToJson(ev);
      console.log(renderText(doc, ev.referentiel, { color: false }).includes('Score global'), evaluationJsonLine(ev) === JSON.stringify(doc) + '\\n');
      console.log(Array.isArray(JSON.parse(renderLintJson(lintInputs({ referentiel: [], questions: [], personnalisations: [], preuves: [] }).messages))));`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim().split('\n')).toEqual(['true true', 'true']);
  });

  it('every entry gives the same names to require() as to import', () => {
    const entries = ['label-cae', 'label-cae/node', 'label-cae/report', 'label-cae/lint', 'label-cae/embedded', 'label-cae/remark'];
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const same = [];
      for (const e of ${JSON.stringify(entries)}) {
        const m = await import(e);
        const c = require(e);
        same.push(Object.keys(m).every((k) => k === 'default' || c[k] === m[k]) && Object.keys(m).length > 0);
      }
      console.log(JSON.stringify(same));`], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(entries.map(() => true));
  });
});
