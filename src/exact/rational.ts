/**
 * Exact rational numbers for points, shares and ratios.
 *
 * Why not floats: 12 × 0.1, thirds of a sous-action and the étoile thresholds must compare exactly.
 * Why not always BigInt: scoring a dossier touches thousands of values and BigInt allocation is slow.
 * So a value is a pair of safe integers on the fast path, and silently switches to BigInt when an
 * operation would leave the safe-integer range. Values are immutable and always reduced, with a
 * positive denominator, so `equals` and `compare` are cheap and the representation is canonical.
 */

const MAX = Number.MAX_SAFE_INTEGER;

/** How a wrong argument is shown in a TypeError: never throws itself (a null-prototype object has no toString). */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'object') return v === null ? 'null' : Array.isArray(v) ? 'tableau' : 'objet';
  if (typeof v === 'function') return 'fonction';
  return String(v);
}

/** For calls from plain JavaScript: a clear error naming the argument, instead of NaN spreading or an endless loop. */
export function invalidArgument(fn: string, name: string, value: unknown, expected: string): TypeError {
  return new TypeError(`${fn} : argument ${name} invalide (${shown(value)}), attendu ${expected}`);
}

/**
 * Greatest common divisor of two safe integers (sign ignored). Checked: with NaN or a fraction the
 * Euclid loop below never reaches 0. Two `Number.isSafeInteger` tests cost nothing measurable.
 */
export function gcdNumber(a: number, b: number): number {
  if (!Number.isSafeInteger(a)) throw invalidArgument('gcdNumber', 'a', a, 'un entier sûr');
  if (!Number.isSafeInteger(b)) throw invalidArgument('gcdNumber', 'b', b, 'un entier sûr');
  return gcdSafe(a, b);
}

