/**
 * The référentiel laid out as flat arrays, computed once per référentiel and cached: scoring a
 * dossier then walks plain arrays instead of chasing objects, which is what makes batch scoring
 * of thousands of dossiers cheap.
 */
import { Rational } from '../exact/rational.js';
import { isSafeUnits, lcmUnits } from './unit-space.js';
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
  /** Pre-order numbering makes a subtree contiguous: node i's subtree is [i, subtreeEnd[i]). */
  subtreeEnd: Int32Array;
  /** Post-order: every child before its parent. Reverse it for top-down passes. */
  postOrder: Int32Array;
  /** The leaves, ascending, and the other nodes in post-order: a pass can do all leaves first. */
  leaves: Int32Array;
  internalPostOrder: Int32Array;
  /** Rank of each non-leaf node among the non-leaves (−1 for a leaf): storage for parents only. */
  internalIndex: Int32Array;
  /** Number of leaves in each subtree (1 for a leaf): the "tâches" of TeT's counts. */
  leafCount: Int32Array;
  points: Rational[];
  /** Potentiels without statuts or consequences: points of a leaf, Σ of the children's above. */
  naturalPotentiel: Rational[];
  /**
   * D0, the lcm of the points' denominators, and points and natural potentiels as integer counts
   * of 1/D0, for the engine's integer path (score/potentiels-units.ts); D0 is 0 when some value
   * is not a safe integer count (the engine then works in Rationals).
   */
  unitDenominator: number;
  pointUnits: Float64Array;
  naturalUnits: Float64Array;
  actionLevel: number;
  /**
   * Depth from which children share the points of their non-concerné sisters: the action level,
   * or Infinity when the référentiel declares `redistribution: false` (TE).
   */
  redistributionLevel: number;
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
  const subtreeEnd = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const cs = children[i]!;
    subtreeEnd[i] = cs.length === 0 ? i + 1 : subtreeEnd[cs[cs.length - 1]!]!;
  }
  const { unitDenominator, pointUnits, naturalUnits } = toUnits(points, naturalPotentiel);
  const leaves = Int32Array.from({ length: n }, (_, i) => i).filter((i) => children[i]!.length === 0);
  const internalPostOrder = postOrder.filter((i) => children[i]!.length > 0);
  const internalIndex = new Int32Array(n).fill(-1);
  let internals = 0;
  for (let i = 0; i < n; i++) if (children[i]!.length > 0) internalIndex[i] = internals++;
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
    subtreeEnd,
    postOrder,
    leaves,
    internalPostOrder,
    internalIndex,
    leafCount,
    points,
    naturalPotentiel,
    unitDenominator,
    pointUnits,
    naturalUnits,
    actionLevel: referentiel.hierarchie.actionLevel,
    redistributionLevel: referentiel.options?.redistribution === false ? Infinity : referentiel.hierarchie.actionLevel,
  };
  cache.set(referentiel, tree);
  return tree;
}


function toUnits(points: readonly Rational[], natural: readonly Rational[]): Pick<FlatTree, 'unitDenominator' | 'pointUnits' | 'naturalUnits'> {
  const n = points.length;
  const pointUnits = new Float64Array(n);
  const naturalUnits = new Float64Array(n);
  const none = { unitDenominator: 0, pointUnits, naturalUnits };
  let D = 1;
  // A BigInt value's safe denominator is NaN: lcmUnits gives 0 for it, as for an overflow.
  for (const p of points) if ((D = lcmUnits(D, p.safeDenominator)) === 0) return none;
  for (let i = 0; i < n; i++) {
    // Natural potentiels are sums of points, so D is a multiple of their denominators too.
    const p = points[i]!.safeNumerator * (D / points[i]!.safeDenominator);
    const u = natural[i]!.safeNumerator * (D / natural[i]!.safeDenominator);
    if (!(isSafeUnits(p) && isSafeUnits(u))) return none;
    pointUnits[i] = p;
    naturalUnits[i] = u;
  }
  return { unitDenominator: D, pointUnits, naturalUnits };
}
