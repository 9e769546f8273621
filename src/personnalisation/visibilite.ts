/**
 * A question's visibility formula (`## Visibilité`, HEAD's `exprVisible`): parsed from its text and
 * checked against the question catalogue. Without Markdown: the question parser (Markdown) and the
 * bundle loader (compiled questions) both call it, so both give the same diagnostics.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { checkFormule, type QuestionCatalogue } from '../formule/check.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormule } from '../formule/parser.js';
import type { Question, Visibilite } from './question.js';

/** Codes of what our language may gain (HEAD's `referentiel(te)`, `identite(dans_aire_urbaine, …)`): a warning, not an error. */
const NOT_YET = new Set(['formule-fonction-inconnue', 'formule-identite-inconnue']);

/** Position of the first non-blank character of `text`, which starts at `start`. */
export function firstCharPosition(text: string, start: SourcePosition): SourcePosition {
  let line = start.line;
  let column = start.column;
  for (const ch of text) {
    if (ch === '\n') {
      line++;
      column = start.column;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') column++;
    else break;
  }
  return { file: start.file, line, column };
}

/**
 * The formula text of question `id`, which starts at `position` → its visibility; the tree is null
 * (text kept) when the formula does not parse, with a diagnostic.
 */
export function readVisibilite(formule: string, position: SourcePosition, id: string, diagnostics: Diagnostic[]): Visibilite {
  const formulePosition = firstCharPosition(formule, position);
  const at = { file: position.file, line: position.line, column: position.column };
  try {
    return { formule, position: at, formulePosition, ast: parseFormule(formule, at) };
  } catch (error) {
    if (!isFormuleError(error)) throw error;
    const known = NOT_YET.has(error.code);
    diagnostics.push(
      diagnostic(
        known ? 'question-visibilite-non-lue' : 'question-visibilite-invalide',
        known ? 'warning' : 'error',
        `Formule de visibilité de \`${id}\` ${known ? 'hors de notre langage' : 'illisible'} (${error.code} : ${error.raison}), attendu une formule booléenne : gardée comme texte`,
        error.position,
      ),
    );
    return { formule, position: at, formulePosition, ast: null };
  }
}

/** Once every question is known: the formulas' references (questions, choices, types) are checked. */
export function checkVisibilites(questions: readonly Question[], diagnostics: Diagnostic[]): void {
  const catalogue = new Map<string, QuestionCatalogue>(questions.map((q) => [q.id, { id: q.id, type: q.type, choix: q.choix.map((c) => c.id) }]));
  for (const q of questions) {
    if (!q.visibilite?.ast) continue;
    for (const d of checkFormule(q.visibilite.ast, { kind: 'desactivation', questions: catalogue, file: q.visibilite.formulePosition.file })) {
      diagnostics.push(NOT_YET.has(d.code) ? { ...d, code: 'question-visibilite-non-lue', severity: 'warning', message: `Visibilité de \`${q.id}\` : ${d.message}` } : { ...d, message: `Visibilité de \`${q.id}\` : ${d.message}` });
    }
  }
}
