/**
 * One exact value per flat-tree node, stored as integers counting a common unit 1/D. Readers see
 * Rationals; a Rational is only built when a score is read, and a value written afterwards (a
 * score override) is kept as a Rational on the side.
 */
import { Rational } from '../exact/rational.js';

export interface ExactColumn {
  at(i: number): Rational;
  sign(i: number): -1 | 0 | 1;
  set(i: number, x: Rational): void;
}

export class UnitColumn implements ExactColumn {
  /** Values written after the integer pass (overrides), which need not be multiples of 1/D. */
  private exact: (Rational | undefined)[] | undefined;

  /**
   * Node i's value is `units[i] / unit.denominator` exactly: every count is a safe integer. The
   * unit is read at each access, because the integer path refines it (score/unit-space.ts) after
   * columns exist; so are the counts (a column of the unit space is rescaled in place).
   */
  constructor(
    /** The counts, one per flat-tree node, read only (an override does not change them: see unitsAt). */
    readonly units: Float64Array,
    private readonly unit: { readonly denominator: number },
  ) {}

  get denominator(): number {
    return this.unit.denominator;
  }

  /** The count of node i, or NaN when a value written afterwards (an override) replaced it. */
  unitsAt(i: number): number {
    return this.exact !== undefined && this.exact[i] !== undefined ? Number.NaN : this.units[i]!;
  }

  at(i: number): Rational {
    const e = this.exact?.[i];
    if (e !== undefined) return e;
    const u = this.units[i]!;
    return u === 0 ? Rational.ZERO : Rational.of(u, this.unit.denominator);
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
