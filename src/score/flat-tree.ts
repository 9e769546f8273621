/**
 * The référentiel laid out as flat arrays, computed once per référentiel and cached: scoring a
 * dossier then walks plain arrays instead of chasing objects, which is what makes batch scoring
 * of thousands of dossiers cheap.
 */
import { Rational } from '../exact/rational.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';

export interface FlatTree {
  nodes: ActionNode[];
  /** Node index by action id. */
  indexById: Map<string, number>;
  /** Node index by every name a dossier may use: identifiant (`6.1.1.3.5`) or id (ids win). */
  indexByName: Map<string, number>;
  parent: Int32Array;
  depth: Int32Array;
  /** Children indices per node. */
  children: number[][];
  /** Post-order: every child before its parent. Reverse it for top-down passes. */
  postOrder: Int32Array;
  /** Number of leaves in each subtree (1 for a leaf): the "tâches" of TeT's counts. */
  leafCount: Int32Array;
  points: Rational[];
  /** Potentiels without statuts or consequences: points of a leaf, Σ of the children's above. */
  naturalPotentiel: Rational[];
  actionLevel: number;
}

const cache = new WeakMap<Referentiel, FlatTree>();

export function flatTree(referentiel: Referentiel): FlatTree {
  const cached = cache.get(referentiel);
  if (cached) return cached;
  const nodes: ActionNode[] = [];
  const indexById = new Map<string, number>();
  // Depth-first pre-order numbering: a parent always has a smaller index than its children.
  const stack: ActionNode[] = [referentiel.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    indexById.set(node.id, nodes.length);
    nodes.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const n = nodes.length;
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const children: number[][] = nodes.map(() => []);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    for (const c of node.children) {
      const ci = indexById.get(c.id)!;
      parent[ci] = i;
      children[i]!.push(ci);
    }
    depth[i] = node.depth;
  }
  // Reverse pre-order visits every child before its parent.
  const postOrder = new Int32Array(n);
  for (let i = 0; i < n; i++) postOrder[i] = n - 1 - i;
  const leafCount = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const cs = children[i]!;
    if (cs.length === 0) leafCount[i] = 1;
    else {
      let s = 0;
      for (const c of cs) s += leafCount[c]!;
      leafCount[i] = s;
    }
  }
  const points = nodes.map((x) => x.points);
  const naturalPotentiel: Rational[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    naturalPotentiel[i] = children[i]!.length === 0 ? points[i]! : Rational.sumAt(naturalPotentiel, children[i]!);
  }
  const indexByName = new Map<string, number>();
  for (let i = 0; i < n; i++) indexByName.set(nodes[i]!.identifiant, i);
  for (let i = 0; i < n; i++) indexByName.set(nodes[i]!.id, i);
  const tree: FlatTree = {
    nodes,
    indexById,
    indexByName,
    parent,
    depth,
    children,
    postOrder,
    leafCount,
    points,
    naturalPotentiel,
    actionLevel: referentiel.hierarchie.actionLevel,
  };
  cache.set(referentiel, tree);
  return tree;
}
