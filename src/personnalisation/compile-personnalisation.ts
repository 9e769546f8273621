/**
 * Parses and statically checks every rule formula (scoring.md §6.2): syntax, question and choice
 * ids, arity, identity values, `score()` targets and result type. A rule that fails is left out,
 * with positioned diagnostics; the others still apply.
 */
import { appendAll } from '../diagnostics/append.js';
import { type Diagnostic, formatPosition } from '../diagnostics/diagnostic.js';
import { checkFormule, type QuestionCatalogue } from '../formule/check.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormuleComplete } from '../formule/parser.js';
import type { Question } from './question.js';
import type { RegleEntry } from './regle.js';
import type { Personnalisation, RegleCompilee } from './personnalisation.js';

export interface CompileOptions {
  /** When given, rules on unknown actions and `score()` on unknown actions are reported. */
  actionExists?: (actionId: string) => boolean;
}

export function questionCatalogue(questions: readonly Question[]): Map<string, QuestionCatalogue> {
  return new Map(questions.map((q) => [q.id, { id: q.id, type: q.type, choix: q.choix.map((c) => c.id) }]));
}

/**
 * Rule entries and questions → the personalisation the engine runs: every formula checked against
 * the questions and the référentiel. Pure; an unusable rule is a diagnostic, never an exception.
 *
 * @example
 * const { personnalisation, diagnostics } = compilePersonnalisation(entries, questions, { referentiel });
 */
export function compilePersonnalisation(
  entries: readonly RegleEntry[],
  questions: readonly Question[],
  options: CompileOptions = {},
): { personnalisation: Personnalisation; diagnostics: Diagnostic[] } {
  const catalogue = questionCatalogue(questions);
  const diagnostics: Diagnostic[] = [];
  const regles: RegleCompilee[] = [];
  for (const entry of entries) {
    if (options.actionExists && !options.actionExists(entry.actionId)) {
      diagnostics.push({
        code: 'regle-action-inconnue',
        severity: 'error',
        message: `Action inattendue « ${entry.actionId} », attendu une action du référentiel`,
        position: entry.position,
      });
      continue;
    }
    for (const r of entry.regles) {
      let formule;
      try {
        formule = parseFormuleComplete(r.formule, {
          file: r.formulePosition.file,
          line: r.formulePosition.line,
          column: r.formulePosition.column,
        });
      } catch (error) {
        if (!isFormuleError(error)) throw error;
        diagnostics.push(error.toDiagnostic());
        continue;
      }
      const problems = checkFormule(formule.ast, {
        kind: r.type,
        questions: catalogue,
        actionExists: options.actionExists,
        file: r.formulePosition.file,
      });
      appendAll(diagnostics, problems);
      if (problems.some((p) => p.severity === 'error')) continue;
      regles.push({
        actionId: entry.actionId,
        type: r.type,
        formule,
        titre: entry.titre,
        description: r.description,
        position: r.position,
        source: formatPosition({ file: formule.file, ...formule.origine }),
      });
    }
  }
  return { personnalisation: { regles, questions: catalogue }, diagnostics };
}
