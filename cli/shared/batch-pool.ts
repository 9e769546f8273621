/**
 * The worker threads of `cae score --batch --jobs N`. Each line goes to the worker with the fewest
 * lines in hand; `submit` returns a promise per line, and the caller awaits them in input order,
 * so the output order is the input's whatever the workers' speed. The caller bounds the lines in
 * flight (batch.ts), which keeps memory flat.
 */
import { Worker } from 'node:worker_threads';
import type { LineBytes } from './batch-line.js';
import type { LigneTropLongue } from './read-lines.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './batch-worker.js';

/** A line scored by a worker: what scoreLineBytes gives in the main thread. */
export type PooledResult = LineBytes;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: PooledResult) => void; reject: (e: Error) => void }>;
}

export class BatchPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(jobs: number, init: WorkerInit) {
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: init });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (reply: WorkerReply) => {
        const waiting = slot.pending.get(reply.id);
        if (!waiting) return;
        slot.pending.delete(reply.id);
        if (reply.failure !== undefined || !reply.bytes) waiting.reject(new Error(reply.failure ?? 'réponse vide'));
        else waiting.resolve({ out: reply.bytes, stderr: reply.stderr ?? [], status: reply.status! });
      });
      const fail = (error: Error): void => {
        for (const w of slot.pending.values()) w.reject(error);
        slot.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`processus de calcul arrêté (code ${code})`)));
      this.slots.push(slot);
    }
  }

  /** Whether some worker has fewer than `depth` lines in hand (then submit rather than score here). */
  hasRoom(depth: number): boolean {
    for (const s of this.slots) if (s.pending.size < depth) return true;
    return false;
  }

  submit(ligne: number, text: string | LigneTropLongue): Promise<PooledResult> {
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.nextId++;
    const result = new Promise<PooledResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ligne, text } satisfies WorkerRequest);
    });
    // Awaited in input order: a failure after an earlier one must not be an unhandled rejection.
    result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
