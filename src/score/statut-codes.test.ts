/** The statut table: every conversion derived from it agrees with the others. */
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import { STATUTS_SIMPLES, STATUT_SIMPLE, statutDetaille, statutLabel } from './statut.js';
import { AUCUN, CODE_DU_STATUT, DETAILLE, NON_CONCERNE, NON_RENSEIGNE, hasAvancementCode, isConcerneCode, statutCode, statutDuCode, tripleDuCode } from './statut-codes.js';
import { StatutsIndex } from './statuts-index.js';

describe('statut codes', () => {
  it('gives each simple statut a distinct code that leads back to it', () => {
    const codes = STATUTS_SIMPLES.map((s) => CODE_DU_STATUT[s]);
    expect(new Set(codes).size).toBe(STATUTS_SIMPLES.length);
    for (const s of STATUTS_SIMPLES) {
      const c = CODE_DU_STATUT[s];
      expect(statutCode(STATUT_SIMPLE[s])).toBe(c);
      expect(statutDuCode(c)).toBe(STATUT_SIMPLE[s]);
      expect(statutLabel(statutDuCode(c))).toBe(s);
      expect(tripleDuCode(c)).toBe(STATUT_SIMPLE[s].concerne ? STATUT_SIMPLE[s].avancement : null);
      expect(isConcerneCode(c)).toBe(s !== 'non_concerne');
      expect(hasAvancementCode(c)).toBe(s === 'fait' || s === 'programme' || s === 'pas_fait');
    }
    expect(statutDuCode(AUCUN)).toBeUndefined();
    expect(isConcerneCode(AUCUN)).toBe(false);
    expect(hasAvancementCode(DETAILLE)).toBe(true);
  });

  it('codes a triple equal to a simple one but not the shared object as détaillé, and non concerné first', () => {
    const fait = { fait: Rational.ONE, programme: Rational.ZERO, pasFait: Rational.ZERO };
    expect(statutCode({ avancement: fait, concerne: true })).toBe(DETAILLE);
    expect(statutCode({ avancement: fait, concerne: false })).toBe(NON_CONCERNE);
    expect(statutCode({ avancement: null, concerne: true })).toBe(NON_RENSEIGNE);
  });

  it('is what StatutsIndex stores and gives back', () => {
    const index = new StatutsIndex(STATUTS_SIMPLES.length + 1);
    STATUTS_SIMPLES.forEach((s, i) => index.setSimple(i, s));
    const d = statutDetaille(0.5, 0.25, 0.25);
    index.set(STATUTS_SIMPLES.length, d);
    STATUTS_SIMPLES.forEach((s, i) => expect(index.get(i)).toBe(STATUT_SIMPLE[s]));
    expect(index.get(STATUTS_SIMPLES.length)).toBe(d);
    expect(index.triple(STATUTS_SIMPLES.length)).toBe(d.avancement);
    expect([...index.detailleNodes()]).toEqual([STATUTS_SIMPLES.length]);
    expect(index.fractionsDenominator()).toBe(4);
    expect(index.count()).toBe(STATUTS_SIMPLES.length + 1);
  });

  it('setSimple gives the code of the word, also for a copy of it built at run time (as JSON.parse gives)', () => {
    const index = new StatutsIndex(STATUTS_SIMPLES.length);
    STATUTS_SIMPLES.forEach((s, i) => index.setSimple(i, [...s].join('') as typeof s));
    expect([...index.code]).toEqual(STATUTS_SIMPLES.map((s) => CODE_DU_STATUT[s]));
  });
});
