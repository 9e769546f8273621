/**
 * The étoile of the global score, with HEAD's expected values: requestable-star.spec.ts
 * (getMaxRequestableStar) and scores.service.spec.ts (root `etoiles` of an ECI dossier).
 */
import { describe, expect, it } from 'vitest';
import { Rational, q } from '../exact/rational.js';
import { etoileDuScore } from './etoile-du-score.js';
import { DEFAULT_ETOILES } from './etoiles-config.js';

const cae = DEFAULT_ETOILES['cae']!;
const eci = DEFAULT_ETOILES['eci']!;

describe('etoileDuScore', () => {
  // HEAD packages/domain/src/referentiels/labellisations/requestable-star.spec.ts
  it.each<[string, number]>([
    ['-0.1', 1],
    ['0', 1],
    ['0.34', 1],
    ['0.35', 2],
    ['0.49', 2],
    ['0.5', 3],
    ['0.64', 3],
    ['0.65', 4],
    ['0.6812', 4],
    ['0.74', 4],
    ['0.75', 5],
    ['1', 5],
  ])('fait ÷ potentiel %s allows the étoile %i', (ratio, etoile) => {
    expect(etoileDuScore(cae, q(ratio)).etoile).toBe(etoile);
    expect(etoileDuScore(eci, q(ratio)).etoile).toBe(etoile);
  });

  it('never decreases as the score grows (0 to 100 %, by 1 %)', () => {
    let prev = 0;
    for (let i = 0; i <= 100; i++) {
      const e = etoileDuScore(cae, Rational.of(i, 100)).etoile;
      expect(e).toBeGreaterThanOrEqual(prev);
      prev = e;
    }
  });

  it('gives 3 étoiles for an ECI root at 281.139 fait of 500 (HEAD scores.service.spec.ts)', () => {
    expect(etoileDuScore(eci, q('281.139').div(q(500))).etoile).toBe(3);
  });

  it('compares exactly: 7/20 is the second étoile, 34999/100000 is not', () => {
    expect(etoileDuScore(cae, Rational.of(7, 20)).etoile).toBe(2);
    expect(etoileDuScore(cae, Rational.of(34999, 100000)).etoile).toBe(1);
    expect(etoileDuScore(cae, Rational.of(1, 3)).etoile).toBe(1);
  });
});
