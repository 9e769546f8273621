/**
 * What a context is loaded from: the options of loadEvaluationContext, and the companion folders
 * found beside a référentiel folder. On its own so that a command can resolve its paths without
 * loading the Markdown parsers (the embedded référentiel is loaded from its bundle).
 */
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvaluationContext } from './evaluate-dossier.js';

export interface LoadContextOptions {
  /** Markdown référentiel folder, or a JSON file (`label-cae/bundle@2`, `label-cae/bundle@1` or `label-cae/referentiel@1`); the embedded one when absent. */
  referentiel?: string;
  /** Personalisation rule files (`personnalisations/` format). */
  personnalisations?: string;
  /** Question files (`questions/` format); needed by the rules. */
  questions?: string;
  /** Evidence-rule files; for the embedded référentiel, its own `regles-preuve/` by default. */
  reglesPreuve?: string;
}

export interface LoadedContext {
  context: EvaluationContext | null;
  diagnostics: Diagnostic[];
}

/** The companion folders a référentiel folder can have. */
export interface CompanionDirs {
  personnalisations?: string;
  questions?: string;
  reglesPreuve?: string;
}

export const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * The companions of a référentiel folder laid out as TeT's (`X/referentiels/cae` beside
 * `X/personnalisations`, `X/questions`, `X/regles-preuve`) or as the embedded one
 * (`referentiel/cae` beside `referentiel/regles-preuve`): those that exist.
 *
 * @example
 * const companions = findCompanions('tet/referentiels/cae'); // { personnalisations, questions, reglesPreuve } found beside it
 */
export function findCompanions(referentielDir: string): CompanionDirs {
  const parent = dirname(resolve(referentielDir));
  const root = basename(parent) === 'referentiels' ? dirname(parent) : parent;
  const found: CompanionDirs = {};
  if (isDirectory(join(root, 'personnalisations'))) found.personnalisations = join(root, 'personnalisations');
  if (isDirectory(join(root, 'questions'))) found.questions = join(root, 'questions');
  if (isDirectory(join(root, 'regles-preuve'))) found.reglesPreuve = join(root, 'regles-preuve');
  return found;
}
