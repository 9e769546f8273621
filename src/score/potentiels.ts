/**
 * Steps 1–4 of the pipeline (scoring.md §6.6, §10): personalised points, désactivations,
 * non-concerné propagation, then potentiels with redistribution. The steps are shared by the two
 * implementations: Rationals here, integer units in potentiels-units.ts.
 */
import { Rational } from '../exact/rational.js';
import type { Consequences } from './consequences.js';
import { type ExactColumn, RationalColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { AUCUN, NON_CONCERNE, type StatutsIndex, isConcerneCode } from './statuts-index.js';

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
  potentiel: ExactColumn;
  /** Points received (> 0) or given away (< 0) by redistribution, for explanations; 0 elsewhere. */
  redistribution: ExactColumn;
}

/**
 * Step 1: personalised points, where they differ from the référentiel's: a factor multiplies its
 * whole subtree (a contiguous index range), nested factors multiply in turn. Marks hasFacteur.
 */
export function personalisedPoints(tree: FlatTree, consequences: ConsequencesByIndex, hasFacteur: Uint8Array): Map<number, Rational> {
  const { subtreeEnd, points } = tree;
  const values = new Map<number, Rational>();
  for (const top of consequences.facteurNodes) {
    const f = consequences.facteur.get(top)!;
    hasFacteur[top] = 1;
    for (let i = top; i < subtreeEnd[top]!; i++) values.set(i, (values.get(i) ?? points[i]!).mul(f));
  }
  return values;
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

/** A parent whose children are all non concernés is non concerné too, unless it has a concerné statut. */
function becomesNonConcerne(statuts: StatutsIndex, nonConcerne: Uint8Array, i: number, cs: readonly number[]): boolean {
  if (nonConcerne[i] || cs.length === 0 || isConcerneCode(statuts.code[i]!)) return false;
  for (let c = 0; c < cs.length; c++) if (!nonConcerne[cs[c]!]) return false;
  return true;
}

/**
 * A parent's potentiel is the sum of its children's, as in TeT HEAD, even when it has a statut of
 * its own (renseigné or `non_renseigne`): its statut then says how that potentiel is done. The one
 * exception (HEAD's too): a parent with a statut whose children are all non concernés keeps its
 * own personalised points (the statut blocks the upward propagation of non concerné).
 */
function keepsOwnPotentiel(statuts: StatutsIndex, nonConcerne: Uint8Array, i: number, cs: readonly number[]): boolean {
  if (statuts.code[i]! === AUCUN) return false;
  for (let c = 0; c < cs.length; c++) if (!nonConcerne[cs[c]!]) return false;
  return true;
}

/** The Rational path: always applicable, and the reference the integer path is tested against. */
export function computePotentielsRational(
  tree: FlatTree,
  statuts: StatutsIndex,
  consequences: ConsequencesByIndex,
): Potentiels {
  const { nodes, children, postOrder, redistributionLevel, depth } = tree;
  const n = nodes.length;

  // 1. Personalised points.
  const flags = new Uint8Array(4 * n); // one allocation for the four flag columns
  const hasFacteur = flags.subarray(0, n);
  const personalised = personalisedPoints(tree, consequences, hasFacteur);
  const perso = personalised.size === 0 ? tree.points : tree.points.map((p, i) => personalised.get(i) ?? p);
  // 2–3. Désactivés and non concernés, top-down.
  const desactive = flags.subarray(n, 2 * n);
  const nonConcerne = flags.subarray(2 * n, 3 * n);
  markNonConcernes(tree, statuts, consequences, desactive, nonConcerne);

  // 4. Potentiels bottom-up, redistributing among the children of nodes at or below the action
  //    level, so that points never move between measures. A subtree nothing touched (no non
  //    concerné, facteur or statut on a parent inside) keeps the référentiel's sums, precomputed
  //    in the flat tree: no redistribution can happen there and the sum is the same exact value.
  const potentiel: Rational[] = new Array(n);
  const redistribution: Rational[] = new Array(n).fill(Rational.ZERO);
  const touched = flags.subarray(3 * n, 4 * n);
  const natural = tree.naturalPotentiel;
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const cs = children[i]!;
    if (becomesNonConcerne(statuts, nonConcerne, i, cs)) nonConcerne[i] = 1;
    let t = nonConcerne[i] === 1 || perso[i] !== tree.points[i] || (cs.length > 0 && statuts.code[i] !== AUCUN);
    for (let c = 0; c < cs.length && !t; c++) if (touched[cs[c]!]) t = true;
    if (!t) {
      potentiel[i] = natural[i]!;
      continue;
    }
    touched[i] = 1;
    if (cs.length > 0 && depth[i]! >= redistributionLevel) redistribute(cs);
    if (nonConcerne[i]) potentiel[i] = Rational.ZERO;
    else if (cs.length === 0 || keepsOwnPotentiel(statuts, nonConcerne, i, cs)) potentiel[i] = perso[i]!;
    else potentiel[i] = Rational.sumAt(potentiel, cs);
  }

  function redistribute(cs: number[]): void {
    let pool = Rational.ZERO;
    const receivers: number[] = [];
    let nonConcernes = 0;
    for (const c of cs) {
      if (nonConcerne[c]) {
        nonConcernes++;
        pool = pool.add(perso[c]!);
      } else if (!potentiel[c]!.isZero()) receivers.push(c); // TeT HEAD: a receiver has a potentiel to scale
    }
    if (nonConcernes === 0 || nonConcernes === cs.length || pool.isZero()) return;
    for (const c of cs) if (nonConcerne[c]) redistribution[c] = redistribution[c]!.sub(perso[c]!);
    if (receivers.length === 0) return; // nobody can receive: the points are lost, as in TeT
    const share = pool.divInt(receivers.length);
    for (const c of receivers) {
      const old = potentiel[c]!;
      const next = old.add(share);
      redistribution[c] = redistribution[c]!.add(share);
      potentiel[c] = next;
      // The receiver's subtree follows it, so its tâches keep summing to it.
      const ratio = next.div(old);
      for (let d = c + 1; d < tree.subtreeEnd[c]!; d++) potentiel[d] = potentiel[d]!.mul(ratio);
    }
  }

  return {
    perso: new RationalColumn(perso),
    hasFacteur,
    desactive,
    nonConcerne,
    potentiel: new RationalColumn(potentiel),
    redistribution: new RationalColumn(redistribution),
  };
}
