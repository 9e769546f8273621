/**
 * Applies the safe fixes carried by messages: per file, edits sorted by offset, an edit that overlaps
 * an earlier one is left for the next run. Only the edited ranges change; every other byte is kept.
 */
import type { LintMessage } from './types.js';

/** New contents of the files that have at least one fix, by shown file name. */
export function applyFixes(contents: ReadonlyMap<string, string>, messages: readonly LintMessage[]): Map<string, string> {
  const byFile = new Map<string, LintMessage[]>();
  for (const m of messages) {
    if (!m.fix) continue;
    const list = byFile.get(m.file) ?? [];
    list.push(m);
    byFile.set(m.file, list);
  }
  const out = new Map<string, string>();
  for (const [file, list] of byFile) {
    const content = contents.get(file);
    if (content === undefined) continue;
    const fixes = list.map((m) => m.fix!).sort((a, b) => a.start - b.start || a.end - b.end);
    let result = '';
    let cursor = 0;
    for (const f of fixes) {
      if (f.start < cursor) continue;
      result += content.slice(cursor, f.start) + f.text;
      cursor = f.end;
    }
    result += content.slice(cursor);
    if (result !== content) out.set(file, result);
  }
  return out;
}
