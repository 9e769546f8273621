/**
 * The evaluation context from a référentiel and its companions already read (questions, rule
 * entries, evidence rules), from Markdown (context-from-files.ts) or from a compiled bundle
 * (bundle.ts). Without Markdown, so that loading a bundle needs no Markdown or YAML parser; both
 * paths end here, so they give the same context.
 */
import { appendAll } from '../diagnostics/append.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { compilePersonnalisation } from '../personnalisation/compile-personnalisation.js';
import type { Personnalisation } from '../personnalisation/personnalisation.js';
import type { Question } from '../personnalisation/question.js';
import type { RegleEntry } from '../personnalisation/regle.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import type { Referentiel } from '../referentiel/model.js';
import { checkScoresIndicatifsQuestions } from '../referentiel/score-indicatif-formule.js';
import type { EvaluationContext } from './evaluation-context.js';

/** Rule entries compiled against the questions and the référentiel (formulas parsed from their text). */
export function personnalisationFrom(referentiel: Referentiel, questions: readonly Question[], entries: readonly RegleEntry[], diagnostics: Diagnostic[]): Personnalisation {
  const compiled = compilePersonnalisation(entries, questions, {
    actionExists: (id) => referentiel.actions.has(id) || !id.startsWith(`${referentiel.id}_`),
  });
  // Rules of another référentiel (ECI rules beside CAE ones) are simply not for this one.
  compiled.personnalisation.regles = compiled.personnalisation.regles.filter((r) => referentiel.actions.has(r.actionId));
  appendAll(diagnostics, compiled.diagnostics);
  appendAll(diagnostics, checkScoresIndicatifsQuestions(referentiel, compiled.personnalisation.questions));
  const activations = new Map(questions.filter((q) => q.typesConcernes !== null || q.visibilite !== null).map((q) => [q.id, q]));
  return { ...compiled.personnalisation, referentiel: { id: referentiel.id }, activations };
}

/** The context, or null when `diagnostics` has an error (a rule left out would silently change scores). */
export function assembleContext(
  referentiel: Referentiel,
  personnalisation: Personnalisation | undefined,
  reglesPreuve: readonly RegleDePreuve[] | undefined,
  diagnostics: Diagnostic[],
): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  if (hasErrors(diagnostics)) return { context: null, diagnostics };
  const context: EvaluationContext = { referentiel };
  if (personnalisation) context.personnalisation = personnalisation;
  if (reglesPreuve) context.reglesPreuve = reglesPreuve.filter((x) => referentiel.actions.has(x.actionId));
  return { context, diagnostics };
}
