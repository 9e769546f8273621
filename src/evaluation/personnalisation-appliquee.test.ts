/**
 * The answers of the `personnalisation` section come in the order of a plain sort by theme then
 * question (French collation, numeric for questions), whether their order was cached or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderOf, themeDeQuestion } from './personnalisation-appliquee.js';

/** The reference: sort the answers themselves, as the section did before its order was cached. */
function plainSort(ids: readonly string[]): string[] {
  const theme = new Intl.Collator('fr');
  const question = new Intl.Collator('fr', { numeric: true });
  return ids
    .map((q) => ({ q, t: themeDeQuestion(q) }))
    .sort((a, b) => theme.compare(a.t, b.t) || question.compare(a.q, b.q))
    .map((x) => x.q);
}

const id = fc.tuple(fc.constantFrom('dechets', 'EP', 'énergie', 'Eau', 'AOM', 'amenagement', 'TEC', 'cae'), fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 12 }).map((n) => `_${n}`), fc.constantFrom('_1a', '_2b', '_10', 'x'))).map(([a, b]) => a + b);

describe('orderOf', () => {
  it('orders the questions as a plain sort, from the cache too and past its bound', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 30 }), (ids) => {
        const expected = plainSort(ids);
        expect(Array.from(orderOf(ids), (k) => ids[k])).toEqual(expected);
        expect(Array.from(orderOf([...ids]), (k) => ids[k])).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });
});
