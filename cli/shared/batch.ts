/**
 * `cae score --batch`: NDJSON in, NDJSON out, streaming. Exactly one output line per input line,
 * each with its `ligne` number first: a result `{"ligne": n, "format": …}`, an invalid line
 * `{"ligne": n, "erreurs": [...]}`, a blank line `{"ligne": n, "vide": true}`. Memory stays flat:
 * one line at a time (a line over the dossier size limit is dropped as soon as it passes it),
 * with backpressure on the output. A progress bar goes to stderr when it is a terminal. With `-o`,
 * the output is a temporary sibling renamed at the end; an interruption (SIGINT, SIGTERM) or an
 * error removes it.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fs, rmSync } from 'node:fs';
import { DOSSIER_LIMITS, type EvaluationContext } from 'label-cae';
import { type AtomicTarget, type LoadContextOptions, atomicTarget, isSpecialFile, keepMode } from 'label-cae/node';
import type { Niveau } from 'label-cae/report';
import { BATCH_CSV_HEADER } from './batch-csv.js';
import { type BatchLineOptions, scoreLineReusing } from './batch-line.js';
import { BatchPool, type PooledResult } from './batch-pool.js';
import { type LigneTropLongue, readLines } from './read-lines.js';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, UsageError, describeFsError } from '../io.js';
import { boundBatchHeap } from './batch-memory.js';

export interface BatchOptions {
  explain: boolean;
  output: string | undefined;
  /** Warnings make the line invalid. */
  strict: boolean;
  niveau: Niveau;
  format: 'json' | 'csv';
  /** Worker threads; 1 scores in the main thread. */
  jobs: number;
  /** Where the context was loaded from: each worker loads its own. */
  contextPaths: LoadContextOptions;
}

/** What every line is scored with, the same in the main thread and in the workers. */
function lineOptionsOf(path: string, options: BatchOptions): BatchLineOptions {
  return { explain: options.explain, strict: options.strict, niveau: options.niveau, format: options.format, label: path === '-' ? '<stdin>' : path };
}

/**
 * The workers of a batch (none with --jobs 1), started before the command loads its own context:
 * each loads its copy (the TeT référentiel and rules, 0.2–0.4 s) while the main thread loads its
 * own, rather than after. Give the pool to runBatch, which closes it; close it yourself if the
 * batch does not run.
 */
export function startBatchWorkers(path: string, options: BatchOptions): BatchPool | null {
  // V8's heap bounds apply to the isolates created after them: the workers' too.
  boundBatchHeap();
  const jobs = Math.max(1, options.jobs);
  return jobs > 1 ? new BatchPool(jobs - 1, { context: options.contextPaths, line: lineOptionsOf(path, options) }) : null;
}

export async function runBatch(path: string, context: EvaluationContext, io: CliIo, options: BatchOptions, workers?: BatchPool | null): Promise<number> {
  const pool = workers === undefined ? startBatchWorkers(path, options) : workers;
  try {
    return await scoreBatch(path, context, io, options, pool);
  } finally {
    await pool?.close();
  }
}

