/**
 * Integer columns that count one common unit 1/D: the engine's fast path works on them instead of
 * Rationals. A value that needs a finer unit (a share of pool ÷ 3, a détaillé quarter) refines the
 * unit: D and every column are multiplied by the same integer, so every value stays exact.
 *
 * Exactness rests on one invariant: every stored value is a safe integer (|x| ≤ 2^53 − 1), and
 * so is every intermediate result, checked where it is produced. Doubles add, subtract and
 * multiply safe integers exactly as long as the result is one. When a value would leave that
 * range, the operation reports it and the caller falls back to Rationals.
 */
import { gcdNumber } from '../exact/rational.js';

export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/** |x| ≤ 2^53 − 1; false for NaN too. */
export const isSafeUnits = (x: number): boolean => x <= MAX_UNITS && x >= -MAX_UNITS;

export class UnitSpace {
  private readonly columns: Float64Array[] = [];

  /** D: every column value v means v / D. */
  constructor(public denominator: number) {}

  /** `count` new columns of n values, rescaled by every refinement (one allocation for all). */
  columnsOf(count: number, n: number): Float64Array[] {
    const buffer = new Float64Array(count * n);
    const out: Float64Array[] = [];
    for (let k = 0; k < count; k++) out.push(buffer.subarray(k * n, (k + 1) * n));
    this.columns.push(...out);
    return out;
  }

  /** Columns allocated elsewhere (dossier-columns.ts), rescaled by every refinement from now on. */
  adopt(...columns: Float64Array[]): void {
    this.columns.push(...columns);
  }

  /**
   * Multiplies D and every column by m (a positive integer). Returns false, leaving the space
   * unusable, when D or a value would stop being a safe integer.
   */
  refine(m: number): boolean {
    if (m === 1) return true;
    const D = this.denominator * m;
    if (!isSafeUnits(D)) return false;
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const length = c.length;
      for (let i = 0; i < length; i++) {
        const v = c[i]! * m;
        if (!(v <= MAX_UNITS && v >= -MAX_UNITS)) return false;
        c[i] = v;
      }
    }
    this.denominator = D;
    return true;
  }

  /**
   * The smallest m such that value × m is a multiple of b, i.e. b ÷ gcd(b, value): how much the
   * unit must be refined for value ÷ b to be an integer count.
   */
  static refinementFor(value: number, b: number): number {
    return b / gcdNumber(value, b);
  }
}

/** lcm of two positive safe integers, or 0 when it is not one (or either is 0 or NaN). */
export function lcmUnits(a: number, b: number): number {
  if (!(a >= 1 && b >= 1 && b <= MAX_UNITS)) return 0;
  if (a % b === 0) return a;
  const r = (a / gcdNumber(a, b)) * b;
  return isSafeUnits(r) ? r : 0;
}
