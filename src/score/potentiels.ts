/**
 * What the potentiel pass of the fast path (potentiels-units.ts) starts from and gives: the
 * consequences by node index, the personalised points, and the désactivés and non concernés
 * marked top-down over the flat tree's contiguous subtrees (scoring.md §6.6 steps 2–4).
 */
import type { Rational } from '../exact/rational.js';
import type { Consequences } from './consequences.js';
import type { ExactColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { NON_CONCERNE, type StatutsIndex } from './statuts-index.js';

/** The facteurs and désactivations of a call, by node index (built once, read per node). */
export interface ConsequencesByIndex {
  /** Facteur by node index (few nodes have one). */
  facteur: Map<number, Rational>;
  /** The nodes with a facteur, ascending (pre-order: ancestors first). */
  facteurNodes: number[];
  /** The désactivated nodes, ascending. */
  desactiveNodes: number[];
}

const ascending = (a: number, b: number): number => a - b;

export function consequencesByIndex(tree: FlatTree, consequences: Consequences): ConsequencesByIndex {
  const facteur = new Map<number, Rational>();
  const facteurNodes: number[] = [];
  const desactiveNodes: number[] = [];
  for (const [id, c] of consequences) {
    const i = tree.indexById.get(id);
    if (i === undefined) continue;
    if (c.facteur) {
      if (!facteur.has(i)) facteurNodes.push(i);
      facteur.set(i, c.facteur);
    }
    if (c.desactive) desactiveNodes.push(i);
  }
  facteurNodes.sort(ascending);
  desactiveNodes.sort(ascending);
  return { facteur, facteurNodes, desactiveNodes };
}

export interface Potentiels {
  /** Référentiel points × the product of the reduction factors on the node and its ancestors. */
  perso: ExactColumn;
  /** Whether the node's own rule gives a factor (TeT HEAD shows `pointPotentielPerso` only there). */
  hasFacteur: Uint8Array;
  desactive: Uint8Array;
  nonConcerne: Uint8Array;
  /**
   * 1 where a parent with a statut of its own and no concerné child kept its own potentiel
   * (non-concerne-rules.ts): with a `non_renseigne` statut, those points are non renseignés.
   */
  keepsOwn: Uint8Array;
  potentiel: ExactColumn;
  /** Points received (> 0) or given away (< 0) by redistribution, for explanations; 0 elsewhere. */
  redistribution: ExactColumn;
}

/**
 * Steps 2–3, top-down: a désactivation covers the whole subtree; non concernés are the explicit
 * statuts and the désactivés, pushed down (TeT HEAD). Subtrees are contiguous index ranges. The
 * upward propagation happens in the bottom-up pass (`becomesNonConcerne`), once children are final.
 */
export function markNonConcernes(tree: FlatTree, statuts: StatutsIndex, consequences: ConsequencesByIndex, desactive: Uint8Array, nonConcerne: Uint8Array): void {
  const { subtreeEnd } = tree;
  for (const i of consequences.desactiveNodes) {
    desactive.fill(1, i, subtreeEnd[i]);
    nonConcerne.fill(1, i, subtreeEnd[i]);
  }
  const code = statuts.code;
  for (let i = code.indexOf(NON_CONCERNE); i !== -1; ) {
    let next = i + 1;
    if (!nonConcerne[i]) {
      next = subtreeEnd[i]!;
      nonConcerne.fill(1, i, next);
    }
    i = code.indexOf(NON_CONCERNE, next);
  }
}
