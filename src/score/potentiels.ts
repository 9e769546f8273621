/**
 * Steps 1–5 of the pipeline (scoring.md §6.6, §10): personalised points, désactivations,
 * non-concerné propagation, then potentiels with redistribution.
 */
import { Rational } from '../exact/rational.js';
import type { Consequences } from './consequences.js';
import type { FlatTree } from './flat-tree.js';
import type { StatutsByIndex } from './statut.js';

/** The facteurs and désactivations of a call, by node index (built once, read per node). */
export interface ConsequencesByIndex {
  facteur: (Rational | undefined)[];
  desactive: Uint8Array;
  /** Whether any facteur applies (otherwise personalised points are the référentiel's). */
  anyFacteur: boolean;
}

export function consequencesByIndex(tree: FlatTree, consequences: Consequences): ConsequencesByIndex {
  const n = tree.nodes.length;
  const facteur: (Rational | undefined)[] = new Array(n);
  const desactive = new Uint8Array(n);
  let anyFacteur = false;
  for (const [id, c] of consequences) {
    const i = tree.indexById.get(id);
    if (i === undefined) continue;
    if (c.facteur) {
      facteur[i] = c.facteur;
      anyFacteur = true;
    }
    if (c.desactive) desactive[i] = 1;
  }
  return { facteur, desactive, anyFacteur };
}

export interface Potentiels {
  /** Référentiel points × the product of the reduction factors on the node and its ancestors. */
  perso: Rational[];
  /** Whether the node's own rule gives a factor (TeT HEAD shows `pointPotentielPerso` only there). */
  hasFacteur: Uint8Array;
  desactive: Uint8Array;
  nonConcerne: Uint8Array;
  potentiel: Rational[];
  /** Points received (> 0) or given away (< 0) by redistribution, for explanations (sparse). */
  redistribution: (Rational | undefined)[];
  /** The indices where `redistribution` is set, ascending. */
  redistributed: number[];
}

export function computePotentiels(
  tree: FlatTree,
  statuts: StatutsByIndex,
  consequences: ConsequencesByIndex,
): Potentiels {
  const { nodes, parent, children, postOrder, actionLevel, depth } = tree;
  const n = nodes.length;

  // 1. Personalised points: factors multiply down the tree (pre-order = index order).
  const flags = new Uint8Array(4 * n); // one allocation for the four flag columns
  const hasFacteur = flags.subarray(0, n);
  let perso = tree.points;
  if (consequences.anyFacteur) {
    const factor: Rational[] = new Array(n);
    perso = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      let f = p >= 0 ? factor[p]! : Rational.ONE;
      const cf = consequences.facteur[i];
      if (cf) {
        f = f.mul(cf);
        hasFacteur[i] = 1;
      }
      factor[i] = f;
      perso[i] = f === Rational.ONE ? tree.points[i]! : tree.points[i]!.mul(f);
    }
  }
  // 2. A désactivation covers the whole subtree; 3. non concernés: explicit statuts and
  //    désactivés, pushed down (TeT HEAD) ... (and up below)
  const desactive = flags.subarray(n, 2 * n);
  const nonConcerne = flags.subarray(2 * n, 3 * n);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    const d = consequences.desactive[i] === 1 || (p >= 0 && desactive[p] === 1);
    if (d) desactive[i] = 1;
    const s = statuts[i];
    if (d || (s !== undefined && !s.concerne) || (p >= 0 && nonConcerne[p] === 1)) nonConcerne[i] = 1;
  }

  // 4. Potentiels bottom-up, redistributing among the children of nodes at or below the action
  //    level, so that points never move between measures. A subtree nothing touched (no non
  //    concerné, facteur or statut on a parent inside) keeps the référentiel's sums, precomputed
  //    in the flat tree: no redistribution can happen there and the sum is the same exact value.
  const potentiel: Rational[] = new Array(n);
  const redistribution: (Rational | undefined)[] = new Array(n);
  const touched = flags.subarray(3 * n, 4 * n);
  const natural = tree.naturalPotentiel;
  const redistributed: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const cs = children[i]!;
    // ... and up (in this same bottom-up pass, children being final): a parent whose children are
    // all non concernés, unless it has a concerné statut.
    if (!nonConcerne[i] && cs.length > 0 && !statuts[i]?.concerne) {
      let all = true;
      for (let c = 0; c < cs.length && all; c++) if (!nonConcerne[cs[c]!]) all = false;
      if (all) nonConcerne[i] = 1;
    }
    let t = nonConcerne[i] === 1 || perso[i] !== tree.points[i] || (cs.length > 0 && statuts[i] !== undefined);
    for (let c = 0; c < cs.length && !t; c++) if (touched[cs[c]!]) t = true;
    if (!t) {
      potentiel[i] = natural[i]!;
      continue;
    }
    touched[i] = 1;
    if (cs.length > 0 && depth[i]! >= actionLevel) redistribute(i, cs);
    if (nonConcerne[i]) potentiel[i] = Rational.ZERO;
    else if (cs.length === 0 || keepsOwnPotentiel(i, cs)) potentiel[i] = perso[i]!;
    else potentiel[i] = Rational.sumAt(potentiel, cs);
  }

  /**
   * A node with a renseigné statut is scored on its own personalised points (TeT). An explicit
   * `non_renseigne` keeps them only when every child is non concerné (it blocks the upward
   * propagation); otherwise the node is scored from its children like a node without statut, so
   * fait + programmé + pas fait + non renseigné = potentiel always holds (a deliberate deviation:
   * TeT would keep the personalised points even when unbalanced child factors exceed them).
   */
  function keepsOwnPotentiel(i: number, cs: number[]): boolean {
    const s = statuts[i];
    if (!s) return false;
    return s.avancement !== null || cs.every((c) => nonConcerne[c]);
  }

  function redistribute(_parent: number, cs: number[]): void {
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
    for (const c of cs) {
      if (!nonConcerne[c]) continue;
      if (redistribution[c] === undefined) redistributed.push(c);
      redistribution[c] = (redistribution[c] ?? Rational.ZERO).sub(perso[c]!);
    }
    if (receivers.length === 0) return; // nobody can receive: the points are lost, as in TeT
    const share = pool.divInt(receivers.length);
    for (const c of receivers) {
      const old = potentiel[c]!;
      const next = old.add(share);
      if (redistribution[c] === undefined) redistributed.push(c);
      redistribution[c] = (redistribution[c] ?? Rational.ZERO).add(share);
      potentiel[c] = next;
      // The receiver's subtree follows it, so its tâches keep summing to it.
      scaleSubtree(c, next.div(old));
    }
  }

  function scaleSubtree(root: number, ratio: Rational): void {
    const stack = [...children[root]!];
    while (stack.length > 0) {
      const d = stack.pop()!;
      potentiel[d] = potentiel[d]!.mul(ratio);
      for (const c of children[d]!) stack.push(c);
    }
  }

  redistributed.sort((a, b) => a - b);
  return { perso, hasFacteur, desactive, nonConcerne, potentiel, redistribution, redistributed };
}