async function scoreBatch(path: string, context: EvaluationContext, io: CliIo, options: BatchOptions, pool: BatchPool | null): Promise<number> {
  let total = 0;
  let input: NodeJS.ReadableStream;
  if (path === '-') {
    if (!io.stdinStream) throw new UsageError('entree-indisponible', 'entrée standard indisponible');
    input = io.stdinStream;
  } else {
    try {
      const st = await fs.stat(path);
      if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      total = st.isFile() ? st.size : 0;
    } catch (error) {
      throw new UsageError('fichier-illisible', `${path} : fichier illisible (${describeFsError(error)})`);
    }
    input = createReadStream(path);
  }
  const label = path === '-' ? '<stdin>' : path;

  // Output: stdout, or a temporary sibling renamed over -o at the end (atomic).
  const toFile = options.output !== undefined && options.output !== '-';
  const special = toFile && isSpecialFile(options.output!);
  let plan: AtomicTarget | null = null;
  if (toFile && !special) {
    try {
      plan = atomicTarget(options.output!);
    } catch (error) {
      throw new UsageError('ecriture-impossible', `${options.output} : écriture impossible (${describeFsError(error)})`);
    }
  }
  const tmp = plan?.tmp ?? null;
  // An interrupted batch leaves no hidden temporary file behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (tmp) rmSync(tmp, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (tmp) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  let out: NodeJS.WritableStream | null = io.stdoutStream ?? null;
  if (toFile) {
    const stream = createWriteStream(tmp ?? options.output!, { flags: tmp ? 'wx' : 'w', ...(plan?.mode != null ? { mode: plan.mode } : {}) });
    try {
      await once(stream, 'open');
    } catch (error) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      throw new UsageError('ecriture-impossible', `${options.output} : écriture impossible (${describeFsError(error)})`);
    }
    out = stream;
  }
  const outputName = toFile ? options.output! : 'sortie standard';
  /** Writes `text`; `written` is called once the bytes are out (their memory may then be reused). */
  const write = async (text: string | Uint8Array, written?: () => void): Promise<void> => {
    if (!out) {
      io.stdout(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.length).toString());
      written?.();
      return;
    }
    try {
      // A failed write loses its memory with it; the error is reported below.
      const done = (error: Error | null | undefined): void => {
        if (!error) written?.();
      };
      if (!out.write(text, done)) await once(out, 'drain');
    } catch (error) {
      throw new UsageError('ecriture-impossible', `${outputName} : écriture impossible (${describeFsError(error)})`);
    }
  };

  const progress = io.stderrIsTty && total > 0 ? new ProgressBar(io, total) : null;
  const lineOptions = lineOptionsOf(path, options);
  // The main thread scores too (the lines the workers have no room for): one copy of the context
  // fewer in memory, and no transfer for its lines.
  const jobs = Math.max(1, options.jobs);
  // Lines in flight: enough to keep the workers busy, few enough to keep memory flat.
  const window = (WORKER_DEPTH + 2) * jobs;
  const inFlight: Promise<PooledResult>[] = [];
  let lineNo = 0;
  const counts = { note: 0, invalide: 0, vide: 0 };
  // The memory of the lines the main thread scored, once written out: a line is written into one
  // of these rather than into a new buffer (its allocation, copy and collection cost as much as
  // writing the scores of a mesure-level line). Bounded by the lines in flight.
  const free: ArrayBuffer[] = [];
  const scoreHere = async (line: string | LigneTropLongue, n: number): Promise<PooledResult> => {
    const r = await scoreLineReusing(context, line, n, lineOptions, free);
    const used = r.out.buffer as ArrayBuffer;
    return { ...r, release: () => void free.push(used) };
  };
  const emit = async (r: PooledResult): Promise<void> => {
    counts[r.status]++;
    for (const d of r.stderr) io.stderr(d);
    // One write per line (a write per piece cost a system call each), of bytes off the heap.
    await write(r.out, r.release);
  };
  try {
    if (options.format === 'csv') await write(BATCH_CSV_HEADER);
    for await (const line of readLines(input as AsyncIterable<Buffer>, DOSSIER_LIMITS.maxBytes)) {
      lineNo++;
      progress?.advance(typeof line === 'string' ? Buffer.byteLength(line) + 1 : line.length + 1, counts.note + counts.invalide);
      if (!pool) {
        await emit(await scoreHere(line, lineNo));
        continue;
      }
      // Workers first, while they have room; otherwise the main thread scores the line itself. A
      // fixed share (one line in N) left the workers idle whenever the main thread, which also
      // reads and writes, fell behind. The workers' replies are taken in first (they arrive as
      // events, which scoring here would otherwise hold back), so their room is up to date.
      await new Promise(setImmediate);
      inFlight.push(pool.hasRoom(WORKER_DEPTH) ? pool.submit(lineNo, line) : Promise.resolve(await scoreHere(line, lineNo)));
      if (inFlight.length >= window) await emit(await inFlight.shift()!);
    }
    while (inFlight.length > 0) await emit(await inFlight.shift()!);
    if (toFile && out) {
      (out as NodeJS.WritableStream & { end(): void }).end();
      try {
        await once(out, 'finish');
      } catch (error) {
        throw new UsageError('ecriture-impossible', `${outputName} : écriture impossible (${describeFsError(error)})`);
      }
      if (tmp) {
        try {
          keepMode(tmp, plan!.mode);
          await fs.rename(tmp, plan!.target);
        } catch (error) {
          throw new UsageError('ecriture-impossible', `${options.output} : écriture impossible (${describeFsError(error)})`);
        }
      }
    }
  } catch (error) {
    if (tmp) await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (error instanceof UsageError) throw error;
    throw new UsageError('lecture-impossible', `${label} : lecture ou écriture interrompue (${describeFsError(error)})`);
  } finally {
    progress?.done();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { note: scored, invalide: invalid } = counts;
  io.stderr(`cae score --batch : ${scored} dossier${scored > 1 ? 's' : ''} noté${scored > 1 ? 's' : ''}, ${invalid} invalide${invalid > 1 ? 's' : ''}.\n`);
  return invalid > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Lines a worker holds at most: one being scored, the next ones ready when it is done. */
const WORKER_DEPTH = 2;

class ProgressBar {
  private read = 0;
  private last = 0;
  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {}
  advance(bytes: number, count: number): void {
    this.read += bytes;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const ratio = Math.min(1, this.read / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    this.io.stderr(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(ratio * 100)} % — ${count} dossiers`);
  }
  done(): void {
    this.io.stderr('\r\x1b[2K');
  }
}
