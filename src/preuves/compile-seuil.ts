/**
 * An evidence rule's threshold (`## Seuil`): parsed from its text and checked as a number, without
 * Markdown, so that the rule parser (Markdown) and the bundle loader (compiled rules) give the same
 * diagnostics at the same positions.
 */
import { appendAll } from '../diagnostics/append.js';
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import type { Formule } from '../formule/ast.js';
import { checkFormule } from '../formule/check.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormuleComplete } from '../formule/parser.js';

/** The threshold text, which starts at `position` → its formula, or null with diagnostics. */
export function compileSeuil(text: string, position: SourcePosition, diagnostics: Diagnostic[]): Formule | null {
  let seuil;
  try {
    seuil = parseFormuleComplete(text, { file: position.file, line: position.line, column: position.column });
  } catch (error) {
    if (!isFormuleError(error)) throw error;
    diagnostics.push(diagnostic(error.code, 'error', error.raison, error.position));
    return null;
  }
  // The threshold must be a number: the same check as a réduction de potentiel.
  const problems = checkFormule(seuil.ast, { kind: 'reduction', questions: new Map() });
  appendAll(diagnostics, problems);
  return problems.some((p) => p.severity === 'error') ? null : seuil;
}
