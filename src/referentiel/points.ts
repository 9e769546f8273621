/**
 * Points distribution (scoring.md §2), exactly: explicit points, zero-fill of siblings, bottom-up
 * sums, then top-down equal split or percentages, then the checks. Writes `points` on every node.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { Rational } from '../exact/rational.js';
import type { ActionNode } from './model.js';

const show = (n: ActionNode): string => n.identifiant === '' ? n.id : n.identifiant;

type Points = Map<ActionNode, Rational | null>;

// The walks below use index loops: they run once per process, before the JIT warms up, where
// for…of and callbacks allocate per step.
export function distributePoints(root: ActionNode, diagnostics: Diagnostic[]): void {
  const pts: Points = new Map();
  const all: ActionNode[] = [];
  const collect = (n: ActionNode): void => {
    all.push(n);
    pts.set(n, n.pointsSource);
    for (let i = 0; i < n.children.length; i++) collect(n.children[i]!);
  };
  collect(root);
  zeroFill(all, pts);
  bottomUp(root, pts);
  const unchecked = new Set<ActionNode>();
  topDown(root, pts, unchecked, diagnostics);
  checkPoints(all, pts, unchecked, diagnostics);
}

/** 2. Sibling zero-fill: once a child has explicit points, the siblings without points get 0. */
function zeroFill(all: readonly ActionNode[], pts: Points): void {
  for (let k = 0; k < all.length; k++) {
    const children = all[k]!.children;
    let explicit = false;
    for (let i = 0; !explicit && i < children.length; i++) explicit = children[i]!.pointsSource !== null;
    if (explicit) {
      for (let i = 0; i < children.length; i++) if (pts.get(children[i]!) === null) pts.set(children[i]!, Rational.ZERO);
    }
  }
}

/** 3. Bottom-up: a node with neither points nor percentage takes the sum of its children. */
function bottomUp(n: ActionNode, pts: Points): void {
  const children = n.children;
  for (let i = 0; i < children.length; i++) bottomUp(children[i]!, pts);
  if (pts.get(n) === null && n.pourcentage === null && children.length > 0) {
    let sum: Rational | null = Rational.ZERO;
    for (let i = 0; sum !== null && i < children.length; i++) {
      const v = pts.get(children[i]!) ?? null;
      sum = v === null ? null : sum.add(v);
    }
    if (sum !== null) pts.set(n, sum);
  }
}

/** 4. Top-down: equal split, or pourcentage / 100 × parent, to children that have no points yet. */
function topDown(n: ActionNode, pts: Points, unchecked: Set<ActionNode>, diagnostics: Diagnostic[]): void {
  const children = n.children;
  const p = pts.get(n) ?? null;
  let unset = p !== null && children.length > 0;
  for (let i = 0; unset && i < children.length; i++) unset = pts.get(children[i]!) === null;
  if (p !== null && unset) {
    let withPercent = false;
    let eligible = 0;
    for (let i = 0; i < children.length; i++) {
      const pc = children[i]!.pourcentage;
      if (pc === null) eligible++;
      else if (!pc.isZero()) withPercent = true;
    }
    if (!withPercent) {
      const share = eligible > 0 ? p.divInt(eligible) : Rational.ZERO;
      for (let i = 0; i < children.length; i++) pts.set(children[i]!, children[i]!.pourcentage === null ? share : Rational.ZERO);
    } else splitByPercent(n, p, pts, unchecked, diagnostics);
  }
  for (let i = 0; i < children.length; i++) topDown(children[i]!, pts, unchecked, diagnostics);
}

/** Children get pourcentage / 100 × p; percentages that do not add up to 100 are an error. */
function splitByPercent(n: ActionNode, p: Rational, pts: Points, unchecked: Set<ActionNode>, diagnostics: Diagnostic[]): void {
  const total = Rational.sum(n.children.map((c) => c.pourcentage ?? Rational.ZERO));
  if (!total.equals(Rational.HUNDRED)) {
    unchecked.add(n);
    const first = n.children.find((c) => c.pourcentage !== null)!;
    diagnostics.push(
      diagnostic(
        'pourcentages-somme-100',
        'error',
        `Somme des pourcentages inattendue \`${fmt(total)}\`, attendu \`100\` pour les enfants de \`${show(n)}\` (${n.children
          .map((c) => `${c.identifiant} : ${c.pourcentage === null ? '—' : fmt(c.pourcentage)}`)
          .join(', ')})`,
        first.keyPositions.pourcentage ?? first.position,
      ),
    );
  }
  for (const c of n.children) pts.set(c, (c.pourcentage ?? Rational.ZERO).mul(p).div(Rational.HUNDRED));
}

/** 5. Checks: every node has points (written on it), and children add up to their parent exactly. */
function checkPoints(all: readonly ActionNode[], pts: Points, unchecked: ReadonlySet<ActionNode>, diagnostics: Diagnostic[]): void {
  for (let k = 0; k < all.length; k++) {
    const n = all[k]!;
    const p = pts.get(n) ?? null;
    if (p === null) {
      diagnostics.push(
        diagnostic(
          'points-non-inferables',
          'error',
          `Points de \`${show(n)}\` impossibles à déduire, attendu \`points\` sur ce titre, sur ses enfants ou un \`pourcentage\` d'un parent qui a des points`,
          n.position,
        ),
      );
    }
    n.points = p ?? Rational.ZERO;
  }
  for (let k = 0; k < all.length; k++) {
    const n = all[k]!;
    const children = n.children;
    if (children.length === 0 || unchecked.has(n) || pts.get(n) === null) continue;
    let sum: Rational | null = Rational.ZERO;
    for (let i = 0; sum !== null && i < children.length; i++) sum = pts.get(children[i]!) === null ? null : sum.add(children[i]!.points);
    if (sum !== null && !sum.equals(n.points)) {
      diagnostics.push(
        diagnostic(
          'points-incoherents',
          'error',
          `Somme des points des enfants inattendue \`${fmt(sum)}\`, attendu \`${fmt(n.points)}\` (les points de \`${show(n)}\`)`,
          n.keyPositions.points ?? n.position,
        ),
      );
    }
  }
}

/** `0.225`, or `20/3` when the decimal is not finite. */
export function fmt(r: Rational): string {
  let d = r.denominator;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return r.toFraction();
  const n = r.numerator < 0n ? -r.numerator : r.numerator;
  let scale = 0;
  let den = r.denominator;
  let num = n;
  while (den !== 1n && scale < 40) {
    // multiply by 10 until the denominator divides out
    num *= 10n;
    scale++;
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  const s = num.toString().padStart(scale + 1, '0');
  const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return (r.numerator < 0n ? '-' : '') + text;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
