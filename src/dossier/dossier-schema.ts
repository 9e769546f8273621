/**
 * The dossier a collectivité submits: identity, answers to personalisation questions, statuts and
 * evidence. This zod schema is the single source of truth for the TypeScript type, the runtime
 * validation and the published JSON Schema (`schemas/dossier.schema.json`).
 */
import * as z from 'zod';
import { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth, sumsToOne } from './dossier-values.js';

export { MAX_PREUVES_DEPTH, isCalendarDate, jsonDepth };

const fraction = z.number().min(0).max(1);

export const statutDetailleSchema = z
  .object({ fait: fraction, programme: fraction, pas_fait: fraction })
  .strict()
  .refine(
    sumsToOne,
    { message: 'Fractions détaillées invalides : fait + programme + pas_fait doit valoir exactement 1' },
  )
  .describe('Avancement détaillé : trois fractions de 0 à 1 dont la somme vaut exactement 1.');

export const statutSaisiSchema = z
  .union([z.enum(['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne']), statutDetailleSchema])
  .describe("Statut d'une tâche ou d'une sous-action.");

export const collectiviteSchema = z
  .object({
    nom: z.string().optional(),
    type: z.enum(['commune', 'EPCI', 'syndicat']).optional(),
    population: z.number().int().min(0).max(1e9).optional(),
    localisation: z.enum(['DOM', 'Metropole']).optional(),
    dansAireUrbaine: z.boolean().optional().describe("Dans une aire urbaine (lu par identite(dans_aire_urbaine, OUI|NON), comme sur la plateforme)."),
  })
  .strict();

export const reponseSchema = z
  .union([z.enum(['OUI', 'NON']), z.boolean(), z.string().min(1).max(200), fraction])
  .describe('OUI/NON (ou true/false) pour une question binaire, un identifiant de choix, ou une proportion entre 0 et 1.');

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
  .refine((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t) || isCalendarDate(t), { message: 'Date inexistante, attendu une date du calendrier au format AAAA-MM-JJ (mois de 01 à 12, jour valide pour le mois)' });

export const partenariatSchema = z
  .object({
    intitule: z.string(),
    date: dateSchema,
    multiActeurs: z.boolean(),
    climatAirEnergie: z.boolean(),
  })
  .strict();

export const labellisationSchema = z
  .object({
    etoile: z.number().int().min(1).max(5).describe('Étoile du label obtenu (1 à 5).'),
    date: dateSchema.optional().describe("Date d'obtention du label (AAAA-MM-JJ), indicative."),
  })
  .strict()
  .describe("Label déjà obtenu par la collectivité pour ce référentiel : l'étoile visée est au moins la suivante.");

export const preuvesSchema = z
  .object({ partenariats: z.array(partenariatSchema).optional() })
  .catchall(z.unknown())
  .refine((p) => jsonDepth(p) <= MAX_PREUVES_DEPTH, { message: `Preuves trop imbriquées : au plus ${MAX_PREUVES_DEPTH} niveaux` })
  .describe('Éléments de preuve, lus par les règles de preuve du référentiel.');

/** Indicator values as HEAD keeps them: the collectivité's result and objective, the reference target and limit. */
export const indicateurSchema = z
  .object({
    resultat: z.number().optional().describe('Valeur de la collectivité (résultat) : lue par val(x) pour le score indicatif « fait ».'),
    objectif: z.number().optional().describe('Objectif de la collectivité : lu par val(x) pour le score indicatif « programmé ».'),
    cible: z.number().optional().describe('Valeur cible de référence, lue par cible(x).'),
    limite: z.number().optional().describe('Valeur limite (seuil) de référence, lue par limite(x).'),
  })
  .strict()
  .describe("Valeurs d'un indicateur pour le score indicatif (exprScore), montré à côté des points et jamais ajouté.");

export const dossierSchema = z
  .object({
    $schema: z.string().optional(),
    referentiel: z.string().optional().describe('Identifiant du référentiel évalué (cae, eci…).'),
    date: dateSchema.optional().describe("Date de l'évaluation ; les règles de preuve comptent les années jusqu'à elle."),
    collectivite: collectiviteSchema.optional(),
    labellisation: labellisationSchema.optional(),
    reponses: z.record(z.string(), reponseSchema).optional(),
    statuts: z.record(z.string(), statutSaisiSchema).optional().describe('Statuts par identifiant (6.1.1.3.5) ou par action (cae_6.1.1.3.5).'),
    preuves: preuvesSchema.optional(),
    indicateurs: z
      .record(z.string().min(1).max(200), indicateurSchema)
      .optional()
      .describe('Valeurs des indicateurs par identifiant (cae_7, cae_49.f-hab), lues par les formules de score indicatif.'),
  })
  .strict();

export type StatutSaisi = z.infer<typeof statutSaisiSchema>;
export type Collectivite = z.infer<typeof collectiviteSchema>;
export type Labellisation = z.infer<typeof labellisationSchema>;
export type Partenariat = z.infer<typeof partenariatSchema>;
export type Dossier = z.infer<typeof dossierSchema>;
export type IndicateurSaisi = z.infer<typeof indicateurSchema>;

/**
 * The published JSON Schema (draft 2020-12) of a dossier, generated from the zod schema.
 *
 * @example
 * writeFileSync('dossier.schema.json', JSON.stringify(dossierJsonSchema(), null, 2));
 */
export function dossierJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(dossierSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://label-cae.example/schemas/dossier.schema.json',
    title: "Dossier d'autoévaluation label-cae",
  };
}
