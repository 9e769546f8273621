/**
 * The bundle schema (bundle-schema.ts) as plain code: the issues zod reports, worded as its French
 * locale words them, without zod in the engine's graph. bundle-validate.test.ts compares the two.
 * The référentiel inside is checked by loadReferentiel.
 */
import { type Check, type SchemaIssue, array, literal, nullable, number, object, oneOf, optional, record, string, unknown } from '../validation/checks.js';
import { position } from '../referentiel/compiled-validate.js';
import { BUNDLE_FORMAT } from './bundle-format.js';
import type { Bundle } from './bundle-schema.js';

const formuleSource = object({ formule: string(), position }, 'strict');
const id = string({ min: 1 });

const question = object(
  {
    id,
    type: oneOf(['binaire', 'choix', 'proportion']),
    formulation: string(),
    thematiqueId: nullable(string()),
    actions: array(string()),
    typesConcernes: nullable(array(string())),
    visibilite: nullable(formuleSource),
    ordonnancement: nullable(number()),
    description: string(),
    choix: array(object({ id, label: string(), ordonnancement: nullable(number()), position }, 'strict')),
    position,
  },
  'strict',
);

const regle = object({ type: oneOf(['desactivation', 'reduction', 'score']), titre: string(), formule: string(), formulePosition: position, description: string(), position }, 'strict');
const regleEntry = object({ actionId: id, titre: string(), position, regles: array(regle) }, 'strict');
const reglePreuve = object(
  {
    actionId: id,
    titre: string(),
    preuve: id,
    conditions: array(string()),
    champDate: id,
    periode: nullable(object({ quantite: number({ int: true, min: 0 }), unite: oneOf(['ans', 'mois']) }, 'strict')),
    seuil: formuleSource,
    description: string(),
    position,
  },
  'strict',
);

const bundle: Check = object(
  {
    format: literal(BUNDLE_FORMAT),
    referentiel: record(unknown),
    questions: optional(array(question)),
    personnalisations: optional(array(regleEntry)),
    reglesPreuve: optional(array(reglePreuve)),
  },
  'strict',
);

/**
 * Parsed JSON → the bundle as `bundleSchema.parse` outputs it, or zod's issues (French messages).
 *
 * @example
 * const r = validateBundle(JSON.parse(text));
 */
export function validateBundle(json: unknown): { ok: true; value: Bundle } | { ok: false; issues: SchemaIssue[] } {
  const r = bundle(json);
  return r.issues.length === 0 ? { ok: true, value: r.value as Bundle } : { ok: false, issues: r.issues };
}
