/**
 * Which dossiers were checked against which context, and the warnings the check found: the
 * scorer reads them instead of checking again (a batch reads each dossier once).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dossier } from '../dossier/dossier-schema.js';
import type { EvaluationContext } from './evaluation-context.js';

const checked = new WeakMap<Dossier, { context: EvaluationContext; diagnostics: readonly Diagnostic[] }>();

export function rememberChecks(context: EvaluationContext, dossier: Dossier, diagnostics: readonly Diagnostic[]): void {
  checked.set(dossier, { context, diagnostics });
}

/** The warnings found when `dossier` was checked against `context`, or null if it was not. */
export function checksOf(context: EvaluationContext, dossier: Dossier): readonly Diagnostic[] | null {
  const c = checked.get(dossier);
  return c && c.context === context ? c.diagnostics : null;
}
