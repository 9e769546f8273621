/**
 * Step 5 (scoring.md §4, §10.5): points and tâche counts bottom-up, from statuts and children.
 * A node is scored from its own statut when it is a leaf, when its statut is renseigné, or when it
 * is non concerné; otherwise from its children. Children keep their own scores either way.
 *
 * Two implementations of the same exact computation:
 * - integer units (the fast path): every value is a multiple of 1/D for one common D, the lcm of
 *   the denominators of the values the pass starts from; parents are then plain integer sums.
 *   Exact because every starting value is an integer count of 1/D checked to be a safe integer,
 *   and the sum of their absolute values is checked to be a safe integer too, so no sum can round.
 * - Rationals, when D or a count would leave the safe-integer range.
 * test/score/units-path.test.ts checks that both give identical results.
 */
import { Rational, gcdNumber } from '../exact/rational.js';
import { type ExactColumn, RationalColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import type { Potentiels } from './potentiels.js';
import type { StatutsByIndex } from './statut.js';

export interface Avancement {
  fait: ExactColumn;
  programme: ExactColumn;
  pasFait: ExactColumn;
  nonRenseigne: ExactColumn;
  totalTaches: Int32Array;
  completedTaches: Int32Array;
  faitTaches: ExactColumn;
  programmeTaches: ExactColumn;
  pasFaitTaches: ExactColumn;
  pasConcerneTaches: Int32Array;
  /** 1 when the node's numbers come from its own renseigné statut. */
  fromOwnStatut: Uint8Array;
  /** D of the integer path (values are counts of 1/D), or 0 when the Rational path ran. */
  unitDenominator: number;
}

export function computeAvancement(tree: FlatTree, statuts: StatutsByIndex, pot: Potentiels): Avancement {
  return computeAvancementUnits(tree, statuts, pot) ?? computeAvancementRational(tree, statuts, pot);
}

const MAX = Number.MAX_SAFE_INTEGER;

type PointColumns<T> = Record<'fait' | 'programme' | 'pasFait' | 'nonRenseigne' | 'faitTaches' | 'programmeTaches' | 'pasFaitTaches', T>;

/** Wraps the seven point columns of either path the same way. */
function columns<T>(wrap: (values: T) => ExactColumn, raw: PointColumns<T>): PointColumns<ExactColumn> {
  return {
    fait: wrap(raw.fait),
    programme: wrap(raw.programme),
    pasFait: wrap(raw.pasFait),
    nonRenseigne: wrap(raw.nonRenseigne),
    faitTaches: wrap(raw.faitTaches),
    programmeTaches: wrap(raw.programmeTaches),
    pasFaitTaches: wrap(raw.pasFaitTaches),
  };
}

/** lcm(D, d) for positive safe integers, or 0 when d is not one (NaN: a BigInt value) or it overflows. */
function lcm(D: number, d: number): number {
  if (!(d >= 1 && d <= MAX)) return 0;
  if (D % d === 0) return D;
  const r = (D / gcdNumber(D, d)) * d;
  return r <= MAX ? r : 0;
}

/** Reduced denominator of p × f for reduced p, f (NaN when either is a BigInt value). */
function productDenominator(p: Rational, f: Rational): number {
  const pn = Math.abs(p.safeNumerator);
  const pd = p.safeDenominator;
  const fn = Math.abs(f.safeNumerator);
  const fd = f.safeDenominator;
  return (pd / gcdNumber(fn, pd)) * (fd / gcdNumber(pn, fd));
}

/** lcm of D with the denominators of p × f and of f (0 stays 0: overflow). */
function lcmTriple(D: number, p: Rational, f: Rational): number {
  const fn = f.safeNumerator;
  if (fn === 0 || D === 0) return D;
  const fd = f.safeDenominator;
  if (fn === 1 && fd === 1) {
    const d = p.safeDenominator;
    return D % d === 0 ? D : lcm(D, d);
  }
  return lcm(lcm(D, productDenominator(p, f)), fd);
}

/** p × f in units of 1/D (D a multiple of the product's denominator); NaN if not a safe integer. */
function productUnits(p: Rational, f: Rational, D: number): number {
  const fn = f.safeNumerator;
  if (fn === 0) return 0;
  const pn = p.safeNumerator;
  const pd = p.safeDenominator;
  const fd = f.safeDenominator;
  if (fn === 1 && fd === 1) return unitsOf(pn, pd, D);
  const g1 = gcdNumber(Math.abs(pn), fd);
  const g2 = gcdNumber(Math.abs(fn), pd);
  const num = (pn / g1) * (fn / g2);
  const den = (pd / g2) * (fd / g1);
  return Math.abs(num) <= MAX && den <= MAX ? unitsOf(num, den, D) : Number.NaN;
}

/** n/d in units of 1/D (d divides D); NaN if the result is not a safe integer. */
function unitsOf(n: number, d: number, D: number): number {
  const u = n * (D / d);
  return Math.abs(u) <= MAX ? u : Number.NaN;
}

/** The integer path; null when a value does not fit (the caller then runs the Rational path). */
export function computeAvancementUnits(tree: FlatTree, statuts: StatutsByIndex, pot: Potentiels): Avancement | null {
  const { nodes, children, postOrder, leafCount } = tree;
  const { potentiel, nonConcerne } = pot;
  const n = nodes.length;

  // 1. D: the lcm of the denominators of every value the bottom-up pass starts from.
  let D = 1;
  // D only ever grows by multiples, so a denominator that divided it once always will: skip the
  // (floating) modulo when the previous node had the same one, as siblings often do.
  let lastD = 1;
  for (let i = 0; i < n && D !== 0; i++) {
    if (nonConcerne[i]) continue;
    const s = statuts[i];
    const t = s?.avancement;
    const p = potentiel[i]!;
    if (t) {
      D = lcmTriple(lcmTriple(lcmTriple(D, p, t.fait), p, t.programme), p, t.pasFait);
    } else if (s !== undefined || children[i]!.length === 0) {
      const d = p.safeDenominator;
      if (d !== lastD) {
        if (D % d !== 0) D = lcm(D, d);
        lastD = d;
      }
    }
  }
  if (D === 0) return null;

  // 2. Bottom-up in integers. `bound` sums the absolute values of every starting value: when it
  //    is a safe integer, so is every partial sum of any subset of them, hence every parent.
  // One buffer per element type, cut into columns: fewer (off-heap) allocations per dossier.
  const units = new Float64Array(7 * n);
  const fait = units.subarray(0, n);
  const programme = units.subarray(n, 2 * n);
  const pasFait = units.subarray(2 * n, 3 * n);
  const nonRenseigne = units.subarray(3 * n, 4 * n);
  const faitTaches = units.subarray(4 * n, 5 * n);
  const programmeTaches = units.subarray(5 * n, 6 * n);
  const pasFaitTaches = units.subarray(6 * n, 7 * n);
  const counts = new Int32Array(3 * n);
  const totalTaches = counts.subarray(0, n);
  const completedTaches = counts.subarray(n, 2 * n);
  const pasConcerneTaches = counts.subarray(2 * n, 3 * n);
  const fromOwnStatut = new Uint8Array(n);
  let bound = 0;
  let boundTaches = 0;

  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const leaves = leafCount[i]!;
    const cs = children[i]!;
    totalTaches[i] = leaves;
    if (nonConcerne[i]) {
      completedTaches[i] = leaves;
      pasConcerneTaches[i] = leaves;
      continue;
    }
    const s = statuts[i];
    const t = s?.avancement;
    const p = potentiel[i]!;
    if (t) {
      fromOwnStatut[i] = 1;
      const f = productUnits(p, t.fait, D);
      const pr = productUnits(p, t.programme, D);
      const pf = productUnits(p, t.pasFait, D);
      fait[i] = f;
      programme[i] = pr;
      pasFait[i] = pf;
      bound += Math.abs(f) + Math.abs(pr) + Math.abs(pf);
      completedTaches[i] = leaves;
      // leaves × fraction: D is a multiple of the fraction's denominator.
      const ft = unitsOf(leaves * t.fait.safeNumerator, t.fait.safeDenominator, D);
      const pt = unitsOf(leaves * t.programme.safeNumerator, t.programme.safeDenominator, D);
      const pft = unitsOf(leaves * t.pasFait.safeNumerator, t.pasFait.safeDenominator, D);
      faitTaches[i] = ft;
      programmeTaches[i] = pt;
      pasFaitTaches[i] = pft;
      boundTaches += Math.abs(ft) + Math.abs(pt) + Math.abs(pft);
    } else if (cs.length === 0) {
      const nr = unitsOf(p.safeNumerator, p.safeDenominator, D);
      nonRenseigne[i] = nr;
      bound += Math.abs(nr);
    } else {
      let f = 0;
      let pr = 0;
      let pf = 0;
      let nr = 0;
      let ft = 0;
      let pt = 0;
      let pft = 0;
      let done = 0;
      let nc = 0;
      for (let j = 0; j < cs.length; j++) {
        const c = cs[j]!;
        f += fait[c]!;
        pr += programme[c]!;
        pf += pasFait[c]!;
        nr += nonRenseigne[c]!;
        ft += faitTaches[c]!;
        pt += programmeTaches[c]!;
        pft += pasFaitTaches[c]!;
        done += completedTaches[c]!;
        nc += pasConcerneTaches[c]!;
      }
      // A concerné `non_renseigne` node whose children are all non concernés keeps its own
      // potentiel (potentiels.ts): those points are non renseignés.
      if (s !== undefined && nr === 0 && f === 0 && pr === 0 && pf === 0) {
        nr = unitsOf(p.safeNumerator, p.safeDenominator, D);
        bound += Math.abs(nr);
      }
      fait[i] = f;
      programme[i] = pr;
      pasFait[i] = pf;
      nonRenseigne[i] = nr;
      faitTaches[i] = ft;
      programmeTaches[i] = pt;
      pasFaitTaches[i] = pft;
      completedTaches[i] = done;
      pasConcerneTaches[i] = nc;
    }
  }
  // NaN (a starting value that did not fit) fails these comparisons too.
  if (!(bound <= MAX && boundTaches <= MAX)) return null;
  const col = (units: Float64Array): UnitColumn => new UnitColumn(units, D);
  return {
    ...columns(col, { fait, programme, pasFait, nonRenseigne, faitTaches, programmeTaches, pasFaitTaches }),
    totalTaches,
    completedTaches,
    pasConcerneTaches,
    fromOwnStatut,
    unitDenominator: D,
  };
}

