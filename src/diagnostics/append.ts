/**
 * `out.push(...list)` passes every element as an argument: past ~100,000 elements it overflows
 * the call stack (a file of 130,000 lines with trailing spaces did). This loop does not.
 */
export function appendAll<T>(out: T[], list: Iterable<T>): T[] {
  for (const x of list) out.push(x);
  return out;
}
