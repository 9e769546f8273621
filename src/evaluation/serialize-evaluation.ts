/**
 * The evaluation document as compact JSON text, in small chunks: exactly
 * `JSON.stringify({ ligne, ...evaluationToJson(ev, options) }) + "\n"` (without `ligne` when it is
 * not given). Every part but `scores` and `statuts` is stringified as usual, in the document's
 * own key order (evaluationDocumentWith), so a part added to the document is written with no
 * change here; `scores` is written from the engine's columns (serialize-scores.ts), `statuts`
 * from its statut codes (serialize-statuts.ts).
 */
import type { Evaluation } from './evaluate-dossier.js';
import { type ToJsonOptions, evaluationDocumentWith } from './evaluation-to-json.js';
import { nodesOfNiveau } from './niveau.js';
import type { JsonBytes } from './json-bytes.js';
import { scoresJsonChunks, scoresJsonInto } from './serialize-scores.js';
import { statutsJson, statutsJsonInto } from './serialize-statuts.js';

const SCORES = Symbol('scores');
const STATUTS = Symbol('statuts');

export function* evaluationJsonChunks(ev: Evaluation, options: ToJsonOptions = {}, ligne?: number, perChunk = 64): Generator<string> {
  const niveau = options.niveau ?? 'tache';
  const doc = evaluationDocumentWith(ev, SCORES, options, { statuts: STATUTS });
  const members: Record<string, unknown> = ligne === undefined ? doc : { ligne, ...doc };
  let text = '{';
  let first = true;
  for (const key of Object.keys(members)) {
    const value = members[key];
    const comma = first ? '' : ',';
    if (value === SCORES) {
      yield `${text}${comma}"scores":{`;
      yield* scoresJsonChunks(ev, niveau === 'tache' ? null : nodesOfNiveau(ev.referentiel, niveau), perChunk);
      text = '}';
    } else if (value === STATUTS) {
      // A section of its own: the text so far is not copied into a larger string.
      yield `${text}${comma}"statuts":`;
      yield statutsJson(ev, niveau);
      text = '';
    } else {
      const json = JSON.stringify(value);
      // JSON.stringify leaves out members whose value has no JSON form (undefined).
      if (json === undefined) continue;
      text += `${comma}${JSON.stringify(key)}:${json}`;
    }
    first = false;
  }
  yield `${text}}\n`;
}

/**
 * evaluationJsonChunks' text as UTF-8 bytes, into `out` (the batch: no string of the line is
 * built). The same members in the same order; `scores` and `statuts` written as bytes. The other
 * sections are stringified then encoded: writing them byte by byte in JavaScript (keys and short
 * ASCII strings copied, long strings encoded natively after a native escape check) was measured
 * slower than V8's native JSON.stringify (constats: 0.30 ms per CAE dossier against 0.26, best of
 * 21 alternated rounds, load ~4; git history of branch fast-sections, commit bf472af).
 */
export function evaluationJsonInto(out: JsonBytes, ev: Evaluation, options: ToJsonOptions = {}, ligne?: number): void {
  const niveau = options.niveau ?? 'tache';
  const doc = evaluationDocumentWith(ev, SCORES, options, { statuts: STATUTS });
  const members: Record<string, unknown> = ligne === undefined ? doc : { ligne, ...doc };
  out.ascii('{');
  let first = true;
  for (const key of Object.keys(members)) {
    const value = members[key];
    const comma = first ? '' : ',';
    if (value === SCORES) {
      out.ascii(`${comma}"scores":{`);
      scoresJsonInto(out, ev, niveau === 'tache' ? null : nodesOfNiveau(ev.referentiel, niveau));
      out.ascii('}');
    } else if (value === STATUTS) {
      out.ascii(`${comma}"statuts":`);
      statutsJsonInto(out, ev, niveau);
    } else {
      const json = JSON.stringify(value);
      // JSON.stringify leaves out members whose value has no JSON form (undefined).
      if (json === undefined) continue;
      out.text(`${comma}${JSON.stringify(key)}:${json}`);
    }
    first = false;
  }
  out.ascii('}\n');
}

/** The whole line as one string (the service and small documents). */
export function evaluationJsonLine(ev: Evaluation, options: ToJsonOptions = {}, ligne?: number): string {
  let out = '';
  for (const chunk of evaluationJsonChunks(ev, options, ligne)) out += chunk;
  return out;
}
