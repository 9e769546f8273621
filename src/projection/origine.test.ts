// HEAD's action-origine.spec.ts cases (dedupe, CAE then ECI order) and the Origine cell, in our words.
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import { type OrigineRef, dedupeOrigines, originesOfNode, parseOrigineCell, sortByReferentielOrder } from './origine.js';
import type { ActionNode } from '../referentiel/model.js';

const o = (actionId: string, poids: number | null = 1): OrigineRef => ({ referentiel: actionId.split('_')[0]!, actionId, ponderation: poids === null ? null : Rational.fromNumber(poids) });

describe('cellule Origine', () => {
  it('lit les origines pondérées, virgule décimale', () => {
    const p = parseOrigineCell('Cae_1.1.1.1 (1) | Cae_1.1.1.5 (0,5)');
    expect(p.kind).toBe('liste');
    if (p.kind !== 'liste') return;
    expect(p.origines.map((x) => [x.referentiel, x.actionId, x.ponderation?.toNumber() ?? null])).toEqual([
      ['cae', 'cae_1.1.1.1', 1],
      ['cae', 'cae_1.1.1.5', 0.5],
    ]);
  });
  it('lit une origine par ligne, sans pondération, et ECI', () => {
    const p = parseOrigineCell('Eci_2.1.3\nCae_4.2 (2)');
    expect(p.kind === 'liste' && p.origines.map((x) => [x.actionId, x.ponderation?.toNumber() ?? null])).toEqual([
      ['eci_2.1.3', null],
      ['cae_4.2', 2],
    ]);
  });
  it('du texte libre ne nomme aucune origine', () => expect(parseOrigineCell('Nouvelle action')).toEqual({ kind: 'texte', texte: 'Nouvelle action' }));
  it('une cellule vide non plus', () => expect(parseOrigineCell('  ')).toEqual({ kind: 'aucune' }));
  it('lit la clé YAML `origine` gardée dans extra', () => {
    const node = { extra: { origine: [{ action: 'cae_1.1.1.1', poids: 1 }, { action: 'eci_2.1', poids: 0.5 }, { action: 'cae_3.1' }] } } as unknown as ActionNode;
    const p = originesOfNode(node);
    expect(p.kind === 'liste' && p.origines.map((x) => [x.actionId, x.ponderation?.toNumber() ?? null])).toEqual([
      ['cae_1.1.1.1', 1],
      ['eci_2.1', 0.5],
      ['cae_3.1', null],
    ]);
    expect(originesOfNode({ extra: { origine: 'Nouvelle action' } } as unknown as ActionNode)).toEqual({ kind: 'texte', texte: 'Nouvelle action' });
    expect(originesOfNode({ extra: {} } as unknown as ActionNode)).toEqual({ kind: 'aucune' });
  });
});

describe('déduplication des origines', () => {
  it('garde la première occurrence d’une même action', () => {
    const first = o('cae_1.1.1', 1);
    expect(dedupeOrigines([first, o('cae_1.1.1', 2)])).toEqual([first]);
  });
  it('garde des actions distinctes de référentiels différents', () => {
    expect(dedupeOrigines([o('cae_1.1.1'), o('eci_1.1.1')]).map((x) => x.actionId)).toEqual(['cae_1.1.1', 'eci_1.1.1']);
  });
});

describe('ordre CAE puis ECI', () => {
  it('ignore une origine hors CAE/ECI', () => {
    expect(sortByReferentielOrder([{ referentiel: 'te', id: 'te_1' }, { referentiel: 'cae', id: 'cae_1' }]).map((x) => x.id)).toEqual(['cae_1']);
  });
  it("met CAE avant ECI en gardant l'ordre de chacun", () => {
    const items = [
      { referentiel: 'eci', id: 'eci_4.1' },
      { referentiel: 'cae', id: 'cae_2.1' },
      { referentiel: 'eci', id: 'eci_1.1' },
      { referentiel: 'cae', id: 'cae_1.1' },
    ];
    expect(sortByReferentielOrder(items).map((x) => x.id)).toEqual(['cae_2.1', 'cae_1.1', 'eci_4.1', 'eci_1.1']);
  });
});
