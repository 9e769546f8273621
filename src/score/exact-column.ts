/**
 * One exact value per flat-tree node, stored either as Rationals or as integers counting a common
 * unit 1/D (score/avancement.ts chooses). Readers see Rationals either way; with units, a Rational
 * is only built when a score is read, and a value written afterwards (a score override) is kept
 * as a Rational on the side.
 */
import { Rational } from '../exact/rational.js';

export interface ExactColumn {
  at(i: number): Rational;
  sign(i: number): -1 | 0 | 1;
  set(i: number, x: Rational): void;
}

export class RationalColumn implements ExactColumn {
  constructor(readonly values: Rational[]) {}
  at(i: number): Rational {
    return this.values[i]!;
  }
  sign(i: number): -1 | 0 | 1 {
    return this.values[i]!.sign();
  }
  set(i: number, x: Rational): void {
    this.values[i] = x;
  }
}

export class UnitColumn implements ExactColumn {
  /** Values written after the integer pass (overrides), which need not be multiples of 1/D. */
  private exact: (Rational | undefined)[] | undefined;

  /** `units[i] / denominator` exactly: every units[i] is a safe integer. */
  constructor(
    readonly units: Float64Array,
    readonly denominator: number,
  ) {}

  at(i: number): Rational {
    const e = this.exact?.[i];
    if (e !== undefined) return e;
    const u = this.units[i]!;
    return u === 0 ? Rational.ZERO : Rational.of(u, this.denominator);
  }
  sign(i: number): -1 | 0 | 1 {
    const e = this.exact?.[i];
    if (e !== undefined) return e.sign();
    const u = this.units[i]!;
    return u === 0 ? 0 : u < 0 ? -1 : 1;
  }
  set(i: number, x: Rational): void {
    (this.exact ??= [])[i] = x;
  }
}
