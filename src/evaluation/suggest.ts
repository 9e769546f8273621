/**
 * « Vouliez-vous dire … ? »: the closest known name to a mistyped one. A case slip (`non` for
 * `NON`, `EP_1_C` for `EP_1_c`) always finds its name; otherwise a name at most two edits away,
 * and only when it is the single closest one (an ambiguous guess would mislead).
 */
export function suggest(input: string, candidates: Iterable<string>, options: { caseOnly?: boolean } = {}): string | null {
  const lower = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    if (options.caseOnly) continue;
    const d = editDistance(lower, c.toLowerCase(), 2);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= 2 && !tie ? best : null;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}
