/**
 * The statut codes the reading records (statuts-lus.ts) are those of the engine's table
 * (score/statut-codes.ts), for every value a statuts object may hold, valid or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUCUN, CODE_DU_STATUT, DETAILLE, simpleCode, wordOfCode } from '../score/statut-codes.js';
import { STATUTS_SIMPLES } from '../score/statut.js';
import { codeOfSaisi, codesOf } from './statuts-lus.js';

/** The code as the table gives it, looked up plainly. */
function referenceCode(v: unknown): number {
  if (typeof v === 'string') return Object.hasOwn(CODE_DU_STATUT, v) ? CODE_DU_STATUT[v as keyof typeof CODE_DU_STATUT] : AUCUN;
  return typeof v === 'object' ? DETAILLE : AUCUN;
}

describe('statut codes of a dossier', () => {
  it('each simple word has its code, and the code its word', () => {
    for (const s of STATUTS_SIMPLES) {
      expect(simpleCode(s)).toBe(CODE_DU_STATUT[s]);
      expect(wordOfCode(simpleCode(s))).toBe(s);
    }
    expect(wordOfCode(AUCUN)).toBeUndefined();
    expect(wordOfCode(DETAILLE)).toBeUndefined();
  });

  it('any other value has the code the table gives it', () => {
    const word = fc.constantFrom(...STATUTS_SIMPLES, 'FAIT', 'fait ', 'toString', '__proto__', 'constructor', 'programmé', '');
    const value = fc.oneof(word, fc.string(), fc.constant(null), fc.object(), fc.integer(), fc.boolean(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (values) => {
        for (const v of values) expect(codeOfSaisi(v)).toBe(referenceCode(v));
        const statuts = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
        expect([...codesOf(statuts, Object.keys(statuts))]).toEqual(values.map(referenceCode));
      }),
      { numRuns: 500 },
    );
  });
});
