/**
 * The worked examples of ../shared/docs/scoring.md §3–§6 (beyond the 14 scenario files), each with
 * the numbers the spec gives, through personalisation and propagation together.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { Rational } from '../../src/exact/rational.js';
import type { Identite } from '../../src/identite/identite.js';
import { evaluatePersonnalisation } from '../../src/personnalisation/evaluate-personnalisation.js';
import { computeScores } from '../../src/score/compute-scores.js';
import { actionScoreToJson } from '../../src/score/score-json.js';
import { type ActionStatut, statutFromSimple } from '../../src/score/statut.js';
import { describeCorpus, tet } from '../support/corpus.js';

type Simple = 'fait' | 'programme' | 'pas_fait' | 'non_concerne' | 'non_renseigne';

describeCorpus('worked examples of scoring.md', () => {
  const ctx: Record<string, EvaluationContext> = {};
  beforeAll(async () => {
    for (const r of ['cae', 'eci']) {
      ctx[r] = (await loadEvaluationContext({ referentiel: tet('referentiels', r), personnalisations: tet('personnalisations'), questions: tet('questions') })).context!;
    }
  });

  function score(ref: 'cae' | 'eci', input: { identite?: Identite; reponses?: Record<string, boolean | string | number>; statuts?: Record<string, Simple | [number, number, number]> }) {
    const reponses = new Map(Object.entries(input.reponses ?? {}).map(([k, v]) => [k, typeof v === 'number' ? Rational.fromNumber(v) : v]));
    const statuts = new Map<string, ActionStatut>(
      Object.entries(input.statuts ?? {}).map(([k, v]) => [
        k,
        Array.isArray(v)
          ? { concerne: true, avancement: { fait: Rational.fromNumber(v[0]), programme: Rational.fromNumber(v[1]), pasFait: Rational.fromNumber(v[2]) } }
          : statutFromSimple(v),
      ]),
    );
    const perso = evaluatePersonnalisation(ctx[ref]!.personnalisation!, input.identite ?? {}, reponses);
    const { scores } = computeScores(ctx[ref]!.referentiel, { statuts, consequences: perso.consequences });
    return (id: string) => actionScoreToJson(scores.get(id)!);
  }

  it('§3.2 a sous-action statut wins over its tâches (cae_1.2.2.1 EPCI)', () => {
    const s = score('cae', { identite: { type: 'EPCI' }, statuts: { 'cae_1.2.2.1': 'fait', 'cae_1.2.2.1.1': 'pas_fait', 'cae_1.2.2.1.2': 'pas_fait' } });
    expect(s('cae_1.2.2.1').pointFait).toBe(1.2);
    expect(s('cae_1.2.2.1.1').pointPasFait).toBe(0.6);
    expect(s('cae_1.2.2').pointFait).toBe(1.2);
  });

  // The HEAD spec runs this on a sample référentiel where eci_2.1 is worth 65 (fait 32, programmé 8,
  // non renseigné 25); on the real ECI, 2.1 is worth 10 and 2.1.1 is worth 4.
  it('§3.2 a non_renseigne sous-action aggregates its tâches (eci_2.1)', () => {
    const s = score('eci', { statuts: { 'eci_2.1': 'non_renseigne', 'eci_2.1.1': [0.8, 0.2, 0] } });
    expect([s('eci_2.1').pointFait, s('eci_2.1').pointProgramme, s('eci_2.1').pointNonRenseigne, s('eci_2.1').pointPotentiel]).toEqual([3.2, 0.8, 6, 10]);
    const t = score('eci', { statuts: { 'eci_2.1': 'fait', 'eci_2.1.1': [0.8, 0.2, 0] } });
    expect([t('eci_2.1').pointFait, t('eci_2.1').pointPotentiel]).toEqual([10, 10]);
  });

  it('§4.2 ECI root with no data: 500, 274 tâches, 6 désactivées by default', () => {
    const s = score('eci', {})('eci');
    expect([s.pointPotentiel, s.pointNonRenseigne, s.totalTachesCount, s.completedTachesCount, s.pasConcerneTachesAvancement]).toEqual([500, 500, 274, 6, 6]);
  });

  it('§5.3 sous-action non concerné: tâche statuts ignored, equal redistribution (cae_5.1.2)', () => {
    const s = score('cae', {
      statuts: {
        'cae_5.1.2.3': 'non_concerne',
        'cae_5.1.2.3.1': 'fait',
        'cae_5.1.2.1.1': 'fait',
        'cae_5.1.2.1.2': 'programme',
        'cae_5.1.2.1.3': 'programme',
        'cae_5.1.2.1.4': 'programme',
        'cae_5.1.2.1.5': 'programme',
        'cae_5.1.2.1.6': 'pas_fait',
        'cae_5.1.2.2': 'programme',
      },
    });
    expect(s('cae_5.1.2.1').pointPotentiel).toBe(3);
    expect(s('cae_5.1.2.2').pointPotentiel).toBe(3);
    expect(s('cae_5.1.2.1.1').pointPotentiel).toBe(0.5);
    expect(s('cae_5.1.2.3.1').concerne).toBe(false);
    expect(s('cae_5.1.2').pointPotentiel).toBe(6);
  });

  it('§5.2 ECI with dechets_1 = NON: root potentiel 465', () => {
    expect(score('eci', { reponses: { dechets_1: false } })('eci').pointPotentiel).toBe(465);
  });

  it('§5.3 désactivation among sous-actions (eci_2.4, dechets_1 NON): 6 / 8 / 6, 2.4 stays at 20', () => {
    const s = score('eci', { reponses: { dechets_1: false } });
    expect([s('eci_2.4.1').pointPotentiel, s('eci_2.4.4').pointPotentiel, s('eci_2.4.5').pointPotentiel, s('eci_2.4').pointPotentiel]).toEqual([6, 8, 6, 20]);
    expect(s('eci_2.4.0').pointPotentiel).toBe(0);
  });

  it('§5.3 equal, not proportional (eci_1.2 syndicat): 1.2.1 → 12, 1.2.4 → 18, fait 20.4 with 1.2.4 fait', () => {
    const s = score('eci', { identite: { type: 'syndicat' }, statuts: { 'eci_1.2.4': 'fait' } });
    expect([s('eci_1.2.1').pointPotentiel, s('eci_1.2.4').pointPotentiel, s('eci_1.2.4').pointFait]).toEqual([12, 18, 18]);
  });

  it('§5.3 three of three tâches non concernées (cae_1.2.2.1): siblings +0.3 each, measure stays 12', () => {
    const s = score('cae', { statuts: { 'cae_1.2.2.1.1': 'non_concerne', 'cae_1.2.2.1.2': 'non_concerne', 'cae_1.2.2.1.3': 'non_concerne' } });
    expect(['cae_1.2.2.1', 'cae_1.2.2.2', 'cae_1.2.2.3', 'cae_1.2.2.4', 'cae_1.2.2.5'].map((id) => s(id).pointPotentiel)).toEqual([0, 2.1, 3.9, 2.1, 3.9]);
    expect([s('cae_1.2.2').pointPotentiel, s('cae_1.2.2').pointNonRenseigne]).toEqual([12, 12]);
  });

  it('§5.4 reductions then redistribution (cae_1.1.2, EPCI > 20 000)', () => {
    const s = score('cae', { identite: { type: 'EPCI', population: 50_000 } });
    expect([s('cae_1.1.2.1').pointPotentiel, s('cae_1.1.2.2').pointPotentiel, s('cae_1.1.2.5').pointPotentiel, s('cae_1.1.2').pointPotentiel]).toEqual([0, 5, 3, 10]);
  });

  it('§5.4 cae_6.3.1 with dev_eco_4 = NON: 6.3.1.3 and 6.3.1.5 at 2.6, 6.3.1 stays 8', () => {
    const s = score('cae', { reponses: { dev_eco_4: false } });
    expect([s('cae_6.3.1.4').pointPotentiel, s('cae_6.3.1.3').pointPotentiel, s('cae_6.3.1.5').pointPotentiel, s('cae_6.3.1').pointPotentiel]).toEqual([0, 2.6, 2.6, 8]);
  });

  it('§5.4 cae_2.2.3 DOM with ECS = NON: ×0.3, then 2.2.3.4 receives everything (1.8, fait 1.8)', () => {
    const s = score('cae', { identite: { localisation: 'DOM' }, reponses: { ECS: false }, statuts: { 'cae_2.2.3.4': 'fait' } });
    expect([s('cae_2.2.3').pointPotentiel, s('cae_2.2.3.4').pointPotentiel, s('cae_2.2.3.4').pointFait]).toEqual([1.8, 1.8, 1.8]);
    const oui = score('cae', { identite: { localisation: 'DOM' }, reponses: { ECS: true } });
    expect(oui('cae_2.2.3.4').pointPotentiel).toBe(6);
  });

  it('§5.4 cae_3.2.1 DOM without cogénération: 12 → 2, all to 3.2.1.1 (tâches 0.25)', () => {
    const s = score('cae', { identite: { localisation: 'DOM' }, reponses: { recuperation_cogeneration: false }, statuts: { 'cae_3.2.1.1': 'fait' } });
    expect([s('cae_3.2.1').pointPotentiel, s('cae_3.2.1.1').pointPotentiel, s('cae_3.2.1.1').pointFait]).toEqual([2, 2, 2]);
    expect(s('cae_3.2.1.1.1').pointPotentiel).toBe(0.25);
  });

  it('§6.4 cae_4.3.2 for a DOM: 14, with 4.3.2.2 = 1.4, 4.3.2.3 = 2.8, 4.3.2.7 = 2.8, 4.3.2.6 désactivé', () => {
    const s = score('cae', { identite: { localisation: 'DOM' } });
    expect([s('cae_4.3.2').pointPotentiel, s('cae_4.3.2.2').pointPotentiel, s('cae_4.3.2.3').pointPotentiel, s('cae_4.3.2.7').pointPotentiel]).toEqual([14, 1.4, 2.8, 2.8]);
    expect([s('cae_4.3.2.6').pointPotentiel, s('cae_4.3.2.6').desactive]).toEqual([0, true]);
  });

  it('§6.4 cae_1.2.2.5 for an AOM > 100 000: 3.6 → 4.8, 1.2.2.1 désactivé, measure stays 12', () => {
    const s = score('cae', { identite: { population: 150_000 }, reponses: { AOM_1: true } });
    expect([s('cae_1.2.2.5').pointPotentiel, s('cae_1.2.2.1').pointPotentiel, s('cae_1.2.2.1').desactive, s('cae_1.2.2').pointPotentiel]).toEqual([4.8, 0, true, 12]);
  });

  it('§6.4 cae_6.1.2 for a commune: 4 → 3, 6.1.2.3 = 1.2', () => {
    const s = score('cae', { identite: { type: 'commune' } });
    expect([s('cae_6.1.2').pointPotentiel, s('cae_6.1.2').pointPotentielPerso]).toEqual([3, 3]);
  });

  it('§6.5 score override: no fait on 1.2.3 makes 3.3.5 fait 0 (cae_3.3.5_bis)', () => {
    const statuts: Record<string, Simple> = {};
    for (let i = 1; i <= 6; i++) statuts[`cae_3.3.5.1.${i}`] = 'fait';
    const s = score('cae', { statuts });
    expect(s('cae_3.3.5').pointFait).toBe(0);
    const withFait = score('cae', { statuts: { ...statuts, 'cae_1.2.3.1.1': 'fait' } });
    expect([withFait('cae_3.3.5').pointFait, withFait('cae_3.3.5.1').pointFait]).toEqual([0.4, 0.4]);
  });
});