function gcdSafe(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const isSafe = (x: number): boolean => x <= MAX && x >= -MAX;

const decimalCache = new Map<number, Rational>();
const DIGITS = /^\d+$/;
const SMALL_INTEGERS = 4096;
const smallIntegers: Rational[] = [];

/**
 * An exact rational number: a pair of safe integers, switching to BigInt when needed. Every point of
 * the engine is one; round only when presenting (`round(3)`, half away from zero). Operations never
 * lose precision; division by zero throws `RangeError`.
 *
 * @example
 * const third = Rational.of(1, 3);
 * console.log(third.add(third).add(third).equals(Rational.ONE), Rational.of(2, 3).round(3)); // true 0.667
 */
export class Rational {
  /** Numerator and denominator on the fast path; NaN when the value lives in `bn`/`bd`. */
  private constructor(
    private readonly n: number,
    private readonly d: number,
    private readonly bn?: bigint,
    private readonly bd?: bigint,
  ) {}

  static readonly ZERO = new Rational(0, 1);
  static readonly ONE = new Rational(1, 1);
  static readonly HUNDRED = new Rational(100, 1);

  /** A small non-negative integer, shared (tâche counts): no allocation for the common ones. */
  static integer(k: number): Rational {
    if (k >= 0 && k < SMALL_INTEGERS && Number.isInteger(k)) return (smallIntegers[k] ??= new Rational(k, 1));
    if (!Number.isInteger(k)) throw invalidArgument('Rational.integer', 'k', k, 'un entier');
    return Rational.of(k);
  }

  /** Builds a reduced value from integer parts (numbers or bigints). */
  static of(numerator: number | bigint, denominator: number | bigint = 1): Rational {
    if (typeof numerator === 'number' && typeof denominator === 'number' && Number.isInteger(numerator) && Number.isInteger(denominator)) {
      return Rational.fromSafe(numerator, denominator);
    }
    const integer = (v: unknown): boolean => typeof v === 'bigint' || Number.isInteger(v);
    if (!integer(numerator)) throw invalidArgument('Rational.of', 'numerator', numerator, 'un entier (number ou bigint)');
    if (!integer(denominator)) throw invalidArgument('Rational.of', 'denominator', denominator, 'un entier (number ou bigint)');
    return Rational.fromBig(BigInt(numerator), BigInt(denominator));
  }

  private static fromSafe(n: number, d: number): Rational {
    if (d === 0) throw new RangeError('Division par zéro');
    if (!isSafe(n) || !isSafe(d)) return Rational.fromBig(BigInt(n), BigInt(d));
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (n === 0) return Rational.ZERO;
    if (d !== 1) {
      const g = gcdSafe(n, d);
      if (g !== 1) {
        n /= g;
        d /= g;
      }
    }
    return new Rational(n + 0, d);
  }

  private static fromBig(n: bigint, d: bigint): Rational {
    if (d === 0n) throw new RangeError('Division par zéro');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcdBig(n, d);
    if (g > 1n) {
      n /= g;
      d /= g;
    }
    // Come back to the fast path whenever the reduced value fits.
    if (n <= BigInt(MAX) && n >= -BigInt(MAX) && d <= BigInt(MAX)) return new Rational(Number(n), Number(d));
    return new Rational(Number.NaN, Number.NaN, n, d);
  }

  /**
   * The exact decimal a JavaScript number was written as: 0.1 is 1/10, not the binary double.
   * This is what a human typing `0.1` in YAML or JSON means.
   */
  static fromNumber(x: number): Rational {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw invalidArgument('Rational.fromNumber', 'x', x, 'un nombre fini');
    if (Number.isInteger(x) && isSafe(x)) return new Rational(x + 0, 1);
    // Dossiers repeat the same few fractions (0.5, 0.25…): remember them.
    let r = decimalCache.get(x);
    if (r === undefined) {
      r = Rational.parseDecimal(String(x)) as Rational;
      if (decimalCache.size < 4096) decimalCache.set(x, r);
    }
    return r;
  }

  /** Parses `12`, `-0.225`, `1e-3`, `2/3` exactly; returns null when the text is not a number. */
  static parseDecimal(text: string): Rational | null {
    if (typeof text !== 'string') throw invalidArgument('Rational.parseDecimal', 'text', text, 'une chaîne');
    const s = text.trim();
    // Whole numbers of up to 15 digits (a référentiel's points and percentages) are safe integers:
    // no BigInt arithmetic for them.
    if (s.length <= 15 && DIGITS.test(s)) return Rational.fromSafe(Number(s), 1);
    const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(s);
    if (frac) {
      const den = BigInt(frac[2]!);
      return den === 0n ? null : Rational.fromBig(BigInt(frac[1]!), den);
    }
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const fracPart = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    if (Math.abs(exp) > 400) return null;
    let num = BigInt(intPart + fracPart) * sign;
    let den = 10n ** BigInt(fracPart.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.fromBig(num, den);
  }

  /**
   * Numerator and denominator as safe integers (the reduced pair), or NaN when the value only fits
   * in BigInts: for engine code that works in exact integer units (see score/avancement.ts).
   */
  get safeNumerator(): number {
    return this.n;
  }
  get safeDenominator(): number {
    return this.d;
  }

  private get big(): boolean {
    return this.bn !== undefined;
  }
  get numerator(): bigint {
    return this.bn ?? BigInt(this.n);
  }
  get denominator(): bigint {
    return this.bd ?? BigInt(this.d);
  }

  add(o: Rational): Rational {
    if (!this.big && !o.big) {
      if (this.n === 0) return o;
      if (o.n === 0) return this;
      const sum = this.d === o.d ? Rational.addSameDenominator(this, o) : Rational.addKnuth(this, o);
      if (sum) return sum;
    }
    return Rational.fromBig(this.numerator * o.denominator + o.numerator * this.denominator, this.denominator * o.denominator);
  }

  /** x + y with one denominator, or null when the numerators' sum is not a safe integer. */
  private static addSameDenominator(x: Rational, y: Rational): Rational | null {
    // Checked before use: beyond 2^53 the double sum has already been rounded.
    const t = x.n + y.n;
    return isSafe(t) ? Rational.fromSafe(t, x.d) : null;
  }

  /**
   * x + y by Knuth's method (TAOCP 4.5.1): with g = gcd(b, d), the sum's common factor divides g,
   * so the second gcd runs on the small g rather than on the product of the denominators. Null
   * when an intermediate is not a safe integer.
   */
  private static addKnuth(x: Rational, y: Rational): Rational | null {
    const g = gcdNumber(x.d, y.d);
    const bg = x.d / g;
    const a = x.n * (y.d / g);
    const b = y.n * bg;
    const t = a + b;
    if (!(isSafe(a) && isSafe(b) && isSafe(t))) return null;
    if (t === 0) return Rational.ZERO;
    const g2 = g === 1 ? 1 : gcdNumber(t, g);
    const den = bg * (y.d / g2);
    return isSafe(den) ? new Rational(t / g2 + 0, den) : null;
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  neg(): Rational {
    if (this.big) return new Rational(Number.NaN, Number.NaN, -this.bn!, this.bd);
    return this.n === 0 ? this : new Rational(-this.n, this.d);
  }

  mul(o: Rational): Rational {
    if (!this.big && !o.big) {
      if (this.n === 0 || o.n === 0) return Rational.ZERO;
      if (this.d === 1 && o.d === 1) {
        const p = this.n * o.n;
        if (isSafe(p)) return new Rational(p, 1);
      }
      // Cross-reduce first so the products stay small.
      const g1 = gcdNumber(this.n, o.d);
      const g2 = gcdNumber(o.n, this.d);
      const num = (this.n / g1) * (o.n / g2);
      const den = (this.d / g2) * (o.d / g1);
      if (isSafe(num) && isSafe(den)) return new Rational(num + 0, den);
    }
    return Rational.fromBig(this.numerator * o.numerator, this.denominator * o.denominator);
  }

  div(o: Rational): Rational {
    if (o.isZero()) throw new RangeError('Division par zéro');
    return this.mul(o.inverse());
  }

  inverse(): Rational {
    if (this.big) return Rational.fromBig(this.bd!, this.bn!);
    return Rational.fromSafe(this.d, this.n);
  }

  /** Multiplies by a small integer (counts, sibling numbers). */
  mulInt(k: number): Rational {
    return this.mul(Rational.fromSafe(k, 1));
  }
  divInt(k: number): Rational {
    return this.div(Rational.fromSafe(k, 1));
  }

  isZero(): boolean {
    return this.big ? false : this.n === 0;
  }
  sign(): -1 | 0 | 1 {
    if (this.big) return this.bn! < 0n ? -1 : 1;
    return this.n === 0 ? 0 : this.n < 0 ? -1 : 1;
  }
  equals(o: Rational): boolean {
    if (!this.big && !o.big) return this.n === o.n && this.d === o.d;
    return this.numerator === o.numerator && this.denominator === o.denominator;
  }
  compare(o: Rational): -1 | 0 | 1 {
    if (!this.big && !o.big) {
      if (this.d === o.d) return this.n === o.n ? 0 : this.n < o.n ? -1 : 1;
      const l = this.n * o.d;
      const r = o.n * this.d;
      if (isSafe(l) && isSafe(r)) return l === r ? 0 : l < r ? -1 : 1;
    }
    const l = this.numerator * o.denominator;
    const r = o.numerator * this.denominator;
    return l === r ? 0 : l < r ? -1 : 1;
  }
  lt(o: Rational): boolean {
    return this.compare(o) < 0;
  }
  lte(o: Rational): boolean {
    return this.compare(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.compare(o) > 0;
  }
  gte(o: Rational): boolean {
    return this.compare(o) >= 0;
  }
  static min(a: Rational, b: Rational): Rational {
    return a.compare(b) <= 0 ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.compare(b) >= 0 ? a : b;
  }
  static sum(values: Iterable<Rational>): Rational {
    let acc = Rational.ZERO;
    for (const v of values) acc = acc.add(v);
    return acc;
  }

  /**
   * Σ values[i] for i in indices: the engine's hot loop (a parent's points are the sums of its
   * children's). The running sum stays in two local integers, so only the result is allocated.
   */
  static sumAt(values: readonly Rational[], indices: readonly number[]): Rational {
    let n = 0;
    let d = 1;
    for (let k = 0; k < indices.length; k++) {
      const r = values[indices[k]!]!;
      if (r.big) return Rational.sumSlow(values, indices);
      if (r.n === 0) continue;
      if (r.d === d) {
        n += r.n;
        if (!isSafe(n)) return Rational.sumSlow(values, indices);
      } else {
        const g = gcdNumber(d, r.d);
        const dg = d / g;
        const a = n * (r.d / g);
        const b = r.n * dg;
        n = a + b;
        d = dg * r.d;
        // Every intermediate must be a safe integer, or the float arithmetic was not exact.
        if (!isSafe(a) || !isSafe(b) || !isSafe(n) || !isSafe(d)) return Rational.sumSlow(values, indices);
      }
      // Keep the pair small: reduce once the denominator grows (exactness never depends on it).
      if (d > 1 << 20) {
        const g = gcdSafe(n, d);
        if (g > 1) {
          n /= g;
          d /= g;
        }
      }
    }
    return Rational.fromSafe(n, d);
  }

  private static sumSlow(values: readonly Rational[], indices: readonly number[]): Rational {
    let acc = Rational.ZERO;
    for (const i of indices) acc = acc.add(values[i]!);
    return acc;
  }

  /** Nearest double; for display and JSON only, never fed back into the arithmetic. */
  toNumber(): number {
    if (!this.big) return this.n / this.d;
    return Number(this.bn!) / Number(this.bd!);
  }

  /**
   * Rounds to `decimals` places, half away from zero, exactly (no binary artefact: 0.0005 → 0.001).
   * This is the only rounding label-cae does, and only when presenting results.
   */
  round(decimals = 3): number {
    if (!this.big) {
      // Fast path, exact: floor((2·|n|·scale + d) / (2d)) with every product a safe integer; the
      // float quotient is corrected by one if it rounded across an integer.
      const scale = 10 ** decimals;
      const a = 2 * Math.abs(this.n) * scale + this.d;
      const b = 2 * this.d;
      if (a <= MAX && b <= MAX && scale <= 1e15) {
        let q = Math.floor(a / b);
        if (q * b > a) q--;
        else if ((q + 1) * b <= a) q++;
        return (this.n < 0 ? -q : q) / scale + 0;
      }
    }
    const scale = 10n ** BigInt(decimals);
    const n = this.numerator;
    const d = this.denominator;
    const abs = n < 0n ? -n : n;
    const q = (2n * abs * scale + d) / (2n * d); // floor(abs·scale/d + 1/2)
    const signed = n < 0n ? -q : q;
    return Number(signed) / Number(scale) + 0;
  }

  /** `(a ÷ b).round(decimals)` without building the quotient (presentation of ratios). */
  static roundQuotient(a: Rational, b: Rational, decimals: number): number {
    if (!a.big && !b.big) {
      const n = a.n * b.d;
      const d = a.d * b.n;
      if (isSafe(n) && isSafe(d) && d !== 0) {
        const r = new Rational(d < 0 ? -n : n, Math.abs(d));
        return r.round(decimals);
      }
    }
    return a.div(b).round(decimals);
  }

  /** Canonical text: `7/3`, `-1/2`, `6`. */
  toFraction(): string {
    // Safe integers print the same as their BigInt: no BigInt to allocate on the common path.
    if (!this.big) return this.d === 1 ? String(this.n) : `${this.n}/${this.d}`;
    const d = this.denominator;
    return d === 1n ? this.numerator.toString() : `${this.numerator}/${d}`;
  }
  toString(): string {
    return this.toFraction();
  }
  toJSON(): number {
    return this.toNumber();
  }
}

/** Shorthand for literals in code and tests: `q(3, 10)` is 0.3 exactly, `q('0.225')` too. */
export function q(a: number | string, b = 1): Rational {
  if (!Number.isInteger(b)) throw invalidArgument('q', 'b', b, 'un entier');
  if (typeof a !== 'string' && typeof a !== 'number') throw invalidArgument('q', 'a', a, 'un nombre ou une chaîne');
  if (typeof a === 'string') {
    const r = Rational.parseDecimal(a);
    if (!r) throw new RangeError(`Nombre invalide : ${a}`);
    return b === 1 ? r : r.divInt(b);
  }
  return Number.isInteger(a) ? Rational.of(a, b) : Rational.fromNumber(a).divInt(b);
}
