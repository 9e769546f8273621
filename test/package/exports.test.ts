/**
 * The public API is deliberate: the runtime names of each entry are pinned here. Adding or
 * removing one is a decision (and, once published, a semver one): change this list with it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../support/corpus.js';

const ENTRIES: Record<string, string[]> = {
  'label-cae': [
    'BUNDLE_FORMAT', 'DossierInvalideError', 'EVALUATION_FORMAT', 'Rational', 'bundleJsonSchema', 'checkFormule',
    'compareEvaluations', 'compileBundle', 'compilePersonnalisation', 'compileReferentiel', 'computeEtoiles', 'computeScores',
    'contextFromFiles', 'dossierJsonSchema', 'evaluateDossier', 'evaluateFormule', 'evaluatePersonnalisation',
    'evaluateScoreIndicatif', 'evaluationJsonSchema', 'evaluationToJson', 'formatDiagnostic', 'hasErrors', 'lintInputs',
    'lintReferentiel', 'loadBundle', 'loadReferentiel', 'parseDossierText', 'parseFormule', 'parsePreuvesFiles',
    'parseQuestionsFiles', 'parseReferentielFiles', 'parseReglesFiles', 'parseReglesPreuveFiles', 'planEtoile',
    'projeterVersTe', 'readDossier', 'referentielJsonSchema', 'renderCsv', 'renderExplanation', 'renderHtml',
    'renderMarkdown', 'renderText', 'scoreDossier',
  ],
  'label-cae/node': [
    'buildBundle', 'embeddedReferentielDir', 'findCompanions', 'importReferentiel', 'lintPaths', 'loadEvaluationContext',
    'parseEmbeddedReferentiel', 'parsePreuves', 'parseQuestions', 'parseReferentiel', 'parseRegles', 'parseReglesPreuve',
    'readImportSources', 'readMarkdownFiles', 'writeFileAtomic', 'writeFileAtomicSync',
  ],
  'label-cae/embedded': ['default', 'embeddedBundle'],
  'label-cae/remark': ['remarkBlocks'],
};

describe('public entries', () => {
  it.each(Object.entries(ENTRIES))('%s exports exactly its pinned names', (entry, names) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${entry}')).sort()))`], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([...names].sort());
  });

  it('src/index.ts lists its names (no export *)', () => {
    expect(readFileSync(join(PROJECT_DIR, 'src', 'index.ts'), 'utf8')).not.toMatch(/export \*/);
  });
});
