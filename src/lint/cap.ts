/**
 * At most `MAX_MESSAGES_PER_RULE_PER_FILE` messages of one rule in one file are shown, then one
 * summary message at the first hidden place: 2 million headings without `identifiant` must give a
 * readable report, not 2 million lines (nor run the reporters out of memory). Hidden messages keep
 * their fixes, so `--fix` still repairs everything.
 */
import type { LintMessage } from './types.js';

export const MAX_MESSAGES_PER_RULE_PER_FILE = 1000;

/** `sorted` in report order; returns the shown messages (summaries included) and the fixes of the hidden ones. */
export function capMessages(sorted: readonly LintMessage[], max = MAX_MESSAGES_PER_RULE_PER_FILE): { shown: LintMessage[]; hiddenFixes: LintMessage[] } {
  const counts = new Map<string, number>();
  for (const m of sorted) {
    const key = `${m.file}\u0000${m.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const shown: LintMessage[] = [];
  const hiddenFixes: LintMessage[] = [];
  const seen = new Map<string, number>();
  for (const m of sorted) {
    const key = `${m.file}\u0000${m.ruleId}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    if (k <= max) shown.push(m);
    else {
      if (m.fix) hiddenFixes.push(m);
      if (k === max + 1) {
        const hidden = counts.get(key)! - max;
        shown.push({ ...m, fix: undefined, message: `… et ${hidden} autre${hidden > 1 ? 's' : ''} message${hidden > 1 ? 's' : ''} de cette règle dans ce fichier, à partir d'ici (au plus ${max} affichés par règle et par fichier)` });
      }
    }
  }
  return { shown, hiddenFixes };
}
