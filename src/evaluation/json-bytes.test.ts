/**
 * The number writers of the batch's byte buffer print exactly what JSON.stringify prints: integers
 * and decimals of integer units, negative, at the limits of the integer path and beyond it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes, decimalAt, integerAt } from './json-bytes.js';

const text = (write: (b: Uint8Array, at: number) => number): string => {
  const b = new Uint8Array(64);
  return new TextDecoder().decode(b.subarray(0, write(b, 0)));
};

describe('number writers', () => {
  it('write q ÷ 10^decimals as JSON.stringify prints the number', () => {
    const q = fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.maxSafeInteger().map((n) => n - (n % 1000)), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(0, -0, 1, -1, 999, 1000, 1001, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 1e15 - 1, 1e15, -1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(q, fc.constantFrom(3, 4), (n, decimals) => {
        expect(text((b, at) => decimalAt(b, at, n, decimals))).toBe(JSON.stringify(n / 10 ** decimals + 0));
      }),
      { numRuns: 20000 },
    );
  });

  it('write integers as String does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -0, 1e15, -1e15, 1e15 - 1, 2 ** 31, 1e21, 0.5)), (n) => {
        expect(text((b, at) => integerAt(b, at, n))).toBe(JSON.stringify(n));
      }),
      { numRuns: 20000 },
    );
  });

  it('writes at the position given and leaves the bytes before it', () => {
    const out = new JsonBytes();
    out.ascii('[');
    const b = out.reserve(40);
    out.length = decimalAt(b, out.length, -12345, 4);
    out.ascii(']');
    expect(new TextDecoder().decode(out.take())).toBe('[-1.2345]');
  });
});
