/**
 * A worker thread of `cae score --batch --jobs N`: loads the evaluation context once, then scores
 * the lines it is sent (scoreLineReusing, as the main thread does) and sends back each
 * line's output as bytes, its ArrayBuffer transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadContextOptions } from 'label-cae/node';
import { type BatchLineOptions, scoreLineReusing } from './batch-line.js';
import { loadCommandContext } from './load-context.js';
import type { LigneTropLongue } from './read-lines.js';

export interface WorkerInit {
  context: LoadContextOptions;
  line: BatchLineOptions;
}
export interface WorkerRequest {
  id: number;
  ligne: number;
  text: string | LigneTropLongue;
}
/** A line's memory given back once written out, to write a later line into. */
export interface WorkerRecycle {
  recycle: ArrayBuffer;
}
export interface WorkerReply {
  id: number;
  bytes?: Uint8Array;
  stderr?: string[];
  status?: 'note' | 'invalide' | 'vide';
  /** An unexpected failure (a bug): the batch stops with it. */
  failure?: string;
}

/** Buffers kept for reuse at most: the lines a worker can have in hand, and some in transit. */
const MAX_FREE = 8;

async function serve(): Promise<void> {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  const { context } = await loadCommandContext(init.context);
  // The memory of lines already written out, sent back by the main thread: a line of 900 kB is
  // then written without allocating (and later collecting) a buffer of its own.
  const free: ArrayBuffer[] = [];
  port.on('message', async (message: WorkerRequest | WorkerRecycle) => {
    if ('recycle' in message) {
      if (free.length < MAX_FREE) free.push(message.recycle);
      return;
    }
    const request = message;
    let reply: WorkerReply;
    try {
      if (!context) throw new Error('contexte non chargé');
      const r = await scoreLineReusing(context, request.text, request.ligne, init.line, free);
      reply = { id: request.id, bytes: r.out, stderr: r.stderr, status: r.status };
    } catch (error) {
      reply = { id: request.id, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
  });
}

if (parentPort) void serve();
