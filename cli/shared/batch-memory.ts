/**
 * How the batch keeps its memory flat. A batch allocates fast (a line parsed, scored and written
 * every millisecond or so) while keeping little (the référentiel, ~20 MB per thread): V8's default
 * heuristics then let each thread's heap grow to five or six times what it keeps before a full
 * collection, 120–140 MB per thread, and a batch on two threads peaked near 300 MB. Bounding the
 * growth to 60 % of what is kept (and the young generation to 8 MB) keeps each heap small, for a
 * few more full collections, each of a small heap: 10,000 dossiers on two threads peaked at
 * 179 MB (mesure) and 192 MB (every node) instead of 275–300, for about the same CPU time
 * (scripts/bench-batch.mjs measures both).
 * V8's flags are the process's: set before the workers start, they apply to theirs too.
 */
import { setFlagsFromString } from 'node:v8';

let applied = false;

export function boundBatchHeap(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=60');
  setFlagsFromString('--max-semi-space-size=8');
}
