/**
 * The compiled référentiel, `label-cae/referentiel@1`: the single source of truth for its shape.
 * The TypeScript types come from `z.infer`, and the published JSON Schema
 * (`schemas/referentiel.schema.json`) from `z.toJSONSchema` (kept in sync by a test).
 */
import * as z from 'zod';

import { REFERENTIEL_FORMAT } from './format.js';
import { IDENTIFIANT_PATTERN } from './hierarchie.js';

export { REFERENTIEL_FORMAT };

/** An exact number: `6`, `3/10`, `20/3`. */
const fraction = z.string().regex(/^-?\d+(\/\d+)?$/, { error: 'attendu une fraction exacte comme `3/10`' });

export const sourcePositionSchema = z
  .object({
    file: z.string(),
    line: z.int().min(1),
    column: z.int().min(1),
    endLine: z.int().min(1).optional(),
    endColumn: z.int().min(1).optional(),
  })
  .strict();

export const niveauSchema = z.enum(['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache']);
export const categorieSchema = z.enum(['bases', 'mise_en_oeuvre', 'effets']);

export const compiledActionSchema = z
  .object({
    id: z.string().min(1).meta({ description: '`cae_6.1.1.3.5`; the root is the bare référentiel name' }),
    identifiant: z.string().regex(IDENTIFIANT_PATTERN).meta({ description: 'Dotted path as written in the source; "" for the root' }),
    parent: z.string().nullable(),
    type: niveauSchema,
    depth: z.int().min(0),
    nom: z.string(),
    points: z.number().meta({ description: 'Computed points, nearest double of pointsExact' }),
    pointsExact: fraction,
    pointsSource: fraction.nullable().meta({ description: '`points` as written in the source, exact' }),
    pourcentage: z.number().nullable(),
    pourcentageExact: fraction.nullable(),
    categorie: categorieSchema.nullable(),
    categorieSource: z.string().nullable(),
    climatPraticId: z.string().nullable(),
    sections: z.record(z.string(), z.string()),
    extra: z.record(z.string(), z.unknown()),
    position: sourcePositionSchema,
    keyPositions: z.record(z.string(), sourcePositionSchema),
    scoreIndicatif: z
      .object({ formule: z.string(), position: sourcePositionSchema })
      .strict()
      .optional()
      .meta({ description: "Indicative score (HEAD's exprScore), shown beside the points and never added to them; absent when none" }),
  })
  .strict();

export const compiledReferentielSchema = z
  .object({
    format: z.literal(REFERENTIEL_FORMAT),
    referentiel: z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        nom: z.string(),
        hierarchie: z.array(niveauSchema).min(1),
        actionLevel: z.int().min(0),
        points: z.number(),
        pointsExact: fraction,
        options: z
          .object({ redistribution: z.boolean(), personnalisation: z.enum(['toutes', 'desactivation']) })
          .strict()
          .optional()
          .meta({ description: "Scoring options the root declares (`redistribution: false`, `personnalisation: desactivation`); absent: redistribution and every rule type" }),
      })
      .strict(),
    actions: z.array(compiledActionSchema).min(1).meta({ description: 'Every node, root first, depth-first, children by identifiant' }),
  })
  .strict()
  .meta({ title: 'Référentiel compilé label-cae', description: 'Sortie de `cae build` (label-cae/referentiel@1)' });

export type CompiledReferentiel = z.infer<typeof compiledReferentielSchema>;
export type CompiledAction = z.infer<typeof compiledActionSchema>;

/**
 * The JSON Schema published as `schemas/referentiel.schema.json`.
 *
 * @example
 * console.log(JSON.stringify(referentielJsonSchema(), null, 2));
 */
export function referentielJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(compiledReferentielSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
