/**
 * Reads a dossier from JSON text. Every problem becomes a diagnostic that names `file:line:col`
 * and the JSON pointer, in French, with a stable code; nothing throws.
 * The fast path is the native JSON.parse and the compiled validator (dossier-shape.ts); zod and the
 * located JSON tree are only used when something is wrong. The functions of this module that take
 * no zod are in parse-dossier-core.ts' sense "With"; parseDossierText and validateDossier
 * (dossier-errors.ts) always have it.
 */
import { requireArgument } from '../diagnostics/argument.js';
import { type ParseError, type ParseErrorCode, getLocation, parse as parseJsonc } from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dossier } from './dossier-schema.js';
import { dossierShape } from './dossier-shape.js';
import { LineIndex, jsonPointer, maxNesting, offsetOfPath, parseJsonTree } from './json-locations.js';
import { type DuplicateKey, countKeyTokens, findDuplicateKeys } from './duplicate-keys.js';
import { DOSSIER_LIMITS } from './limits.js';
import { sealDossier, sealedKeyCount } from './sealed-dossier.js';
import { ownedDossier } from './owned-dossier.js';

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

/**
 * parseDossierText with the zod validation given (null: the result is null when zod is needed).
 * `names` (flatTree(referentiel).indexByName, readDossier's) resolves the statut keys while they
 * are checked, for the check against the référentiel that follows (statuts-lus.ts).
 */
export function parseDossierTextWith(text: string, file: string, zod: ZodValidation | null, names: ReadonlyMap<string, number> | null = null): DossierParse | null {
  return parseText(text, file, zod, true, names);
}

/**
 * parseDossierTextWith without its fast path (owned-dossier.ts): the reference it is tested
 * against; the fast path hands over to it whenever it is not sure.
 */
export function parseDossierTextReference(text: string, file: string, zod: ZodValidation | null): DossierParse | null {
  return parseText(text, file, zod, false, null);
}

function parseText(text: string, file: string, zod: ZodValidation | null, fast: boolean, names: ReadonlyMap<string, number> | null): DossierParse | null {
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
  if (fast) {
    // The value checked where it is; null (anything unusual) leaves it to the checks below.
    const owned = ownedDossier(text, raw, names);
    if (owned) return { dossier: owned, diagnostics: [] };
  }
  // One cheap pass over the text: whether a `__proto__` key is possible, and how many keys
  // were written (as many as JSON.parse kept: no key twice, findDuplicateKeys is not needed).
  const written = countKeyTokens(text);
  const result = validateDossierWith(raw, null, file, zod, written.mayHaveProto);
  if (result === null) return null;
  if (!result.dossier) return tooDeep() ?? validateDossierWith(raw, text, file, zod);
  // The sealed dossier holds at most the parsed value's keys, which are at most those written:
  // when it holds as many as were written, JSON.parse dropped none, so none was written twice.
  if (written.keys === sealedKeyCount(result.dossier)) return result;
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

/**
 * The schema's validation with its positioned French errors (parse-dossier.ts, zod's issues
 * computed without zod by dossier-validate.ts), needed only for a dossier the compiled validator
 * refuses. Passed in so that this module does not load it when every dossier is valid.
 */
export type ZodValidation = (raw: unknown, text: string | null, file: string) => DossierParse;

let registered: ZodValidation | null = null;

/** Called by parse-dossier.ts when it loads: validations without an explicit one use it. */
export function registerZodValidation(zod: ZodValidation): void {
  registered = zod;
}

export function registeredZodValidation(): ZodValidation | null {
  return registered;
}

/**
 * Validates an already parsed value (`text`, when given, locates the problems): the compiled
 * validator, then zod for what it refuses. Null when zod is needed and not given.
 * `mayHaveProto` false: the text it was parsed from has no key that can be `__proto__`
 * (countKeyTokens), so the value is not walked for one.
 */
export function validateDossierWith(raw: unknown, text: string | null, file: string, zod: ZodValidation | null, mayHaveProto = true): DossierParse | null {
  const protos = mayHaveProto ? protoKeyPaths(raw) : [];
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
  const shape = dossierShape(raw);
  if (typeof shape === 'object') return { dossier: sealDossier(shape.dossier), diagnostics: [] };
  // Refused (or a value JSON cannot hold): zod decides, and words the errors.
  return zod ? zod(raw, text, file) : null;
}
