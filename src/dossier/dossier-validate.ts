/**
 * The dossier schema (dossier-schema.ts) as plain code, for the errors: the same issues zod 4
 * reports with its French locale (code, path, message, in zod's order) and the same output, with no
 * zod in the graph (the engine must stay small in a browser). dossier-shape.ts is the fast path
 * for a valid dossier; this one runs when it refuses. zod stays the reference: dossier-validate.test.ts
 * compares the two on generated dossiers, valid and not.
 */
import { type SchemaIssue, array, boolean, number, object, oneOf, optional, record, refine, string, union } from '../validation/checks.js';
export type { SchemaIssue };
import { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth, sumsToOne } from './dossier-values.js';

const fraction = number({ min: 0, max: 1 });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = refine(
  refine(string(), (t: string) => DATE.test(t), 'Date attendue au format AAAA-MM-JJ', 'invalid_format'),
  (t: string) => !DATE.test(t) || isCalendarDate(t),
  'Date inexistante, attendu une date du calendrier au format AAAA-MM-JJ (mois de 01 à 12, jour valide pour le mois)',
);

const statut = union([
  oneOf(['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne']),
  refine(object({ fait: fraction, programme: fraction, pas_fait: fraction }, 'strict'), sumsToOne, 'Fractions détaillées invalides : fait + programme + pas_fait doit valoir exactement 1'),
]);
const partenariat = object({ intitule: string(), date, multiActeurs: boolean, climatAirEnergie: boolean }, 'strict');
const preuves = refine(object({ partenariats: optional(array(partenariat)) }, 'keep'), (p: unknown) => jsonDepth(p) <= MAX_PREUVES_DEPTH, `Preuves trop imbriquées : au plus ${MAX_PREUVES_DEPTH} niveaux`);

const dossier = object(
  {
    $schema: optional(string()),
    referentiel: optional(string()),
    date: optional(date),
    collectivite: optional(
      object(
        {
          nom: optional(string()),
          type: optional(oneOf(['commune', 'EPCI', 'syndicat'])),
          population: optional(number({ int: true, min: 0, max: 1e9 })),
          localisation: optional(oneOf(['DOM', 'Metropole'])),
          dansAireUrbaine: optional(boolean),
        },
        'strict',
      ),
    ),
    labellisation: optional(object({ etoile: number({ int: true, min: 1, max: 5 }), date: optional(date) }, 'strict')),
    reponses: optional(record(union([oneOf(['OUI', 'NON']), boolean, string({ min: 1, max: 200 }), fraction]))),
    statuts: optional(record(statut)),
    preuves: optional(preuves),
    indicateurs: optional(
      record(
        object({ resultat: optional(number()), objectif: optional(number()), cible: optional(number()), limite: optional(number()) }, 'strict'),
        string({ min: 1, max: 200 }),
      ),
    ),
  },
  'strict',
);

/**
 * A parsed dossier → zod's output (`dossierSchema.parse`) or zod's issues, French messages. Pure.
 *
 * @example
 * const r = validateDossierSchema(JSON.parse(text));
 * if (!r.ok) for (const i of r.issues) console.log(i.path.join('.'), i.message);
 */
export function validateDossierSchema(raw: unknown): { ok: true; value: unknown } | { ok: false; issues: SchemaIssue[] } {
  const r = dossier(raw);
  return r.issues.length === 0 ? { ok: true, value: r.value } : { ok: false, issues: r.issues };
}
