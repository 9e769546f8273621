/**
 * One exact value per flat-tree node, stored as integers counting a common unit 1/D, or as the
 * personalised points. Readers see Rationals; a Rational is only built when a score is read, and a value written afterwards (a score override) is kept
 * as a Rational on the side.
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
   * Node i's value is `units(i) / unit.denominator` exactly: every count is a safe integer. Counts
   * are read through a function, because the integer path stores some and derives others (a
   * leaf's avancement comes from its statut). The unit is read at each access, because the
   * integer path refines it (score/unit-space.ts) after columns exist.
   */
  constructor(
    private readonly units: (i: number) => number,
    private readonly unit: { readonly denominator: number },
  ) {}

  get denominator(): number {
    return this.unit.denominator;
  }

  /** The count of node i, or NaN when a value written afterwards (an override) replaced it. */
  unitsAt(i: number): number {
    return this.exact?.[i] !== undefined ? Number.NaN : this.units(i);
  }

  at(i: number): Rational {
    const e = this.exact?.[i];
    if (e !== undefined) return e;
    const u = this.units(i);
    return u === 0 ? Rational.ZERO : Rational.of(u, this.unit.denominator);
  }
  sign(i: number): -1 | 0 | 1 {
    const e = this.exact?.[i];
    if (e !== undefined) return e.sign();
    const u = this.units(i);
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
