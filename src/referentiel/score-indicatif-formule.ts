/**
 * A node's indicative-score formula (HEAD's `exprScore`), parsed and checked from its text, without
 * Markdown: the Markdown parser and the compiled-référentiel loader both call it.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';
import { CODES_QUESTIONS, type QuestionCatalogue, checkFormule } from '../formule/check.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormule } from '../formule/parser.js';
import { firstCharPosition } from '../personnalisation/visibilite.js';
import type { Referentiel, ScoreIndicatifFormule } from './model.js';

/**
 * The indicative-score formula: parsed and checked as a `score_indicatif` (a number; `val`, `cible`…
 * allowed, `score` and `referentiel` not). Questions are checked where they are known (lint, the
 * evaluation context): the catalogue-dependent codes are left out here.
 */
export function readScoreIndicatif(code: { value: string; contentPosition: SourcePosition }, diagnostics: Diagnostic[]): ScoreIndicatifFormule {
  const position = firstCharPosition(code.value, code.contentPosition);
  const start = code.contentPosition;
  let ast = null;
  try {
    ast = parseFormule(code.value, { file: start.file, line: start.line, column: start.column });
  } catch (error) {
    if (!isFormuleError(error)) throw error;
    diagnostics.push(error.toDiagnostic());
    return { formule: code.value, position, ast: null };
  }
  for (const d of checkFormule(ast, { kind: 'score_indicatif', questions: new Map(), file: start.file })) if (!CODES_QUESTIONS.has(d.code)) diagnostics.push(d);
  return { formule: code.value, position, ast };
}

/**
 * The indicative scores' `reponse(…)` against the question catalogue: what `readScoreIndicatif`
 * could not check without it.
 */
export function checkScoresIndicatifsQuestions(referentiel: Referentiel, questions: ReadonlyMap<string, QuestionCatalogue>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of referentiel.actions.values()) {
    const si = n.scoreIndicatif;
    if (!si?.ast) continue;
    for (const d of checkFormule(si.ast, { kind: 'score_indicatif', questions, file: si.position.file })) if (CODES_QUESTIONS.has(d.code)) out.push(d);
  }
  return out;
}
