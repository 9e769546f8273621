/**
 * Points distribution (scoring.md §2), exactly: explicit points, zero-fill of siblings, bottom-up
 * sums, then top-down equal split or percentages, then the checks. Writes `points` on every node.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { Rational } from '../exact/rational.js';
import type { ActionNode } from './model.js';

const show = (n: ActionNode): string => n.identifiant === '' ? n.id : n.identifiant;

export function distributePoints(root: ActionNode, diagnostics: Diagnostic[]): void {
  const pts = new Map<ActionNode, Rational | null>();
  const all: ActionNode[] = [];
  const collect = (n: ActionNode): void => {
    all.push(n);
    pts.set(n, n.pointsSource);
    for (const c of n.children) collect(c);
  };
  collect(root);

  // 2. Sibling zero-fill: once a child has explicit points, the siblings without points get 0.
  for (const n of all) {
    if (n.children.some((c) => c.pointsSource !== null)) {
      for (const c of n.children) if (pts.get(c) === null) pts.set(c, Rational.ZERO);
    }
  }

  // 3. Bottom-up: a node with neither points nor percentage takes the sum of its children.
  const bottomUp = (n: ActionNode): void => {
    for (const c of n.children) bottomUp(c);
    if (pts.get(n) === null && n.pourcentage === null && n.children.length > 0) {
      const values = n.children.map((c) => pts.get(c) ?? null);
      if (values.every((v) => v !== null)) pts.set(n, Rational.sum(values as Rational[]));
    }
  };
  bottomUp(root);

  // 4. Top-down: equal split, or pourcentage / 100 × parent.
  const unchecked = new Set<ActionNode>();
  const topDown = (n: ActionNode): void => {
    const p = pts.get(n) ?? null;
    if (p !== null && n.children.length > 0 && n.children.every((c) => pts.get(c) === null)) {
      const withPercent = n.children.some((c) => c.pourcentage !== null && !c.pourcentage.isZero());
      if (!withPercent) {
        const eligible = n.children.filter((c) => c.pourcentage === null);
        const share = eligible.length > 0 ? p.divInt(eligible.length) : Rational.ZERO;
        for (const c of n.children) pts.set(c, c.pourcentage === null ? share : Rational.ZERO);
      } else {
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
    }
    for (const c of n.children) topDown(c);
  };
  topDown(root);

  // 5. Checks: every node has points, and children add up to their parent exactly.
  for (const n of all) {
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
  for (const n of all) {
    if (n.children.length === 0 || unchecked.has(n)) continue;
    if (n.children.some((c) => pts.get(c) === null) || pts.get(n) === null) continue;
    const sum = Rational.sum(n.children.map((c) => c.points));
    if (!sum.equals(n.points)) {
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
