import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, gcdNumber, q } from './rational.js';

describe('Rational', () => {
  it('keeps decimals exact where floats drift', () => {
    let acc = Rational.ZERO;
    for (let i = 0; i < 12; i++) acc = acc.add(q('0.1'));
    expect(acc.equals(q('1.2'))).toBe(true);
    expect(q(1, 3).add(q(1, 3)).add(q(1, 3)).equals(Rational.ONE)).toBe(true);
    expect(Rational.fromNumber(0.1).toFraction()).toBe('1/10');
    expect(q('0.225').toFraction()).toBe('9/40');
  });

  it('rounds half away from zero, exactly', () => {
    expect(q('0.0005').round(3)).toBe(0.001);
    expect(q('-0.0005').round(3)).toBe(-0.001);
    expect(q('3.560625').round(3)).toBe(3.561);
    expect(q('1.0045').round(3)).toBe(1.005); // a float would give 1.004
    expect(q(20, 3).round(3)).toBe(6.667);
    expect(q(-1, 3).round(3)).toBe(-0.333);
    expect(Rational.ZERO.round(3)).toBe(0);
    expect(Object.is(q('-0.0001').round(3), -0)).toBe(false);
  });

  it('parses decimal, exponent and fraction text, and rejects the rest', () => {
    expect(Rational.parseDecimal('12')?.toFraction()).toBe('12');
    expect(Rational.parseDecimal('-1.5e-2')?.toFraction()).toBe('-3/200');
    expect(Rational.parseDecimal('2/3')?.toFraction()).toBe('2/3');
    for (const bad of ['', '.', 'abc', '1/0', '1..2', '1e9999']) expect(Rational.parseDecimal(bad)).toBeNull();
  });

  it('leaves the safe-integer range without losing exactness', () => {
    const big = q(Number.MAX_SAFE_INTEGER).mul(q(Number.MAX_SAFE_INTEGER));
    expect(big.numerator).toBe(BigInt(Number.MAX_SAFE_INTEGER) ** 2n);
    expect(big.div(q(Number.MAX_SAFE_INTEGER)).equals(q(Number.MAX_SAFE_INTEGER))).toBe(true);
    const tiny = q(1, 999_999_937).mul(q(1, 999_999_929));
    expect(tiny.mul(q(999_999_937)).mul(q(999_999_929)).equals(Rational.ONE)).toBe(true);
  });

  it('adds same-denominator values whose sum leaves the safe integers exactly (regression)', () => {
    // Found by the field-law property (seed 39): the double sum was rounded before being checked.
    const a = q(-82021490);
    const b = Rational.of(716355703, 10);
    const c = q(51895271);
    expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
    expect(q(-5875656213005747).add(q(-4256527451373790)).numerator).toBe(-10132183664379537n);
    expect(q(Number.MAX_SAFE_INTEGER).add(q(2)).numerator).toBe(BigInt(Number.MAX_SAFE_INTEGER) + 2n);
  });

  it('obeys the field laws on random values (fast-check)', () => {
    const rat = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }))
      .map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(rat, rat, rat, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(a).isZero()).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).equals(a)).toBe(true);
        expect(Math.sign(a.compare(b))).toBe(Math.sign(Number(a.numerator * b.denominator - b.numerator * a.denominator)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Rational.round fast path', () => {
  it('agrees with the BigInt path on random values, including halves', () => {
    const slow = (r: Rational, k: number): number => {
      const scale = 10n ** BigInt(k);
      const n = r.numerator;
      const d = r.denominator;
      const abs = n < 0n ? -n : n;
      const q = (2n * abs * scale + d) / (2n * d);
      return Number(n < 0n ? -q : q) / Number(scale) + 0;
    };
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (n, d, k) => {
        const r = Rational.of(n, d);
        expect(r.round(k)).toBe(slow(r, k));
      }),
      { numRuns: 5000 },
    );
    for (const [n, d] of [[5, 10000], [15, 10000], [-25, 10000], [4_503_599_627_370_495, 1000]] as const) {
      const r = Rational.of(n, d);
      expect(r.round(3)).toBe(slow(r, 3));
    }
  });
});

describe('Rational.roundQuotient', () => {
  it('equals the rounded exact quotient', () => {
    const rat = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 })).map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(rat, rat, fc.integer({ min: 0, max: 6 }), (a, b, k) => {
        if (b.isZero()) return;
        expect(Rational.roundQuotient(a, b, k)).toBe(a.div(b).round(k));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Rational.sumAt', () => {
  it('equals the sum by add, including past the safe-integer range', () => {
    const rat = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e7 })).map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(fc.array(rat, { maxLength: 30 }), (values) => {
        const idx = values.map((_, i) => i).reverse();
        expect(Rational.sumAt(values, idx).equals(Rational.sum(values))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    const big = [q(Number.MAX_SAFE_INTEGER), q(Number.MAX_SAFE_INTEGER), q(1, 3)];
    expect(Rational.sumAt(big, [0, 1, 2]).equals(Rational.sum(big))).toBe(true);
  });
});

describe('wrong types from plain JavaScript', () => {
  const anyArg = (x: unknown): never => x as never;
  it('gcdNumber throws a TypeError naming the argument instead of looping forever', () => {
    expect(() => gcdNumber(Number.NaN, 1)).toThrow(new TypeError('gcdNumber : argument a invalide (NaN), attendu un entier sûr'));
    expect(() => gcdNumber(1, 0.5)).toThrow(new TypeError('gcdNumber : argument b invalide (0.5), attendu un entier sûr'));
    expect(() => gcdNumber(Number.POSITIVE_INFINITY, 1)).toThrow(TypeError);
    expect(() => gcdNumber(anyArg('12'), 1)).toThrow('argument a invalide ("12")');
    expect(gcdNumber(-12, 18)).toBe(6);
  });
  it('the factories throw a TypeError naming the argument', () => {
    expect(() => Rational.of(Number.NaN)).toThrow(new TypeError('Rational.of : argument numerator invalide (NaN), attendu un entier (number ou bigint)'));
    expect(() => Rational.of(1, 0.5)).toThrow('argument denominator invalide (0.5)');
    expect(() => Rational.of(anyArg({}), 1)).toThrow('argument numerator invalide (objet)');
    expect(() => Rational.of(anyArg(Object.create(null)), 1)).toThrow(TypeError);
    expect(() => Rational.integer(1.5)).toThrow('Rational.integer : argument k invalide (1.5)');
    expect(() => Rational.fromNumber(Number.POSITIVE_INFINITY)).toThrow('Rational.fromNumber : argument x invalide (Infinity), attendu un nombre fini');
    expect(() => Rational.fromNumber(anyArg('0.5'))).toThrow(TypeError);
    expect(() => Rational.parseDecimal(anyArg(12))).toThrow('Rational.parseDecimal : argument text invalide (12), attendu une chaîne');
    expect(() => q(anyArg(null))).toThrow('q : argument a invalide (null)');
    expect(Rational.of(3n, 6).toFraction()).toBe(Rational.of(1, 2).toFraction());
  });
});
