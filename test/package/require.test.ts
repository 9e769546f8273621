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
});
