/**
 * One line of `cae score --batch`, scored: the text to write and the diagnostics to print. Pure
 * (no I/O), so the same function runs in the main thread (`--jobs 1`) and in the worker threads.
 */
import { DOSSIER_LIMITS, type Diagnostic, type Evaluation, type EvaluationContext, type ReadDossierResult, evaluateDossier, formatDiagnosticWithPointer, locateDiagnostics, readDossierAsync } from 'label-cae';
import { type Niveau, evaluationJsonBytes } from 'label-cae/report';
import { csvErrorRow, csvRows } from './batch-csv.js';
import type { LigneTropLongue } from './read-lines.js';

export interface BatchLineOptions {
  explain: boolean;
  /** Warnings make the line invalid. */
  strict: boolean;
  niveau: Niveau;
  format: 'json' | 'csv';
  /** The input's name in diagnostics (`<stdin>` or the path). */
  label: string;
}

export interface LineResult {
  /** The output of a blank or invalid line (JSON or a CSV row), before scoreLineBytes encodes it. */
  out: string[];
  /** Diagnostics to print on stderr, one per line, already formatted. */
  stderr: string[];
  status: 'note' | 'invalide' | 'vide';
}

export interface LineBytes extends Omit<LineResult, 'out'> {
  out: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * One line of a batch scored, its output as UTF-8 bytes (the batch, in the main thread or a
 * worker, and the service's batch route): a scored line's JSON is written as bytes
 * (evaluationJsonBytes), never built as a string, into `memory` when given (the result is then a
 * view on it, or on a larger buffer when it did not fit); without, into a buffer of its own.
 */
export async function scoreLineBytes(context: EvaluationContext, line: string | LigneTropLongue, ligne: number, options: BatchLineOptions, memory?: ArrayBuffer): Promise<LineBytes> {
  const r = await evaluateLine(context, line, ligne, options);
  if (!('evaluation' in r)) return { ...r, out: toBytes(r.out) };
  if (options.format === 'csv') return { out: toBytes(csvRows(r.evaluation, ligne, options.niveau)), stderr: [], status: 'note' };
  return { out: evaluationJsonBytes(r.evaluation, { explain: options.explain, niveau: options.niveau }, ligne, memory), stderr: [], status: 'note' };
}

/**
 * scoreLineBytes into a buffer taken from `free` (memory of lines already written out): the
 * buffer goes back to `free` when the line did not use it (an invalid or blank line, or a line
 * too large for it).
 */
export async function scoreLineReusing(context: EvaluationContext, line: string | LigneTropLongue, ligne: number, options: BatchLineOptions, free: ArrayBuffer[]): Promise<LineBytes> {
  const memory = free.pop();
  const r = await scoreLineBytes(context, line, ligne, options, memory);
  if (memory && r.out.buffer !== memory) free.push(memory);
  return r;
}

/** The line read, checked and scored; or its output when it is blank or invalid. */
async function evaluateLine(context: EvaluationContext, line: string | LigneTropLongue, ligne: number, options: BatchLineOptions): Promise<LineResult | { evaluation: Evaluation }> {
  if (typeof line === 'string' && line.trim() === '') {
    return { out: [options.format === 'csv' ? csvErrorRow(ligne, ['vide']) : `{"ligne":${ligne},"vide":true}\n`], stderr: [], status: 'vide' };
  }
  const read = typeof line === 'string' ? await readDossierAsync(context, line, options.label) : tooLong(line.length, options.label);
  const problems = read.diagnostics.filter((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  const evaluation = read.dossier && problems.length === 0 ? evaluateDossier(context, read.dossier) : null;
  const strictWarnings = evaluation && options.strict ? evaluation.constats.filter((c) => c.severity !== 'info') : [];
  if (!evaluation || strictWarnings.length > 0) {
    const asErrors: Diagnostic[] = strictWarnings.map((c) => ({ code: c.code, severity: 'error', message: c.message, ...(c.pointer !== undefined ? { pointer: c.pointer } : {}) }));
    const all = typeof line === 'string' ? locateDiagnostics([...problems, ...asErrors], line, options.label) : [...problems, ...asErrors];
    const located = all.map((d) => (d.position ? { ...d, position: { ...d.position, line: ligne } } : d));
    const out = options.format === 'csv' ? csvErrorRow(ligne, located.map((d) => d.code)) : `${JSON.stringify({ ligne, erreurs: located })}\n`;
    return { out: [out], stderr: located.map((d) => `${formatDiagnosticWithPointer(d)}\n`), status: 'invalide' };
  }
  return { evaluation };
}

/** The pieces as one buffer of its own (so that its memory can be transferred from a worker). */
function toBytes(pieces: readonly string[]): Uint8Array {
  return encoder.encode(pieces.join(''));
}

/** A line too long to be a dossier, as the reader reports it: an error, without reading it. */
function tooLong(length: number, file: string): ReadDossierResult {
  return {
    dossier: null,
    diagnostics: [{ code: 'dossier-trop-volumineux', severity: 'error', message: `Dossier trop volumineux : ${length} caractères sur la ligne, au plus ${DOSSIER_LIMITS.maxBytes} attendus`, position: { file, line: 1, column: 1 } }],
  };
}
