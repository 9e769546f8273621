/**
 * One call from a dossier to its evaluation document: the bundle (or a context already loaded)
 * and the dossier (JSON text or object) in, `cae score --format json`'s document out. A result,
 * never an exception, for what is wrong in the inputs: `ok` tells which case it is.
 */
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { isBundle, loadBundle } from './bundle.js';
import { type EvaluationContext, evaluateDossier } from './evaluate-dossier.js';
import type { EvaluationJson } from './evaluation-document.js';
import { evaluationToJson } from './evaluation-to-json.js';
import { readDossier } from './read-dossier.js';

export type ScoreDossierResult =
  | { ok: true; document: EvaluationJson; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface ScoreDossierOptions {
  /** Name of the dossier in positions (`dossier.json:3:5`) when it is given as text. */
  file?: string;
  /** Add every node's explanation to the document (`cae score --format json --explain`). */
  explain?: boolean;
}

// A bundle is loaded once per object: scoring many dossiers against one bundle parses it once.
const loaded = new WeakMap<object, { context: EvaluationContext | null; diagnostics: Diagnostic[] }>();

function contextOf(bundle: unknown): { context: EvaluationContext | null; diagnostics: Diagnostic[] } {
  if (!isBundle(bundle)) return { context: bundle as EvaluationContext, diagnostics: [] };
  const known = loaded.get(bundle as object);
  if (known) return known;
  const result = loadBundle(bundle);
  loaded.set(bundle as object, result);
  return result;
}

/**
 * Scores a dossier against a bundle. `bundle` is a `label-cae/bundle@2` value (`cae build`'s
 * output parsed, or `embeddedBundle` from `label-cae/embedded`), loaded once per object, or a
 * context from `loadBundle`/`loadEvaluationContext`. `input` is the dossier as JSON text
 * (diagnostics then carry `file:line:col`) or as an object (JSON pointers only).
 *
 * Returns `{ ok: true, document, diagnostics }` where `document` is exactly the
 * `label-cae/evaluation@1` JSON of `cae score --format json` and `diagnostics` the warnings, or
 * `{ ok: false, diagnostics }` when the bundle or the dossier has an error (French messages,
 * stable codes). Throws `TypeError` only when `bundle` is neither a bundle nor a context.
 *
 * @example
 * import { scoreDossier } from 'label-cae';
 * import { embeddedBundle } from 'label-cae/embedded';
 * const r = scoreDossier(embeddedBundle, { statuts: { '6.1.1.2': 'fait' } });
 * if (r.ok) console.log(r.document.etoile.etoile, r.document.scores['cae_6.1.1']?.pointFait);
 * else for (const d of r.diagnostics) console.error(d.message);
 */
export function scoreDossier(bundle: unknown, input: string | object, options: ScoreDossierOptions = {}): ScoreDossierResult {
  const { context, diagnostics: bundleDiagnostics } = contextOf(bundle);
  if (!context || hasErrors(bundleDiagnostics)) return { ok: false, diagnostics: [...bundleDiagnostics] };
  const asText = typeof input === 'string';
  const read = readDossier(context, asText ? input : JSON.stringify(input), options.file ?? 'dossier.json');
  // An object has no text to point into: its diagnostics keep their JSON pointer only.
  const diagnostics = asText ? read.diagnostics : read.diagnostics.map(withoutPosition);
  if (!read.dossier) return { ok: false, diagnostics };
  const document = evaluationToJson(evaluateDossier(context, read.dossier), { explain: options.explain === true });
  return { ok: true, document, diagnostics };
}

function withoutPosition(d: Diagnostic): Diagnostic {
  if (!d.position || d.pointer === undefined) return d;
  const { position: _position, ...rest } = d;
  return rest;
}
