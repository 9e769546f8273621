import { describe, expect, it } from 'vitest';
import { identiteChampConnu, identiteMatches, isValeurIdentite, populationTags, TAGS_POPULATION } from './identite.js';

describe('populationTags', () => {
  it('derives cumulative buckets, strict comparisons', () => {
    expect(populationTags(8000)).toEqual([
      'moins_de_10000',
      'moins_de_20000',
      'moins_de_50000',
      'moins_de_100000',
      'plus_de_3000',
    ]);
    // Boundaries are strict: 10000 is not moins_de_10000, 20000 is not plus_de_20000.
    expect(populationTags(10000)).not.toContain('moins_de_10000');
    expect(populationTags(20000)).not.toContain('plus_de_20000');
    expect(populationTags(20000)).not.toContain('moins_de_20000');
    expect(populationTags(900000)).toEqual([
      'plus_de_3000',
      'plus_de_20000',
      'plus_de_50000',
      'plus_de_100000',
      'plus_de_300000',
      'plus_de_800000',
    ]);
  });
  it('lists the 12 accepted tags', () => {
    expect(TAGS_POPULATION).toHaveLength(12);
    expect(isValeurIdentite('population', 'moins_de_7000')).toBe(false);
    expect(isValeurIdentite('population', 'plus_de_300000')).toBe(true);
  });
});

describe('identiteMatches', () => {
  it('compares type case-insensitively', () => {
    expect(identiteMatches({ type: 'commune' }, 'type', 'Commune')).toBe(true);
    expect(identiteMatches({ type: 'epci' }, 'type', 'EPCI')).toBe(true);
    expect(identiteMatches({ type: 'commune' }, 'type', 'EPCI')).toBe(false);
  });
  it('counts a syndicat as an EPCI, not the reverse', () => {
    expect(identiteMatches({ type: 'syndicat' }, 'type', 'EPCI')).toBe(true);
    expect(identiteMatches({ type: 'syndicat' }, 'type', 'syndicat')).toBe(true);
    expect(identiteMatches({ type: 'EPCI' }, 'type', 'syndicat')).toBe(false);
    expect(identiteMatches({ type: 'EPCI', soustype: 'syndicat' }, 'type', 'syndicat')).toBe(true);
    expect(identiteMatches({ type: 'syndicat_traitement' }, 'type', 'syndicat')).toBe(true);
    expect(identiteMatches({ type: 'syndicat' }, 'type', 'commune')).toBe(false);
  });
  it('makes everything false on an empty identity', () => {
    for (const [champ, v] of [
      ['type', 'syndicat'],
      ['type', 'EPCI'],
      ['population', 'moins_de_10000'],
      ['population', 'plus_de_3000'],
      ['localisation', 'DOM'],
      ['localisation', 'Metropole'],
    ] as const) {
      expect(identiteMatches({}, champ, v)).toBe(false);
      expect(identiteChampConnu({}, champ)).toBe(false);
    }
  });
  it('derives population predicates from the number', () => {
    expect(identiteMatches({ population: 9999 }, 'population', 'moins_de_10000')).toBe(true);
    expect(identiteMatches({ population: 10000 }, 'population', 'moins_de_10000')).toBe(false);
    expect(identiteMatches({ population: 100001 }, 'population', 'plus_de_100000')).toBe(true);
    // Not an accepted tag, even if the arithmetic would hold.
    expect(identiteMatches({ population: 10 }, 'population', 'moins_de_7000')).toBe(false);
  });
  it('reads localisation strictly: unknown is neither DOM nor Metropole', () => {
    expect(identiteMatches({ localisation: 'DOM' }, 'localisation', 'DOM')).toBe(true);
    expect(identiteMatches({ localisation: 'DOM' }, 'localisation', 'Metropole')).toBe(false);
    expect(identiteMatches({ localisation: 'Metropole' }, 'localisation', 'Metropole')).toBe(true);
    expect(identiteMatches({ type: 'commune' }, 'localisation', 'Metropole')).toBe(false);
  });
  it('rejects unknown fields', () => {
    expect(identiteMatches({ type: 'commune' }, 'couleur', 'commune')).toBe(false);
  });
});
