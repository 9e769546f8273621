/**
 * Loads, once, everything a dossier is scored against: the référentiel (the embedded one by
 * default; a Markdown folder, a compiled référentiel or a bundle), the personalisation rules with
 * their questions, and the evidence rules. Every problem is a positioned diagnostic; the context
 * is null when anything is wrong (a rule left out would silently change scores).
 */
import { appendAll } from '../diagnostics/append.js';
import { readFileSync, statSync } from 'node:fs';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { type SourceFile, readMarkdownFiles } from '../markdown/read-files.js';
import type { Referentiel } from '../referentiel/model.js';
import { embeddedReferentielDir, parseReferentiel } from '../referentiel/read-referentiel.js';
import type { Bundle } from './bundle-schema.js';
import { BUNDLE_FORMAT_V1 } from './bundle-format.js';
import { type CompanionFiles, contextFromFiles } from './context-from-files.js';
import { type LoadContextOptions, type LoadedContext, findCompanions, isDirectory } from './context-sources.js';

async function readCompanion(dir: string | undefined, diagnostics: Diagnostic[]): Promise<readonly SourceFile[] | undefined> {
  if (dir === undefined) return undefined;
  const r = await readMarkdownFiles(dir);
  appendAll(diagnostics, r.diagnostics);
  return r.files;
}

function readJson(path: string, diagnostics: Diagnostic[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? `JSON invalide (${error.message})` : String((error as NodeJS.ErrnoException).code ?? error);
    diagnostics.push({ code: 'fichier-illisible', severity: 'error', message: `Référentiel illisible : ${path} (${why}), attendu un dossier Markdown ou un JSON label-cae/bundle@2`, position: { file: path, line: 1, column: 1 } });
    return undefined;
  }
}

interface Sources {
  referentiel: Referentiel | null;
  companions: CompanionFiles;
  diagnostics: Diagnostic[];
}

/** The référentiel (a folder, or a compiled `label-cae/referentiel@1` file) and its companion files. */
async function readSources(refPath: string, options: LoadContextOptions, json?: unknown): Promise<Sources> {
  const diagnostics: Diagnostic[] = [];
  const companions: CompanionFiles = {};
  // The loader of a compiled référentiel is loaded only then (a Markdown folder does without).
  const loaded = json !== undefined ? (await import('../referentiel/load-referentiel.js')).loadReferentiel(json) : await parseReferentiel(refPath);
  const { referentiel } = collect(loaded, diagnostics);
  if (!referentiel || hasErrors(diagnostics)) return { referentiel: null, companions, diagnostics };
  // The embedded référentiel comes with its evidence rules, found beside it like any companion.
  const reglesPreuveDir = options.reglesPreuve ?? (options.referentiel === undefined ? findCompanions(refPath).reglesPreuve : undefined);
  const questions = await readCompanion(options.questions, diagnostics);
  const personnalisations = await readCompanion(options.personnalisations, diagnostics);
  const reglesPreuve = reglesPreuveDir && isDirectory(reglesPreuveDir) ? await readCompanion(reglesPreuveDir, diagnostics) : undefined;
  if (questions) companions.questions = questions;
  if (personnalisations) companions.personnalisations = personnalisations;
  if (reglesPreuve) companions.reglesPreuve = reglesPreuve;
  return { referentiel, companions, diagnostics };
}

/**
 * Loads, once, everything a dossier is scored against: the référentiel (the embedded one by
 * default; a Markdown folder or a bundle from `cae build`), the personalisation rules with their
 * questions, and the evidence rules. The context is null when anything is wrong, with positioned
 * diagnostics.
 *
 * @example
 * const { context, diagnostics } = await loadEvaluationContext({ referentiel: 'cae.json' });
 * if (!context) for (const d of diagnostics) console.error(formatDiagnostic(d));
 */
export async function loadEvaluationContext(options: LoadContextOptions = {}): Promise<LoadedContext> {
  const refPath = options.referentiel ?? embeddedReferentielDir();
  let json: unknown;
  if (statSync(refPath, { throwIfNoEntry: false })?.isFile()) {
    const diagnostics: Diagnostic[] = [];
    json = readJson(refPath, diagnostics);
    if (json === undefined) return { context: null, diagnostics };
    const { isBundle, loadBundle } = await import('./bundle.js');
    if (isBundle(json)) {
      if (options.questions !== undefined || options.personnalisations !== undefined || options.reglesPreuve !== undefined) {
        diagnostics.push({ code: 'bundle-et-compagnons', severity: 'error', message: `${refPath} contient déjà ses questions et ses règles : --questions, --personnalisations et --regles-preuve sont inattendus avec un bundle` });
        return { context: null, diagnostics };
      }
      if ((json as { format?: unknown }).format === BUNDLE_FORMAT_V1) {
        const { loadBundleV1 } = await import('./bundle-v1.js');
        return loadBundleV1(json, refPath);
      }
      return loadBundle(json);
    }
  }
  const sources = await readSources(refPath, options, json);
  if (!sources.referentiel || hasErrors(sources.diagnostics)) return { context: null, diagnostics: sources.diagnostics };
  const loaded = contextFromFiles(sources.referentiel, sources.companions);
  return { context: loaded.context, diagnostics: [...sources.diagnostics, ...loaded.diagnostics] };
}

export interface BuiltBundle {
  bundle: Bundle | null;
  referentiel: Referentiel | null;
  /** How many companion files of each kind went into the bundle. */
  counts: { questions: number; personnalisations: number; reglesPreuve: number };
  diagnostics: Diagnostic[];
}

/**
 * A Markdown référentiel folder and its companions → one bundle, checked as it will be loaded
 * (every rule compiled against the questions): a bundle that `loadBundle` would refuse is not
 * written.
 *
 * @example
 * const { bundle, diagnostics } = await buildBundle({ referentiel: 'tet/referentiels/cae', ...findCompanions('tet/referentiels/cae') });
 */
export async function buildBundle(options: LoadContextOptions = {}): Promise<BuiltBundle> {
  const sources = await readSources(options.referentiel ?? embeddedReferentielDir(), options);
  const counts = { questions: sources.companions.questions?.length ?? 0, personnalisations: sources.companions.personnalisations?.length ?? 0, reglesPreuve: sources.companions.reglesPreuve?.length ?? 0 };
  if (!sources.referentiel || hasErrors(sources.diagnostics)) return { bundle: null, referentiel: sources.referentiel, counts, diagnostics: sources.diagnostics };
  const { compileBundle } = await import('./bundle-compile.js');
  const compiled = compileBundle(sources.referentiel, sources.companions);
  const diagnostics = [...sources.diagnostics, ...compiled.diagnostics];
  if (!compiled.bundle) return { bundle: null, referentiel: sources.referentiel, counts, diagnostics };
  // Loaded as it will be: a bundle that loadBundle would refuse is not given.
  const { loadBundle } = await import('./bundle.js');
  const loaded = loadBundle(compiled.bundle);
  if (!loaded.context) return { bundle: null, referentiel: sources.referentiel, counts, diagnostics: [...diagnostics, ...loaded.diagnostics.filter((d) => d.severity === 'error')] };
  return { bundle: compiled.bundle, referentiel: sources.referentiel, counts, diagnostics };
}

function collect<T extends { diagnostics: Diagnostic[] }>(result: T, into: Diagnostic[]): T {
  appendAll(into, result.diagnostics);
  return result;
}
