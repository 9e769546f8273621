/**
 * The evaluation context from a référentiel and the text of its companion files (questions,
 * personalisation rules, evidence rules). Pure: the folders are read by `loadEvaluationContext`;
 * a bundle carries them compiled (`loadBundle`). Every problem is a positioned diagnostic.
 */
import { appendAll } from '../diagnostics/append.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../markdown/read-files.js';
import type { Personnalisation } from '../personnalisation/personnalisation.js';
import type { Question } from '../personnalisation/question.js';
import type { RegleEntry } from '../personnalisation/regle.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import { parseQuestionsFiles } from '../personnalisation/parse-questions.js';
import type { Referentiel } from '../referentiel/model.js';
import { parseReglesFiles } from '../personnalisation/parse-regles.js';
import { parseReglesPreuveFiles } from '../preuves/parse-regles-preuve.js';
import { assembleContext, personnalisationFrom } from './context-from-companions.js';
import type { EvaluationContext } from './evaluation-context.js';

export interface CompanionFiles {
  questions?: readonly SourceFile[];
  personnalisations?: readonly SourceFile[];
  reglesPreuve?: readonly SourceFile[];
}

/**
 * A parsed référentiel and the text of its companion files → the evaluation context (rules compiled
 * against the questions, evidence rules parsed). Pure. The context is null when any companion has an
 * error (a rule left out would silently change scores); every problem is a positioned diagnostic.
 *
 * @example
 * const { context, diagnostics } = contextFromFiles(referentiel, { questions: files, personnalisations: rules });
 */
export function contextFromFiles(referentiel: Referentiel, companions: CompanionFiles): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseCompanionFiles(referentiel, companions, diagnostics);
  if (!parsed) return { context: null, diagnostics };
  return assembleContext(referentiel, parsed.personnalisation, parsed.reglesPreuve, diagnostics);
}

/** The companion files parsed, and the rules compiled against the questions. */
export interface ParsedCompanions {
  questions?: Question[];
  regles?: RegleEntry[];
  personnalisation?: Personnalisation;
  reglesPreuve?: RegleDePreuve[];
}

/**
 * Parses the companion files (the context and `compileBundle` share it); problems go to
 * `diagnostics`. Null when rules come without their questions.
 */
export function parseCompanionFiles(referentiel: Referentiel, companions: CompanionFiles, diagnostics: Diagnostic[]): ParsedCompanions | null {
  if (companions.personnalisations && !companions.questions) {
    diagnostics.push({ code: 'questions-manquantes', severity: 'error', message: 'Règles de personnalisation sans questions, attendu aussi les questions (les règles lisent les réponses)' });
    return null;
  }
  const parsed: ParsedCompanions = {};
  if (companions.questions) {
    const questions = parseQuestionsFiles(companions.questions);
    appendAll(diagnostics, questions.diagnostics);
    const regles = companions.personnalisations ? parseReglesFiles(companions.personnalisations) : { entries: [], diagnostics: [] };
    appendAll(diagnostics, regles.diagnostics);
    parsed.questions = questions.questions;
    parsed.regles = regles.entries;
    parsed.personnalisation = personnalisationFrom(referentiel, questions.questions, regles.entries, diagnostics);
  }
  if (companions.reglesPreuve) {
    const r = parseReglesPreuveFiles(companions.reglesPreuve.map((f) => ({ path: f.displayPath ?? f.path, content: f.content })));
    appendAll(diagnostics, r.diagnostics);
    parsed.reglesPreuve = r.regles;
  }
  return parsed;
}
