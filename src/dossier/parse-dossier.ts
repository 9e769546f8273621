/**
 * Reads a dossier from JSON text. Every problem becomes a diagnostic that names `file:line:col`
 * and the JSON pointer, in French, with a stable code; nothing throws.
 * The fast path is the native JSON.parse; the located JSON tree is only built when something is wrong.
 */
import { requireArgument } from '../diagnostics/argument.js';
import { type ParseError, type ParseErrorCode, getLocation, parse as parseJsonc } from 'jsonc-parser';
import * as z from 'zod';
import { fr } from 'zod/locales';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Dossier, dossierSchema } from './dossier-schema.js';
import { LineIndex, jsonPointer, maxNesting, offsetOfPath, parseJsonTree } from './json-locations.js';
import { type DuplicateKey, findDuplicateKeys } from './duplicate-keys.js';
import { DOSSIER_LIMITS } from './limits.js';
import { sealDossier } from './sealed-dossier.js';

export interface DossierParse {
  dossier: Dossier | null;
  diagnostics: Diagnostic[];
}

const JSON_ERRORS: Record<number, string> = {
  1: 'symbole invalide',
  2: 'nombre invalide',
  3: 'nom de propriété attendu',
  4: 'valeur attendue',
  5: '« : » attendu',
  6: '« , » attendue',
  7: '« } » attendue',
  8: '« ] » attendu',
  9: 'fin de fichier attendue',
  10: 'commentaire invalide (les commentaires ne sont pas permis en JSON)',
  11: 'commentaire non terminé',
  12: 'chaîne non terminée',
  13: 'nombre non terminé',
  14: "caractère d'échappement Unicode invalide",
  15: "caractère d'échappement invalide",
  16: 'caractère invalide',
};

export function parseDossierText(text: string, file = 'dossier.json'): DossierParse {
  requireArgument(typeof text === 'string', 'parseDossierText', 'text', 'le texte JSON du dossier (une chaîne)', text);
  const fail = (code: string, message: string, offset: number, pointer = ''): DossierParse => {
    const { line, column } = new LineIndex(text).at(offset);
    return { dossier: null, diagnostics: [{ code, severity: 'error', message, position: { file, line, column }, pointer }] };
  };
  if (text.length > DOSSIER_LIMITS.maxBytes) {
    return fail('dossier-trop-volumineux', `Dossier trop volumineux : ${text.length} octets, au plus ${DOSSIER_LIMITS.maxBytes} attendus`, 0);
  }
  // The native parser copes with any nesting; the locating parser (jsonc-parser) recurses, so the
  // depth is checked before it runs, on the error paths only (the valid path stays fast).
  const tooDeep = (): DossierParse | null => {
    const deep = maxNesting(text, DOSSIER_LIMITS.maxNesting);
    return deep ? fail('json-trop-imbrique', `Imbrication JSON trop profonde : plus de ${DOSSIER_LIMITS.maxNesting} niveaux de crochets ou d'accolades`, deep.offset) : null;
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const deep = tooDeep();
    if (deep) return deep;
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const what = first ? JSON_ERRORS[first.error as ParseErrorCode] ?? 'erreur de syntaxe' : 'erreur de syntaxe';
    return fail('json-invalide', `JSON invalide : ${what}`, first?.offset ?? 0);
  }
  const result = validateDossier(raw, null, file);
  if (!result.dossier) return tooDeep() ?? validateDossier(raw, text, file);
  const duplicates = findDuplicateKeys(text);
  if (duplicates.length > 0) return { dossier: null, diagnostics: duplicateKeyDiagnostics(text, file, duplicates) };
  return result;
}

function duplicateKeyDiagnostics(text: string, file: string, duplicates: readonly DuplicateKey[]): Diagnostic[] {
  const lines = new LineIndex(text);
  return duplicates.map((d) => {
    const first = lines.at(d.firstOffset);
    const path = getLocation(text, d.offset + 1).path.map((p) => (typeof p === 'number' ? p : String(p)));
    return {
      code: 'cle-en-double',
      severity: 'error',
      message: `Clé « ${d.key} » inattendue une seconde fois (déjà en ${first.line}:${first.column}), attendu une clé unique : JSON garderait la dernière sans rien dire`,
      position: { file, ...lines.at(d.offset) },
      pointer: jsonPointer(path),
    };
  });
}

/**
 * Own `__proto__` keys (JSON.parse keeps them as plain keys) anywhere in the value. zod rebuilds
 * records by assignment, which silently drops them: a statut keyed `__proto__` would vanish.
 */
function protoKeyPaths(raw: unknown): (string | number)[][] {
  if (!hasProtoKey(raw)) return [];
  const found: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[raw, []]];
  while (stack.length > 0 && found.length < 20) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((c, i) => stack.push([c, [...path, i]]));
      continue;
    }
    for (const [k, c] of Object.entries(v)) {
      if (k === '__proto__') found.push([...path, k]);
      else stack.push([c, [...path, k]]);
    }
  }
  return found;
}

function hasProtoKey(raw: unknown): boolean {
  const stack: unknown[] = [raw];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) return true;
    for (const c of Object.values(v)) if (c !== null && typeof c === 'object') stack.push(c);
  }
  return false;
}

/** Validates an already parsed value; `text` (when given) locates the problems. */
export function validateDossier(raw: unknown, text: string | null, file = 'dossier.json'): DossierParse {
  const protos = protoKeyPaths(raw);
  if (protos.length > 0) {
    const tree = text !== null ? parseJsonTree(text) : undefined;
    const lines = text !== null ? new LineIndex(text) : null;
    return {
      dossier: null,
      diagnostics: protos.map((path) => {
        const diag: Diagnostic = {
          code: 'dossier-cle-interdite',
          severity: 'error',
          message: 'Clé « __proto__ » interdite, attendu un identifiant, un nom de question ou de preuve',
          pointer: jsonPointer(path),
        };
        if (lines) {
          const { line, column } = lines.at(offsetOfPath(tree, path, true));
          diag.position = { file, line, column };
        }
        return diag;
      }).sort((a, b) => (a.position && b.position ? a.position.line - b.position.line || a.position.column - b.position.column : 0)),
    };
  }
  const result = dossierSchema.safeParse(raw, { error: fr().localeError });
  if (result.success) return { dossier: sealDossier(result.data), diagnostics: [] };
  const tree = text !== null ? parseJsonTree(text) : undefined;
  const lines = text !== null ? new LineIndex(text) : null;
  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
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

function codeOf(issue: z.core.$ZodIssue, path: (string | number)[]): string {
  if (issue.code === 'unrecognized_keys') return 'dossier-cle-inconnue';
  if (path[0] === 'statuts') return 'statut-invalide';
  if (path[0] === 'reponses') return 'reponse-invalide';
  if (path[0] === 'collectivite') return 'collectivite-invalide';
  if (path[0] === 'preuves') return path.at(-1) === 'date' ? 'preuve-date-invalide' : 'preuve-invalide';
  if (path[0] === 'date') return 'date-invalide';
  if (path[0] === 'labellisation') return 'labellisation-invalide';
  return 'dossier-invalide';
}

function describeIssue(issue: z.core.$ZodIssue, path: (string | number)[], key: string | null): string {
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
