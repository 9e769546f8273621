/**
 * The compiled référentiel's schema (compiled-schema.ts) as plain code: the issues zod reports,
 * worded as its French locale words them, without zod in the engine's graph. compiled-validate.test.ts
 * compares the two on the embedded référentiel and mutations of it.
 */
import { type Check, type SchemaIssue, array, boolean, literal, nullable, number, object, oneOf, optional, record, regex, string, unknown } from '../validation/checks.js';
import type { CompiledReferentiel } from './compiled-schema.js';
import { REFERENTIEL_FORMAT } from './format.js';
import { IDENTIFIANT_PATTERN } from './hierarchie.js';

const fraction = regex(string(), /^-?\d+(\/\d+)?$/, 'attendu une fraction exacte comme `3/10`');
const positive = number({ int: true, min: 1 });
/** A source position (`sourcePositionSchema`), also checked in bundles. */
export const position = object({ file: string(), line: positive, column: positive, endLine: optional(positive), endColumn: optional(positive) }, 'strict');
const niveau = oneOf(['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache']);

const action = object(
  {
    id: string({ min: 1 }),
    identifiant: regex(string(), IDENTIFIANT_PATTERN),
    parent: nullable(string()),
    type: niveau,
    depth: number({ int: true, min: 0 }),
    nom: string(),
    points: number(),
    pointsExact: fraction,
    pointsSource: nullable(fraction),
    pourcentage: nullable(number()),
    pourcentageExact: nullable(fraction),
    categorie: nullable(oneOf(['bases', 'mise_en_oeuvre', 'effets'])),
    categorieSource: nullable(string()),
    climatPraticId: nullable(string()),
    sections: record(string()),
    extra: record(unknown),
    position,
    keyPositions: record(position),
    scoreIndicatif: optional(object({ formule: string(), position }, 'strict')),
  },
  'strict',
);

const referentiel: Check = object(
  {
    format: literal(REFERENTIEL_FORMAT),
    referentiel: object(
      {
        id: regex(string(), /^[a-z][a-z0-9-]*$/),
        nom: string(),
        hierarchie: array(niveau, { min: 1 }),
        actionLevel: number({ int: true, min: 0 }),
        points: number(),
        pointsExact: fraction,
        options: optional(object({ redistribution: boolean, personnalisation: oneOf(['toutes', 'desactivation']) }, 'strict')),
      },
      'strict',
    ),
    actions: array(action, { min: 1 }),
  },
  'strict',
);

/**
 * Parsed JSON → the compiled référentiel as `compiledReferentielSchema.parse` outputs it, or zod's
 * issues (French messages). Pure.
 *
 * @example
 * const r = validateCompiledReferentiel(JSON.parse(text));
 */
export function validateCompiledReferentiel(json: unknown): { ok: true; value: CompiledReferentiel } | { ok: false; issues: SchemaIssue[] } {
  const r = referentiel(json);
  return r.issues.length === 0 ? { ok: true, value: r.value as CompiledReferentiel } : { ok: false, issues: r.issues };
}
