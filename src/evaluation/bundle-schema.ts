/**
 * The bundle format, `label-cae/bundle@2`: the compiled référentiel with its companions already
 * compiled (questions, personalisation rules, evidence rules as JSON). This zod schema is the source
 * of the TypeScript types and of the published JSON Schema (`schemas/bundle.schema.json`); the
 * engine validates bundles without zod (bundle-validate.ts, tested equal to this schema).
 *
 * Formulas stay text, with the position of their first character in the Markdown file they came
 * from: `loadBundle` parses and checks them again, so its diagnostics, and the explanations of the
 * rules when scoring, still name `cae_6.md:8:1`.
 */
import * as z from 'zod';
import { sourcePositionSchema } from '../referentiel/compiled-schema.js';
import { BUNDLE_FORMAT } from './bundle-format.js';

const position = sourcePositionSchema;

/** A formula as written, and where its text starts in its Markdown file (it is parsed from there). */
const formuleSource = z.object({ formule: z.string(), position }).strict();

const questionSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(['binaire', 'choix', 'proportion']),
    formulation: z.string(),
    thematiqueId: z.string().nullable(),
    actions: z.array(z.string()),
    typesConcernes: z.array(z.string()).nullable(),
    visibilite: formuleSource.nullable().describe('Formule de visibilité (## Visibilité), null : toujours posée.'),
    ordonnancement: z.number().nullable(),
    description: z.string(),
    choix: z.array(z.object({ id: z.string().min(1), label: z.string(), ordonnancement: z.number().nullable(), position }).strict()),
    position,
  })
  .strict();

const regleSchema = z
  .object({
    type: z.enum(['desactivation', 'reduction', 'score']),
    titre: z.string(),
    formule: z.string(),
    formulePosition: position.describe('Premier caractère de la formule dans son fichier.'),
    description: z.string(),
    position,
  })
  .strict();

const regleEntrySchema = z.object({ actionId: z.string().min(1), titre: z.string(), position, regles: z.array(regleSchema) }).strict();

const reglePreuveSchema = z
  .object({
    actionId: z.string().min(1),
    titre: z.string(),
    preuve: z.string().min(1),
    conditions: z.array(z.string()),
    champDate: z.string().min(1),
    periode: z.object({ quantite: z.int().min(0), unite: z.enum(['ans', 'mois']) }).strict().nullable(),
    seuil: formuleSource,
    description: z.string(),
    position,
  })
  .strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    referentiel: z.record(z.string(), z.unknown()).describe('Le référentiel compilé (label-cae/referentiel@1).'),
    questions: z.array(questionSchema).optional().describe('Questions de personnalisation compilées.'),
    personnalisations: z.array(regleEntrySchema).optional().describe('Règles de personnalisation compilées, par action (formules en texte).'),
    reglesPreuve: z.array(reglePreuveSchema).optional().describe('Règles de preuve compilées (seuil en texte).'),
  })
  .strict();

export type Bundle = z.infer<typeof bundleSchema>;

/**
 * The published JSON Schema (draft 2020-12) of a bundle, generated from the zod schema.
 *
 * @example
 * writeFileSync('bundle.schema.json', JSON.stringify(bundleJsonSchema(), null, 2));
 */
export function bundleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(bundleSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://label-cae.example/schemas/bundle.schema.json', title: 'Référentiel label-cae et ses compagnons compilés (bundle)' };
}
