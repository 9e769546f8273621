/**
 * Reading a `label-cae/bundle@1` (companions kept as Markdown text), for `label-cae/node` only: the
 * text is parsed as the folders it came from would be, so scores are those of the folders. The
 * pure `loadBundle` refuses this format (it has no Markdown parser); a warning says to rebuild.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jsonPointer } from '../diagnostics/json-pointer.js';
import type { SourceFile } from '../markdown/read-files.js';
import { loadReferentiel } from '../referentiel/load-referentiel.js';
import { array, literal, object, optional, record, string, unknown } from '../validation/checks.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_V1 } from './bundle-format.js';
import { type CompanionFiles, contextFromFiles } from './context-from-files.js';
import type { EvaluationContext } from './evaluation-context.js';

const fichiers = optional(array(object({ fichier: string({ min: 1 }), contenu: string() }, 'strict')));
const bundleV1 = object({ format: literal(BUNDLE_FORMAT_V1), referentiel: record(unknown), questions: fichiers, personnalisations: fichiers, reglesPreuve: fichiers }, 'strict');

type Fichiers = { fichier: string; contenu: string }[] | undefined;
const toFiles = (list: Fichiers): SourceFile[] | undefined => list?.map((f) => ({ path: f.fichier, displayPath: f.fichier, content: f.contenu }));

/** A parsed `label-cae/bundle@1` → the evaluation context, with a warning that asks to rebuild it. */
export function loadBundleV1(json: unknown, file: string): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [
    { code: 'bundle-format-ancien', severity: 'warning', message: `${file} : bundle au format ${BUNDLE_FORMAT_V1}, lu en analysant à nouveau son Markdown ; attendu ${BUNDLE_FORMAT}, que loadBundle et les navigateurs lisent : reconstruisez-le avec \`cae build\``, pointer: '/format' },
  ];
  const parsed = bundleV1(json);
  if (parsed.issues.length > 0) {
    for (const issue of parsed.issues.slice(0, 50)) diagnostics.push({ code: 'bundle-invalide', severity: 'error', message: issue.message, pointer: jsonPointer(issue.path) });
    return { context: null, diagnostics };
  }
  const data = parsed.value as { referentiel: unknown; questions: Fichiers; personnalisations: Fichiers; reglesPreuve: Fichiers };
  const loaded = loadReferentiel(data.referentiel);
  if (!loaded.referentiel) return { context: null, diagnostics: [...diagnostics, ...loaded.diagnostics.map((d) => (d.pointer !== undefined ? { ...d, pointer: `/referentiel${d.pointer}` } : d))] };
  const companions: CompanionFiles = {};
  const questions = toFiles(data.questions);
  const personnalisations = toFiles(data.personnalisations);
  const reglesPreuve = toFiles(data.reglesPreuve);
  if (questions) companions.questions = questions;
  if (personnalisations) companions.personnalisations = personnalisations;
  if (reglesPreuve) companions.reglesPreuve = reglesPreuve;
  const context = contextFromFiles(loaded.referentiel, companions);
  return { context: context.context, diagnostics: [...diagnostics, ...loaded.diagnostics, ...context.diagnostics] };
}
