/**
 * The public API is deliberate: the runtime names of each entry are pinned here. Adding or
 * removing one is a decision (and, once published, a semver one): change this list with it.
 * Every runtime name of every entry has JSDoc on its declaration (what, inputs, errors, an example).
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
    'contextFromFiles', 'DOSSIER_LIMITS', 'decodeDossierBytes', 'dossierJsonSchema', 'evaluateDossier', 'evaluateFormule',
    'evaluatePersonnalisation', 'evaluateScoreIndicatif', 'evaluationJsonSchema', 'evaluationToJson', 'formatDiagnostic',
    'formatDiagnosticWithPointer', 'hasErrors', 'lintInputs', 'lintReferentiel', 'loadBundle', 'loadReferentiel',
    'locateDiagnostics', 'parseDossierText', 'parseFormule', 'parsePreuvesFiles', 'parseQuestionsFiles',
    'parseReferentielFiles', 'parseReglesFiles', 'parseReglesPreuveFiles', 'planEtoile', 'projeterVersTe', 'readDossier',
    'readDossierAsync', 'referentielJsonSchema', 'renderCsv', 'renderExplanation', 'renderHtml', 'renderMarkdown',
    'renderText', 'scoreDossier',
  ],
  'label-cae/node': [
    'AppAssetsMissingError', 'REFERENTIELS_IMPORTABLES', 'appPageHtml', 'atomicTarget', 'buildBundle', 'embeddedReferentielDir',
    'findCompanions', 'importReferentiel', 'isSpecialFile', 'keepMode', 'lintPaths', 'loadEvaluationContext',
    'parseEmbeddedReferentiel', 'parsePreuves', 'parseQuestions', 'parseReferentiel', 'parseRegles', 'parseReglesPreuve',
    'readImportSources', 'readMarkdownFiles', 'renderXlsx', 'writeFileAtomic', 'writeFileAtomicSync', 'writeTarget',
  ],
  'label-cae/report': [
    'CSV_COLUMNS', 'CSV_COLUMNS_SCORE_INDICATIF', 'NIVEAUX', 'actionScoreJsonOf', 'csvField', 'csvRowFields', 'depthFirst',
    'evaluationJsonBytes', 'evaluationJsonChunks', 'evaluationJsonLine', 'explainAction', 'formatExact', 'isNiveau', 'planToJson', 'renderComparison',
    'renderCsv', 'renderExplanation', 'renderHtml', 'renderMarkdown', 'renderPlan', 'renderProjection', 'renderText',
    'resolveActionId', 'shouldUseColor',
  ],
  'label-cae/lint': ['LintConfigError', 'lintInputs', 'lintReferentiel', 'lintRules', 'parseLintConfig', 'renderLintJson', 'renderLintSarif', 'renderLintText'],
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

  // The source of each entry written in TypeScript (label-cae/embedded is generated, documented by its .d.ts).
  const SOURCES: Record<string, string> = {
    'label-cae': 'src/index.ts',
    'label-cae/node': 'src/node/index.ts',
    'label-cae/report': 'src/report.ts',
    'label-cae/lint': 'src/lint.ts',
    'label-cae/remark': 'src/remark.ts',
  };

  it('every entry of package.json is pinned here, with its types, import and default conditions', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const entries = Object.entries(pkg.exports).filter(([k]) => !k.includes('*') && k !== './package.json');
    expect(entries.map(([k]) => (k === '.' ? 'label-cae' : `label-cae/${k.slice(2)}`)).sort()).toEqual(Object.keys(ENTRIES).sort());
    for (const [, target] of entries) expect(Object.keys(target as object)).toEqual(['types', 'import', 'default']);
  });

  it.each(Object.entries(SOURCES))('every runtime name of %s has JSDoc with an example', (entry, source) => {
    const program = ts.createProgram([join(PROJECT_DIR, source)], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true });
    const checker = program.getTypeChecker();
    const index = checker.getSymbolAtLocation(program.getSourceFile(join(PROJECT_DIR, source))!)!;
    const missing: string[] = [];
    for (const symbol of checker.getExportsOfModule(index)) {
      if (!ENTRIES[entry]!.includes(symbol.name)) continue;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const doc = ts.displayPartsToString(target.getDocumentationComment(checker));
      const example = target.getJsDocTags(checker).some((t) => t.name === 'example');
      if (doc.length < 20 || !example) missing.push(`${symbol.name}${doc.length < 20 ? ' (description)' : ''}${example ? '' : ' (@example)'}`);
    }
    expect(missing).toEqual([]);
  });
});
