/**
 * Reads a dossier file (or stdin), validates it and checks it against the context it will be
 * scored with, printing every problem as
 * `dossier.json:12:7: erreur [statut-invalide] … (/statuts/6.1.1.1.1)`. After scoring, the
 * evaluation's warnings are printed the same way: a warning is never only in the report.
 */
import { type Diagnostic, type Dossier, type Evaluation, type EvaluationContext, formatDiagnosticWithPointer, locateDiagnostics, readDossierAsync } from 'label-cae';
import { type CliIo, EXIT_FINDINGS, UsageError, readTextInput } from '../io.js';

export interface DossierLu {
  dossier: Dossier;
  text: string;
  file: string;
}

export function printDiagnostic(d: Diagnostic, io: CliIo): void {
  io.stderr(`${formatDiagnosticWithPointer(d)}\n`);
}

export async function readDossierOrFail(path: string, io: CliIo, context: EvaluationContext): Promise<DossierLu> {
  const text = await readTextInput(path, io);
  const file = path === '-' ? '<stdin>' : path;
  const { dossier, diagnostics } = await readDossierAsync(context, text, file);
  if (!dossier) {
    for (const d of diagnostics) printDiagnostic(d, io);
    throw new UsageError('dossier-invalide', `${file} : dossier invalide (${diagnostics.length} problème${diagnostics.length > 1 ? 's' : ''})`, EXIT_FINDINGS);
  }
  return { dossier, text, file };
}

/**
 * Prints the evaluation's warnings (and errors) on stderr, at their place in the dossier. With
 * `strict`, any of them stops the command (exit 1) before a report is written.
 */
export function reportConstats(ev: Evaluation, lu: DossierLu, io: CliIo, options: { strict: boolean; command: string }): void {
  const shown = ev.constats.filter((c) => c.severity !== 'info');
  if (shown.length === 0) return;
  const located = locateDiagnostics(shown, lu.text, lu.file);
  for (const c of located) printDiagnostic(options.strict ? { ...c, severity: 'error' } : c, io);
  if (options.strict) {
    throw new UsageError('strict', `${lu.file} : ${shown.length} avertissement${shown.length > 1 ? 's' : ''} traité${shown.length > 1 ? 's' : ''} comme erreur${shown.length > 1 ? 's' : ''} (--strict) ; rapport non écrit`, EXIT_FINDINGS);
  }
}
