/**
 * The target étoile, as HEAD's getEtoileCible (get-labellisation.service.ts) computes it, and the
 * threshold HEAD's checklist shows for a collectivité labelled N − 1
 * (e2e/tests/referentiels/labellisations/checklist-score-minimum.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { etoileCible, prochaineEtoile } from './etoile-cible.js';
import { DEFAULT_ETOILES } from './etoiles-config.js';

const cae = DEFAULT_ETOILES['cae']!;

describe('etoileCible', () => {
  it('is the étoile of the score when the collectivité holds no label', () => {
    for (let s = 1; s <= 5; s++) expect(etoileCible(cae, s)).toBe(s);
    expect(etoileCible(cae, 3, null)).toBe(3);
  });

  it('is at least the étoile after the label held, whatever the score', () => {
    expect(etoileCible(cae, 1, { etoile: 1 })).toBe(2);
    expect(etoileCible(cae, 1, { etoile: 2, date: '2023-05-01' })).toBe(3);
    expect(etoileCible(cae, 2, { etoile: 4 })).toBe(5);
  });

  it('is the étoile of the score when it is higher than the label’s next one', () => {
    expect(etoileCible(cae, 5, { etoile: 2 })).toBe(5);
    expect(etoileCible(cae, 3, { etoile: 2 })).toBe(3);
  });

  it('stays at 5 for a collectivité labelled 5 (no étoile after it)', () => {
    expect(prochaineEtoile(cae, 5)).toBeNull();
    expect(etoileCible(cae, 1, { etoile: 5 })).toBe(5);
  });

  it('follows etoile_meta.prochaine_etoile: 1→2, 2→3, 3→4, 4→5', () => {
    expect([1, 2, 3, 4].map((e) => prochaineEtoile(cae, e))).toEqual([2, 3, 4, 5]);
  });
});
