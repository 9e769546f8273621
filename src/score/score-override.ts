/**
 * Step 7 (scoring.md §6.5): "Score réalisé" rules cap an action's realised ratio. The fait points
 * of the action and its subtree are multiplied by result ÷ original ratio, then ancestors without
 * their own renseigné statut take the sum of their children again. Potentiels are untouched
 * (TeT HEAD), so below an override fait + programmé + pas fait + non renseigné may be < potentiel.
 */
import { Rational } from '../exact/rational.js';
import type { Avancement } from './avancement.js';
import type { Consequences } from './consequences.js';
import type { FlatTree } from './flat-tree.js';
import type { Potentiels } from './potentiels.js';
import type { OverrideApplied, OverrideRefused } from './scores.js';

export type { OverrideApplied, OverrideRefused } from './scores.js';

export function applyScoreOverrides(
  tree: FlatTree,
  consequences: Consequences,
  pot: Potentiels,
  av: Avancement,
  refused: OverrideRefused[] = [],
): OverrideApplied[] {
  const applied: OverrideApplied[] = [];
  const fait = av.fait;
  const ratioOf = (i: number): Rational => {
    const p = pot.potentiel.at(i);
    return p.isZero() ? Rational.ZERO : fait.at(i).div(p);
  };
  for (const [actionId, c] of consequences) {
    if (!c.scoreOverride) continue;
    const i = tree.indexById.get(actionId);
    if (i === undefined || pot.potentiel.sign(i) === 0) continue;
    const original = ratioOf(i);
    const result = c.scoreOverride((id) => {
      const j = tree.indexById.get(id);
      return j === undefined ? null : ratioOf(j);
    });
    if (result !== null && !(result instanceof Rational)) {
      refused.push({ actionId, message: result.impossible });
      continue;
    }
    if (result === null || !original.gt(Rational.ZERO)) continue;
    const f = result.div(original);
    // A factor of one (the cap does not bind) leaves every value as it is: no rescaling to do.
    if (!f.equals(Rational.ONE)) {
      for (let d = i; d < tree.subtreeEnd[i]!; d++) fait.set(d, fait.at(d).mul(f));
      for (let a = tree.parent[i]!; a >= 0; a = tree.parent[a]!) {
        if (av.fromOwnStatut(a) || pot.nonConcerne[a]) continue;
        fait.set(a, Rational.sum(tree.children[a]!.map((ch) => fait.at(ch))));
      }
    }
    applied.push({ actionId, ratioAvant: original, ratioApres: result, facteur: f });
  }
  return applied;
}
