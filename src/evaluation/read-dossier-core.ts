/**
 * The one entry a dossier should come in by: JSON text → parsed, validated against the dossier
 * schema, then checked against the context it will be scored with (référentiel, questions,
 * evidence rules). Errors come with `file:line:col` and a JSON pointer; warnings with their
 * pointer (`locateDiagnostics` adds the place when they are shown). The dossier is null when there
 * is any error, so nothing wrong reaches the scorer.
 */
import { isReferentielLike, requireArgument } from '../diagnostics/argument.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Dossier } from '../dossier/dossier-schema.js';
import { LineIndex, offsetOfPath, parseJsonTree } from '../dossier/json-locations.js';
import { type ZodValidation, parseDossierTextWith, registeredZodValidation } from '../dossier/parse-dossier-core.js';
import { flatTree } from '../score/flat-tree.js';
import { checkDossier } from './check-dossier.js';
import { rememberChecks } from './checked-dossiers.js';
import type { EvaluationContext } from './evaluate-dossier.js';

export interface ReadDossierResult {
  dossier: Dossier | null;
  diagnostics: Diagnostic[];
}

/**
 * readDossier with the schema validation given (parse-dossier.ts, which words the errors); null
 * when the dossier is refused by the compiled validator and that validation is not given.
 */
export function readDossierWith(context: EvaluationContext, text: string, file: string, zod: ZodValidation | null): ReadDossierResult | null {
  requireArgument(typeof context === 'object' && context !== null && isReferentielLike(context.referentiel), 'readDossier', 'context', "un contexte d'évaluation (loadEvaluationContext ou loadBundle)", context);
  requireArgument(typeof text === 'string', 'readDossier', 'text', 'le texte JSON du dossier (une chaîne)', text);
  const parsed = parseDossierTextWith(text, file, zod, flatTree(context.referentiel).indexByName);
  if (!parsed || !parsed.dossier) return parsed;
  const checks = checkDossier(context, parsed.dossier);
  if (!hasErrors(checks)) {
    // Warnings keep their pointer; they are located when printed (locateDiagnostics): locating
    // means building the located JSON tree, which would cost more than the whole scoring.
    rememberChecks(context, parsed.dossier, checks);
    return checks.length === 0 ? parsed : { dossier: parsed.dossier, diagnostics: [...parsed.diagnostics, ...checks] };
  }
  return { dossier: null, diagnostics: [...parsed.diagnostics, ...locateDiagnostics(checks, text, file)] };
}

/**
 * readDossier, loading the validation that words the errors only when a dossier is refused (the
 * CLI: a valid dossier is read without loading it).
 *
 * @example
 * const { dossier, diagnostics } = await readDossierAsync(context, text, 'dossier.json');
 */
export async function readDossierAsync(context: EvaluationContext, text: string, file = 'dossier.json'): Promise<ReadDossierResult> {
  const fast = readDossierWith(context, text, file, registeredZodValidation());
  if (fast) return fast;
  const { schemaValidation } = await import('../dossier/parse-dossier.js');
  return readDossierWith(context, text, file, schemaValidation)!;
}

/** RFC 6901 pointer → path segments. */
export function pointerPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Adds `file:line:col` to diagnostics that have a pointer into `text` and no position yet.
 *
 * @example
 * const shown = locateDiagnostics(diagnostics, text, 'dossier.json'); // each pointer now has its file:line:col
 */
export function locateDiagnostics<T extends { pointer?: string; position?: Diagnostic['position'] }>(items: readonly T[], text: string, file: string): T[] {
  if (!items.some((d) => d.pointer !== undefined && !d.position)) return [...items];
  const tree = parseJsonTree(text);
  const lines = new LineIndex(text);
  return items.map((d) => {
    if (d.pointer === undefined || d.position) return d;
    const path = pointerPath(d.pointer);
    // A key's own position for statuts, answers and evidence lists: that is what is wrong.
    const atKey = path.length === 2 && ['statuts', 'reponses', 'preuves'].includes(path[0]!);
    return { ...d, position: { file, ...lines.at(offsetOfPath(tree, path, atKey)) } };
  });
}
