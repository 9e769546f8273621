/**
 * `require('label-cae')` works on Node ≥ 20.19 (require of an ES module, through the `default`
 * condition of the exports map), and gives the same functions as `import`.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

describe('CommonJS consumers', () => {
  it('require("label-cae") scores a dossier', () => {
    const script = `
      const { loadEvaluationContext, readDossier, evaluateDossier } = require('label-cae');
      loadEvaluationContext().then(({ context }) => {
        const { dossier } = readDossier(context, JSON.stringify({ statuts: { '6.1.1.2': 'fait' } }));
        console.log(evaluateDossier(context, dossier).result.scores.get('cae_6.1.1').pointFait.toFraction());
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim()).toBe('3/2');
  });
});
