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

/** Where evaluationJsonBytes writes when it is given no memory (a line is copied out of it). */
const sink = new JsonBytes();
/** Where it writes into the caller's memory. */
const lent = new JsonBytes();

/**
 * The evaluation document as one line of compact JSON in UTF-8 bytes, `\n` included: the bytes
 * of `evaluationJsonLine(ev, options, ligne)`, written straight from the engine's columns without
 * ever building the line as a string (the fastest path; `cae score --batch` writes these).
 *
 * Without `memory`, the array is the caller's own (it may be kept, or transferred to another
 * thread). With `memory`, the line is written into it, or into a larger new buffer when it does
 * not fit, and the result is a view on that buffer: no allocation and no copy per line. Pass
 * `result.buffer` back with the next line once the bytes are written out.
 *
 * @example
 * process.stdout.write(evaluationJsonBytes(evaluateDossier(context, dossier), { niveau: 'mesure' }, 1));
 * // Reusing one buffer from line to line (write each line out before the next one):
 * let memory = new ArrayBuffer(1 << 20);
 * for (const [i, ev] of evaluations.entries()) {
 *   const line = evaluationJsonBytes(ev, {}, i + 1, memory);
 *   fs.writeSync(fd, line);
 *   memory = line.buffer as ArrayBuffer;
 * }
 */
export function evaluationJsonBytes(ev: Evaluation, options: ToJsonOptions = {}, ligne?: number, memory?: ArrayBuffer): Uint8Array {
  if (memory === undefined) {
    evaluationJsonInto(sink, ev, options, ligne);
    return sink.take();
  }
  lent.adopt(memory);
  evaluationJsonInto(lent, ev, options, ligne);
  const line = lent.view();
  // The sink keeps no hold on the caller's memory.
  lent.adopt(EMPTY);
  return line;
}

const EMPTY = new ArrayBuffer(0);
