/**
 * Number and text formatting shared by the French reports (text, Markdown, HTML). The CSV keeps the
 * JSON spelling instead (see render-csv.ts).
 */

/** Points in French: `3,561`, `0`, `12,5` — at most 3 decimals (they already are, see score-json.ts). */
export function formatPoints(x: number): string {
  const s = (Math.round(x * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return (s === '-0' ? '0' : s).replace('.', ',');
}

/** A ratio (0–1) as a French percentage with 2 decimals: `0.5934` → `59,34 %`. */
export function formatPercent(r: number): string {
  return `${(Math.round(r * 10000) / 100).toFixed(2).replace('.', ',')} %`;
}

/** A ratio (0–1) as a short French percentage, for charts: `0.5934` → `59 %`. */
export function formatPercentShort(r: number): string {
  return `${Math.round(r * 100)} %`;
}

/** Length in user-perceived characters, for column alignment: code points of the NFC form. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s.normalize('NFC')) n++;
  return n;
}

/** NFC text cut to `width` characters, the last one replaced by `…` when it is cut. */
export function truncate(s: string, width: number): string {
  const chars = [...s.normalize('NFC').replace(/[\r\n\t]+/g, ' ').trimEnd()];
  if (chars.length <= width) return chars.join('');
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('').trimEnd() + '…';
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** `2026-06-30` → `30/06/2026`; anything else is returned as is. */
export function formatDate(date: string | null): string | null {
  if (date === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}
