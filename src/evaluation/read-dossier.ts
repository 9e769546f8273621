/**
 * The one entry a dossier should come in by: JSON text → parsed, validated against the dossier
 * schema, then checked against the context it will be scored with (référentiel, questions,
 * evidence rules). Errors come with `file:line:col` and a JSON pointer; warnings with their
 * pointer (`locateDiagnostics` adds the place when they are shown). The dossier is null when there
 * is any error, so nothing wrong reaches the scorer.
 */
import { schemaValidation } from '../dossier/parse-dossier.js';
import { type ReadDossierResult, readDossierWith } from './read-dossier-core.js';
import type { EvaluationContext } from './evaluate-dossier.js';

export { type ReadDossierResult, locateDiagnostics, pointerPath, readDossierAsync } from './read-dossier-core.js';

/**
 * A dossier as JSON text → the dossier checked against the context, or null. Parsed, validated by
 * the schema, checked against the référentiel, questions and evidence rules; errors carry
 * `file:line:col` and a JSON pointer, warnings their pointer. Throws `TypeError` only for arguments
 * of the wrong kind.
 *
 * @example
 * const { dossier, diagnostics } = readDossier(context, text, 'dossier.json');
 * if (dossier) console.log(evaluateDossier(context, dossier).etoiles.etoile);
 */
export function readDossier(context: EvaluationContext, text: string, file = 'dossier.json'): ReadDossierResult {
  return readDossierWith(context, text, file, schemaValidation)!;
}
