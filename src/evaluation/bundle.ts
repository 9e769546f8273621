/**
 * Loading a bundle (`label-cae/bundle@2`, bundle-schema.ts): a référentiel and its companions,
 * compiled, in one JSON document, so they cannot be separated (forgetting the questions or the rules
 * would silently change every score). `cae build` writes it; `--referentiel bundle.json`,
 * `loadBundle` and `scoreDossier` read it.
 *
 * Pure and small (the engine's browser graph): no Markdown, YAML or zod here. The formulas are
 * parsed and checked again from their text, at the positions they had in the Markdown files, so a
 * problem still names `cae_6.md:8:1`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jsonPointer } from '../diagnostics/json-pointer.js';
import type { Personnalisation } from '../personnalisation/personnalisation.js';
import type { Question } from '../personnalisation/question.js';
import { checkVisibilites, readVisibilite } from '../personnalisation/visibilite.js';
import { compileSeuil } from '../preuves/compile-seuil.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import { loadReferentiel } from '../referentiel/load-referentiel.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V1 } from './bundle-format.js';
import type { Bundle } from './bundle-schema.js';
import { validateBundle } from './bundle-validate.js';
import { assembleContext, personnalisationFrom } from './context-from-companions.js';
import type { EvaluationContext } from './evaluation-context.js';

export { BUNDLE_FORMAT };
export type { Bundle };

/** True for a value that says it is a bundle, of any format version (its content may still be invalid). */
export function isBundle(json: unknown): boolean {
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  return typeof format === 'string' && format.startsWith('label-cae/bundle@');
}

/** A bundle's questions, their visibility formulas parsed (their problems go to `diagnostics`). */
export function bundleQuestions(bundle: Pick<Bundle, 'questions'>, diagnostics: Diagnostic[] = []): Question[] {
  return (bundle.questions ?? []).map((q): Question => ({ ...q, visibilite: q.visibilite ? readVisibilite(q.visibilite.formule, q.visibilite.position, q.id, diagnostics) : null }));
}


/**
 * Bundle JSON (parsed) → the evaluation context. Pure: reads no file. Never throws; problems are
 * diagnostics (JSON pointers into the bundle, or positions in the Markdown files it was built
 * from). A `label-cae/bundle@1` (companions as Markdown text) is refused with a diagnostic that
 * says to rebuild it (`loadEvaluationContext` of `label-cae/node` still reads it).
 *
 * @example
 * const { context, diagnostics } = loadBundle(JSON.parse(text));
 * if (!context) for (const d of diagnostics) console.error(formatDiagnostic(d));
 */
export function loadBundle(json: unknown): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUNDLE_FORMAT_V1) {
    const message = `Bundle au format ${BUNDLE_FORMAT_V1} inattendu, attendu ${BUNDLE_FORMAT} (questions et règles compilées) : reconstruisez-le avec \`cae build\`, ou lisez-le avec loadEvaluationContext de label-cae/node`;
    return { context: null, diagnostics: [{ code: 'bundle-perime', severity: 'error', message, pointer: '/format' }] };
  }
  const parsed = validateBundle(json);
  if (!parsed.ok) {
    return { context: null, diagnostics: parsed.issues.slice(0, 50).map((issue) => ({ code: 'bundle-invalide', severity: 'error', message: issue.message, pointer: jsonPointer(issue.path) })) };
  }
  const bundle = parsed.value;
  const loaded = loadReferentiel(bundle.referentiel);
  const referentiel = loaded.referentiel;
  if (!referentiel) return { context: null, diagnostics: loaded.diagnostics.map((d) => (d.pointer !== undefined ? { ...d, pointer: `/referentiel${d.pointer}` } : d)) };
  const diagnostics = [...loaded.diagnostics];
  if (bundle.personnalisations && !bundle.questions) {
    diagnostics.push({ code: 'questions-manquantes', severity: 'error', message: 'Règles de personnalisation sans questions, attendu aussi les questions (les règles lisent les réponses)', pointer: '/personnalisations' });
    return { context: null, diagnostics };
  }
  let personnalisation: Personnalisation | undefined;
  if (bundle.questions) {
    const questions = bundleQuestions(bundle, diagnostics);
    checkVisibilites(questions, diagnostics);
    personnalisation = personnalisationFrom(referentiel, questions, bundle.personnalisations ?? [], diagnostics);
  }
  let reglesPreuve: RegleDePreuve[] | undefined;
  if (bundle.reglesPreuve) {
    reglesPreuve = [];
    for (const r of bundle.reglesPreuve) {
      const seuil = compileSeuil(r.seuil.formule, r.seuil.position, diagnostics);
      if (seuil) reglesPreuve.push({ ...r, seuil });
    }
  }
  return assembleContext(referentiel, personnalisation, reglesPreuve, diagnostics);
}
