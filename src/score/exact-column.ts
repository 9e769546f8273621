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

  /**
   * Node i's value is `units[i × stride + offset] / unit.denominator` exactly: every stored value
   * is a safe integer. Several columns may interleave in one buffer (stride > 1), so that a node's
   * values share a cache line. The unit is read at each access, because the integer path refines
   * it (score/unit-space.ts) after columns exist.
   */
  constructor(
    readonly units: Float64Array,
    private readonly unit: { readonly denominator: number },
    private readonly offset = 0,
    private readonly stride = 1,
  ) {}

  get denominator(): number {
    return this.unit.denominator;
  }

  /** units[i], or NaN when a value written afterwards (an override) replaced it. */
  unitsAt(i: number): number {
    return this.exact?.[i] !== undefined ? Number.NaN : this.units[i * this.stride + this.offset]!;
  }

  at(i: number): Rational {
    const e = this.exact?.[i];
    if (e !== undefined) return e;
    const u = this.units[i * this.stride + this.offset]!;
    return u === 0 ? Rational.ZERO : Rational.of(u, this.unit.denominator);
  }
  sign(i: number): -1 | 0 | 1 {
    const e = this.exact?.[i];
    if (e !== undefined) return e.sign();
    const u = this.units[i * this.stride + this.offset]!;
    return u === 0 ? 0 : u < 0 ? -1 : 1;
  }
  set(i: number, x: Rational): void {
    (this.exact ??= [])[i] = x;
  }
}

/**
 * The personalised points: the référentiel's, except where a reduction factor gave another value.
 * Read-only: no per-dossier array of 1,471 Rationals when only a few nodes are personalised.
 */
export class PersoColumn implements ExactColumn {
  constructor(
    private readonly points: readonly Rational[],
    private readonly personalised: ReadonlyMap<number, Rational>,
  ) {}
  at(i: number): Rational {
    return this.personalised.get(i) ?? this.points[i]!;
  }
  sign(i: number): -1 | 0 | 1 {
    return this.at(i).sign();
  }
  set(): void {
    throw new Error('PersoColumn est en lecture seule');
  }
}