/** x × fraction, without work for the 0 and 1 of the simple statuts (most of them). */
function times(x: Rational, fraction: Rational): Rational {
  if (fraction.isZero()) return Rational.ZERO;
  return fraction.equals(Rational.ONE) ? x : x.mul(fraction);
}

/** The Rational path: always applicable, and the reference the integer path is tested against. */
export function computeAvancementRational(tree: FlatTree, statuts: StatutsByIndex, pot: Potentiels): Avancement {
  const { nodes, children, postOrder, leafCount } = tree;
  const n = nodes.length;
  const Z = Rational.ZERO;
  const fait: Rational[] = new Array(n);
  const programme: Rational[] = new Array(n);
  const pasFait: Rational[] = new Array(n);
  const nonRenseigne: Rational[] = new Array(n);
  const faitTaches: Rational[] = new Array(n);
  const programmeTaches: Rational[] = new Array(n);
  const pasFaitTaches: Rational[] = new Array(n);
  const totalTaches = new Int32Array(n);
  const completedTaches = new Int32Array(n);
  const pasConcerneTaches = new Int32Array(n);
  const fromOwnStatut = new Uint8Array(n);

  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const leaves = leafCount[i]!;
    const p = pot.potentiel[i]!;
    const cs = children[i]!;
    const triple = statuts[i]?.avancement ?? null;
    totalTaches[i] = leaves;
    if (pot.nonConcerne[i]) {
      fait[i] = programme[i] = pasFait[i] = nonRenseigne[i] = Z;
      faitTaches[i] = programmeTaches[i] = pasFaitTaches[i] = Z;
      completedTaches[i] = leaves;
      pasConcerneTaches[i] = leaves;
    } else if (triple) {
      fromOwnStatut[i] = 1;
      fait[i] = times(p, triple.fait);
      programme[i] = times(p, triple.programme);
      pasFait[i] = times(p, triple.pasFait);
      nonRenseigne[i] = Z;
      completedTaches[i] = leaves;
      const n = Rational.integer(leaves);
      faitTaches[i] = times(n, triple.fait);
      programmeTaches[i] = times(n, triple.programme);
      pasFaitTaches[i] = times(n, triple.pasFait);
    } else if (cs.length === 0) {
      fait[i] = programme[i] = pasFait[i] = Z;
      nonRenseigne[i] = p;
      faitTaches[i] = programmeTaches[i] = pasFaitTaches[i] = Z;
    } else {
      const f = Rational.sumAt(fait, cs);
      const pr = Rational.sumAt(programme, cs);
      const pf = Rational.sumAt(pasFait, cs);
      let nr = Rational.sumAt(nonRenseigne, cs);
      const ft = Rational.sumAt(faitTaches, cs);
      const pt = Rational.sumAt(programmeTaches, cs);
      const pft = Rational.sumAt(pasFaitTaches, cs);
      let done = 0;
      let nc = 0;
      for (const c of cs) {
        done += completedTaches[c]!;
        nc += pasConcerneTaches[c]!;
      }
      // A concerné `non_renseigne` node whose children are all non concernés keeps its own
      // potentiel (potentiels.ts): those points are non renseignés.
      if (statuts[i] !== undefined && nr.isZero() && f.isZero() && pr.isZero() && pf.isZero()) nr = p;
      fait[i] = f;
      programme[i] = pr;
      pasFait[i] = pf;
      nonRenseigne[i] = nr;
      faitTaches[i] = ft;
      programmeTaches[i] = pt;
      pasFaitTaches[i] = pft;
      completedTaches[i] = done;
      pasConcerneTaches[i] = nc;
    }
  }
  const col = (values: Rational[]): RationalColumn => new RationalColumn(values);
  return {
    ...columns(col, { fait, programme, pasFait, nonRenseigne, faitTaches, programmeTaches, pasFaitTaches }),
    totalTaches,
    completedTaches,
    pasConcerneTaches,
    fromOwnStatut,
    unitDenominator: 0,
  };
}
