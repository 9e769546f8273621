/**
 * Per-rule severity, remark-lint style: `off` / `warn` / `error` (also `0` / `1` / `2`, and `info`),
 * read from a JSON file `{ "rules": { "rule-id": "warn" } }`.
 */
import { type ParseError, parse as parseJsonc } from 'jsonc-parser';
import { LineIndex } from '../dossier/json-locations.js';
import type { Severity, SeveritySetting } from './types.js';

export interface LintConfig {
  rules?: Record<string, SeveritySetting>;
}

/**
 * Thrown by `parseLintConfig` for an invalid configuration: a French message and a stable `code`.
 *
 * @example
 * try { parseLintConfig(text, lintRules.map((r) => r.id)); } catch (e) { if (e instanceof LintConfigError) console.error(e.code, e.message); }
 */
export class LintConfigError extends Error {
  readonly code = 'config-invalide';
}

/** `off` → null (rule disabled); otherwise the severity. */
export function normalizeSeverity(setting: unknown): Severity | null | undefined {
  switch (setting) {
    case 'off':
    case 0:
      return null;
    case 'warn':
    case 'warning':
    case 1:
      return 'warning';
    case 'error':
    case 2:
      return 'error';
    case 'info':
      return 'info';
    default:
      return undefined;
  }
}

/**
 * Parses and checks a configuration text; throws `LintConfigError` with a French message.
 *
 * @example
 * const config = parseLintConfig('{ "rules": { "espaces-fin-de-ligne": "off" } }', lintRules.map((r) => r.id), '.caelintrc.json');
 */
export function parseLintConfig(text: string, knownRules: readonly string[], source = 'configuration'): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Locate the error ourselves: JSON.parse's message is English and engine-specific.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
    const offset = errors[0]?.offset ?? 0;
    const { line, column } = new LineIndex(text).at(offset);
    throw new LintConfigError(`${source}:${line}:${column} : JSON invalide, attendu { "rules": { "id-de-regle": "warn" } }`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LintConfigError(`${source} : objet inattendu, attendu { "rules": { "id-de-regle": "warn" } }`);
  const extra = Object.keys(raw).filter((k) => k !== 'rules');
  if (extra.length > 0) throw new LintConfigError(`${source} : clé inattendue « ${extra[0]} », attendu seulement « rules »`);
  const rules = (raw as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new LintConfigError(`${source} : « rules » inattendu, attendu un objet { "id-de-regle": "warn" }`);
  for (const [id, value] of Object.entries(rules)) {
    if (!knownRules.includes(id)) throw new LintConfigError(`${source} : règle inconnue « ${id} », attendu l'une de : ${knownRules.join(', ')}`);
    if (normalizeSeverity(value) === undefined) throw new LintConfigError(`${source} : sévérité inattendue ${JSON.stringify(value)} pour « ${id} », attendu "off", "warn", "error", "info", 0, 1 ou 2`);
  }
  return { rules: rules as Record<string, SeveritySetting> };
}
