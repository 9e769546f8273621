import { Rational } from '../../src/exact/rational.js';

/** A formula tree without its positions (and with exact numbers as text), to compare shapes. */
export function stripPositions(n: unknown): unknown {
  if (n instanceof Rational) return n.toFraction();
  if (Array.isArray(n)) return n.map(stripPositions);
  if (n && typeof n === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) if (k !== 'pos' && k !== 'end') o[k] = stripPositions(v);
    return o;
  }
  return n;
}
