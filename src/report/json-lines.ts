/**
 * The evaluation document as compact JSON lines, as `label-cae/report` publishes it: the
 * serializer itself is evaluation/serialize-evaluation.ts (written from the engine's columns).
 */
import type { Evaluation } from '../evaluation/evaluate-dossier.js';
import type { ToJsonOptions } from '../evaluation/evaluation-to-json.js';
import { JsonBytes } from '../evaluation/json-bytes.js';
import { evaluationJsonChunks as chunks, evaluationJsonInto, evaluationJsonLine as line } from '../evaluation/serialize-evaluation.js';

/**
 * The evaluation document as compact JSON text, in pieces of `perChunk` nodes of `scores`:
 * exactly `JSON.stringify({ ligne, ...evaluationToJson(ev, options) }) + "\n"` (without `ligne`
 * when it is not given), written from the engine's columns, several times faster. Streaming the
 * pieces keeps memory flat when writing many documents (`cae score --batch`).
 *
 * @example
 * for (const piece of evaluationJsonChunks(ev, { niveau: 'mesure' }, 12)) stream.write(piece);
 */
export const evaluationJsonChunks: (ev: Evaluation, options?: ToJsonOptions, ligne?: number, perChunk?: number) => Generator<string> = chunks;

/**
 * The evaluation document as one line of compact JSON, `\n` included: the text of
 * `JSON.stringify(evaluationToJson(ev, options)) + "\n"`, written from the engine's columns.
 *
 * @example
 * response.end(evaluationJsonLine(evaluateDossier(context, dossier), { niveau: 'mesure' }));
 */
export const evaluationJsonLine: (ev: Evaluation, options?: ToJsonOptions, ligne?: number) => string = line;

/** Where evaluationJsonBytes writes, reused from call to call (a line is copied out of it). */
const sink = new JsonBytes();

/**
 * The evaluation document as one line of compact JSON in UTF-8 bytes, `\n` included: the bytes
 * of `evaluationJsonLine(ev, options, ligne)`, written straight from the engine's columns without
 * ever building the line as a string (the fastest path; `cae score --batch` writes these). The
 * array is the caller's own (it may be kept, or transferred to another thread).
 *
 * @example
 * process.stdout.write(evaluationJsonBytes(evaluateDossier(context, dossier), { niveau: 'mesure' }, 1));
 */
export function evaluationJsonBytes(ev: Evaluation, options: ToJsonOptions = {}, ligne?: number): Uint8Array {
  evaluationJsonInto(sink, ev, options, ligne);
  return sink.take();
}
