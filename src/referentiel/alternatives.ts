/**
 * TE's alternative mesures: `1.1.1` and its `1.1.1alter` (or `…altercom`, `…alterepci`) are
 * sisters whose désactivation rules are meant to keep one. HEAD does nothing special with them:
 * every one counts in its parent's points (669.9 for TE, alternatives included) and in the
 * potentiel unless a rule désactivates it — when the rules désactivate none, both count (the
 * PCAET_1/PCAET_2 case of te_1.1.1–1.1.3). This only names the groups, for explanations.
 */
import type { ActionNode, Referentiel } from './model.js';

const ALTERNATIVE = /^(.*?\d+)(alter[a-z]*)?$/;

/** The alternative group of a node: its base sister first, then its alternatives; null when it has none. */
export function alternativeGroup(referentiel: Referentiel, node: ActionNode): ActionNode[] | null {
  if (node.parentId === null) return null;
  const m = ALTERNATIVE.exec(node.identifiant);
  if (!m) return null;
  const base = m[1]!;
  const parent = referentiel.actions.get(node.parentId);
  if (!parent) return null;
  const group = parent.children.filter((c) => c.identifiant === base || (c.identifiant.startsWith(`${base}alter`) && ALTERNATIVE.exec(c.identifiant)?.[1] === base));
  return group.length > 1 ? group : null;
}
