/**
 * A référentiel and its companions as one JSON document (`label-cae/bundle@1`), so they cannot be
 * separated: forgetting the questions or the rules would silently change every score. `cae build`
 * writes it; `--referentiel bundle.json` and `loadBundle` read it.
 *
 * The référentiel is compiled (`label-cae/referentiel@1`); the companions are kept as their
 * Markdown text, file by file, and parsed again on load: their diagnostics then keep the
 * positions of the files the maintainers edit (`cae_6.md:8:1`), and the bundle needs no second
 * format for formulas.
 */
import * as z from 'zod';
import { fr } from 'zod/locales';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../markdown/read-files.js';
import { compileReferentiel } from '../referentiel/compile-referentiel.js';
import { loadReferentiel } from '../referentiel/load-referentiel.js';
import type { Referentiel } from '../referentiel/model.js';
import { type CompanionFiles, contextFromFiles } from './context-from-files.js';
import type { EvaluationContext } from './evaluate-dossier.js';

/**
 * The `format` of a bundle (`label-cae/bundle@1`): a référentiel and its companions in one JSON document.
 *
 * @example
 * if (json.format === BUNDLE_FORMAT) console.log(loadBundle(json).diagnostics);
 */
export const BUNDLE_FORMAT = 'label-cae/bundle@1';

const fichierSchema = z.object({ fichier: z.string().min(1), contenu: z.string() }).strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    referentiel: z.record(z.string(), z.unknown()).describe('Le référentiel compilé (label-cae/referentiel@1).'),
    questions: z.array(fichierSchema).optional().describe('Fichiers Markdown des questions de personnalisation.'),
    personnalisations: z.array(fichierSchema).optional().describe('Fichiers Markdown des règles de personnalisation.'),
    reglesPreuve: z.array(fichierSchema).optional().describe('Fichiers Markdown des règles de preuve.'),
  })
  .strict();

export type Bundle = z.infer<typeof bundleSchema>;

const toFichiers = (files: readonly SourceFile[] | undefined) => files?.map((f) => ({ fichier: f.displayPath ?? f.path, contenu: f.content }));
const fromFichiers = (list: readonly { fichier: string; contenu: string }[] | undefined): SourceFile[] | undefined => list?.map((f) => ({ path: f.fichier, displayPath: f.fichier, content: f.contenu }));

/**
 * A parsed référentiel and its companion files (questions, personalisation rules, evidence rules, as
 * Markdown text) → a `label-cae/bundle@1` value. Pure, never throws; it does not check the
 * companions: load the result with `loadBundle` (or use `buildBundle` of `label-cae/node`, which checks).
 *
 * @example
 * const bundle = compileBundle(referentiel, { questions: [{ path: 'q.md', content: text }] });
 */
export function compileBundle(referentiel: Referentiel, companions: CompanionFiles): Bundle {
  const bundle: Bundle = { format: BUNDLE_FORMAT, referentiel: compileReferentiel(referentiel) as unknown as Record<string, unknown> };
  const questions = toFichiers(companions.questions);
  const personnalisations = toFichiers(companions.personnalisations);
  const reglesPreuve = toFichiers(companions.reglesPreuve);
  if (questions) bundle.questions = questions;
  if (personnalisations) bundle.personnalisations = personnalisations;
  if (reglesPreuve) bundle.reglesPreuve = reglesPreuve;
  return bundle;
}

/** True for a value that says it is a bundle (its content may still be invalid). */
export function isBundle(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUNDLE_FORMAT;
}

/**
 * Bundle JSON (parsed) → the evaluation context. Pure: reads no file. Never throws; problems are
 * diagnostics (JSON pointers into the bundle, or positions in its companion files).
 *
 * @example
 * const { context, diagnostics } = loadBundle(JSON.parse(text));
 * if (!context) for (const d of diagnostics) console.error(formatDiagnostic(d));
 */
export function loadBundle(json: unknown): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  const parsed = bundleSchema.safeParse(json, { error: fr().localeError });
  if (!parsed.success) {
    return {
      context: null,
      diagnostics: parsed.error.issues.slice(0, 50).map((issue) => ({ code: 'bundle-invalide', severity: 'error', message: issue.message, pointer: issue.path.map((p) => `/${String(p)}`).join('') })),
    };
  }
  const { referentiel, diagnostics } = loadReferentiel(parsed.data.referentiel);
  if (!referentiel) return { context: null, diagnostics: diagnostics.map((d) => (d.pointer !== undefined ? { ...d, pointer: `/referentiel${d.pointer}` } : d)) };
  const companions: CompanionFiles = {};
  const questions = fromFichiers(parsed.data.questions);
  const personnalisations = fromFichiers(parsed.data.personnalisations);
  const reglesPreuve = fromFichiers(parsed.data.reglesPreuve);
  if (questions) companions.questions = questions;
  if (personnalisations) companions.personnalisations = personnalisations;
  if (reglesPreuve) companions.reglesPreuve = reglesPreuve;
  const loaded = contextFromFiles(referentiel, companions);
  return { context: loaded.context, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}

/**
 * The published JSON Schema (draft 2020-12) of a bundle, generated from the zod schema.
 *
 * @example
 * writeFileSync('bundle.schema.json', JSON.stringify(bundleJsonSchema(), null, 2));
 */
export function bundleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(bundleSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://label-cae.example/schemas/bundle.schema.json', title: 'Référentiel label-cae et ses compagnons (bundle)' };
}
