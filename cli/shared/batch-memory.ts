/**
 * How the batch keeps its memory flat. A batch allocates fast (a line parsed, scored and written
 * every millisecond or so) while keeping little (the référentiel and the remembered personalisation
 * profiles, ~30 MB per thread): V8's default heuristics then let each thread's heap grow to four
 * or five times what it keeps before a full collection, 120–140 MB per thread, and a batch on two
 * threads peaked near 350 MB. Bounding the growth to 30 % of what is kept (and the workers' young
 * generation to 8 MB, see below) costs a few more full collections, each of a small heap: 35,000 dossiers at
 * the mesure level on two threads peaked at 183 MB in 54.5 s (199 MB at 60 %, 206 MB at 50 %,
 * 186 MB but 65 s with a 4 MB young generation; scripts/bench-batch.mjs measures it).
 * V8's flags are the process's: set before the workers start, they apply to theirs too. The
 * young generation's bound does not reach the main thread: its heap was sized when Node started
 * (its new space stays at 33.6 MB, a worker's at 16.8 MB; measured with getHeapSpaceStatistics).
 */
import { setFlagsFromString } from 'node:v8';

let applied = false;

export function boundBatchHeap(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=30');
  setFlagsFromString('--max-semi-space-size=8');
}
