/**
 * The dossier's validation with its positioned French errors: used only when the compiled
 * validator (dossier-shape.ts) refuses a dossier, or by the library's synchronous API
 * (parseDossierText, validateDossier), which always has it. The issues are zod's, worded as zod's
 * French locale words them, but computed without zod (dossier-validate.ts): zod is not in the
 * engine's browser graph.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dossier } from './dossier-schema.js';
import { type SchemaIssue, validateDossierSchema } from './dossier-validate.js';
import { LineIndex, jsonPointer, offsetOfPath, parseJsonTree } from './json-locations.js';
import { type DossierParse, parseDossierTextWith, registerZodValidation, validateDossierWith } from './parse-dossier-core.js';
import { sealDossier } from './sealed-dossier.js';

export type { DossierParse } from './parse-dossier-core.js';

/** The schema's validation (the reference of the compiled one), with its diagnostics. */
export function schemaValidation(raw: unknown, text: string | null, file: string): DossierParse {
  const result = validateDossierSchema(raw);
  if (result.ok) return { dossier: sealDossier(result.value as Dossier), diagnostics: [] };
  const tree = text !== null ? parseJsonTree(text) : undefined;
  const lines = text !== null ? new LineIndex(text) : null;
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.issues) {
    const path = issue.path;
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys! : [null];
    for (const key of unknownKeys) {
      const fullPath = key === null ? path : [...path, key];
      const pointer = jsonPointer(fullPath);
      const message = describeIssue(issue, fullPath, key);
      const diag: Diagnostic = { code: codeOf(issue, fullPath), severity: 'error', message, pointer };
      if (lines) {
        const { line, column } = lines.at(offsetOfPath(tree, fullPath, key !== null));
        diag.position = { file, line, column };
      }
      diagnostics.push(diag);
    }
  }
  return { dossier: null, diagnostics };
}

registerZodValidation(schemaValidation);

/**
 * Dossier JSON text → the dossier validated by its schema (not yet checked against a référentiel:
 * use `readDossier` for that). Errors are diagnostics with `file:line:col` and a JSON pointer, in
 * French; the dossier is null when there is any. Throws `TypeError` when `text` is not a string.
 *
 * @example
 * const { dossier, diagnostics } = parseDossierText('{"statuts":{}}', 'dossier.json');
 */
export function parseDossierText(text: string, file = 'dossier.json'): DossierParse {
  return parseDossierTextWith(text, file, schemaValidation)!;
}

/** Validates an already parsed value; `text` (when given) locates the problems. */
export function validateDossier(raw: unknown, text: string | null, file = 'dossier.json'): DossierParse {
  return validateDossierWith(raw, text, file, schemaValidation)!;
}

function codeOf(issue: SchemaIssue, path: (string | number)[]): string {
  if (issue.code === 'unrecognized_keys') return 'dossier-cle-inconnue';
  if (path[0] === 'statuts') return 'statut-invalide';
  if (path[0] === 'reponses') return 'reponse-invalide';
  if (path[0] === 'collectivite') return 'collectivite-invalide';
  if (path[0] === 'preuves') return path.at(-1) === 'date' ? 'preuve-date-invalide' : 'preuve-invalide';
  if (path[0] === 'date') return 'date-invalide';
  if (path[0] === 'labellisation') return 'labellisation-invalide';
  return 'dossier-invalide';
}

function describeIssue(issue: SchemaIssue, path: (string | number)[], key: string | null): string {
  if (key !== null) return `Clé inattendue « ${key} », attendu l'une des clés prévues par le format du dossier`;
  if (path[0] === 'statuts' && path.length === 2 && issue.code === 'invalid_union') {
    return `Statut invalide pour ${path[1]} : attendu fait, programme, pas_fait, non_concerne, non_renseigne ou un objet détaillé { "fait", "programme", "pas_fait" } dont la somme vaut 1`;
  }
  if (path[0] === 'statuts' && path.length >= 2) return `Statut invalide pour ${path[1]} : ${issue.message}`;
  if (path[0] === 'reponses' && path.length === 2 && issue.code === 'invalid_union') {
    return `Réponse invalide pour ${path[1]} : attendu OUI, NON, true, false, un identifiant de choix ou une proportion entre 0 et 1`;
  }
  if (path.join('.') === 'labellisation.etoile') return `Étoile du label invalide : attendu un entier de 1 à 5 (${issue.message})`;
  if (path.join('.') === 'collectivite.population') return `Population invalide : attendu un entier positif ou nul (${issue.message})`;
  const where = path.length ? `${path.join('.')} : ` : '';
  return `${where}${issue.message}`;
}
