/**
 * The public API is deliberate: the runtime names of each entry are pinned here. Adding or
 * removing one is a decision (and, once published, a semver one): change this list with it.
 * Every name of `label-cae` has JSDoc on its declaration (what, inputs, errors, an example).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
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

  it('every runtime name of label-cae has JSDoc with an example', () => {
    const program = ts.createProgram([join(PROJECT_DIR, 'src', 'index.ts')], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true });
    const checker = program.getTypeChecker();
    const index = checker.getSymbolAtLocation(program.getSourceFile(join(PROJECT_DIR, 'src', 'index.ts'))!)!;
    const missing: string[] = [];
    for (const symbol of checker.getExportsOfModule(index)) {
      if (!ENTRIES['label-cae']!.includes(symbol.name)) continue;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const doc = ts.displayPartsToString(target.getDocumentationComment(checker));
      const example = target.getJsDocTags(checker).some((t) => t.name === 'example');
      if (doc.length < 20 || !example) missing.push(`${symbol.name}${doc.length < 20 ? ' (description)' : ''}${example ? '' : ' (@example)'}`);
    }
    expect(missing).toEqual([]);
  });
});
