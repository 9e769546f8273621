/**
 * HEAD's own engine spec, ported: the 32 cases of TeT's
 * `apps/backend/src/referentiels/compute-score/scores.service.spec.ts` (incubateur-ademe/
 * territoires-en-transitions), in our words and with our API, with the numbers HEAD's spec states
 * (HEAD rounds to 3 decimals: compared within 0.0011).
 *
 * - The small made-up trees (HEAD's `simpleReferentiel` and `deeperReferentiel`) are written as
 *   Markdown with a declared hierarchy (référentiel > action > sous-action [> tâche], action level
 *   1), scored by `computeScores` with consequences given by hand, as HEAD's spec gives them.
 * - The 8 cases on real référentiels read HEAD's content through our importer (../shared/tet-head)
 *   and evaluate its rules with our personalisation (answers given as is: HEAD's spec also calls
 *   the rules without the active-questions filter). They skip with a message without the folder.
 * - `updateFromOrigineActions` (TE scores from CAE/ECI origin actions) and `getScoreDiff` (the
 *   comparison with the former Python engine) are not part of label-cae's engine: listed, skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import type { Identite } from '../../src/identite/identite.js';
import { evaluatePersonnalisation } from '../../src/personnalisation/evaluate-personnalisation.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import type { Consequence } from '../../src/score/consequences.js';
import type { ActionScoreJson } from '../../src/score/score-json.js';
import { type ActionStatut, STATUT_SIMPLE, statutDetaille } from '../../src/score/statut.js';
import { type ArbreSynthetique, type PointsAttendus, expectPoints, referentielSynthetique, scoresArrondis } from '../support/arbre-synthetique.js';
import { loadHeadContext } from '../support/head-content.js';
import { describeTetHead } from '../support/tet-head.js';

// HEAD's `simpleReferentiel`: eci (100) > 1 (30: 1.1 = 10, 1.2 = 20) and 2 (70: 2.0 = 0, 2.1 = 65, 2.2 = 5).
const SIMPLE: ArbreSynthetique = {
  referentiel: 'eci',
  hierarchie: ['referentiel', 'action', 'sous-action'],
  points: 100,
  enfants: [
    ['1', 30, [['1.1', 10], ['1.2', 20]]],
    ['2', 70, [['2.0', 0], ['2.1', 65], ['2.2', 5]]],
  ],
};

// HEAD's `deeperReferentiel`: the same, with tâches under 2.1 (0, 40, 25) and 2.2 (2, 1.5, 1.5).
const DEEPER: ArbreSynthetique = {
  referentiel: 'eci',
  hierarchie: ['referentiel', 'action', 'sous-action', 'tache'],
  points: 100,
  enfants: [
    ['1', 30, [['1.1', 10], ['1.2', 20]]],
    [
      '2',
      70,
      [
        ['2.0', 0],
        ['2.1', 65, [['2.1.0', 0], ['2.1.1', 40], ['2.1.2', 25]]],
        ['2.2', 5, [['2.2.1', 2], ['2.2.2', 1.5], ['2.2.3', 1.5]]],
      ],
    ],
  ],
};

const simple = referentielSynthetique(SIMPLE);
const deeper = referentielSynthetique(DEEPER);

const { fait, programme, pas_fait: pasFait, non_concerne: nonConcerne, non_renseigne: nonRenseigne } = STATUT_SIMPLE;

type Statuts = Record<string, ActionStatut>;

function score(referentiel: Referentiel, statuts: Statuts, consequences: Record<string, Consequence> = {}): Map<string, ActionScoreJson> {
  return scoresArrondis(referentiel, { statuts: new Map(Object.entries(statuts)), consequences: new Map(Object.entries(consequences)) });
}

/** A node's points as HEAD's spec lists them, potentiel being their sum. */
const pts = (fait: number, programme: number, pasFait: number, nonRenseigne: number): PointsAttendus => ({ fait, programme, pasFait, nonRenseigne, potentiel: fait + programme + pasFait + nonRenseigne });
const NUL = pts(0, 0, 0, 0);
const nonRenseignes = (n: number): PointsAttendus => pts(0, 0, 0, n);

/** The nodes untouched by a statut on eci_1.x: axe 2 is all non renseigné. */
const AXE_2_NON_RENSEIGNE = { eci_2: { fait: 0, programme: 0, pasFait: 0, nonRenseigne: 70, potentiel: 70, referentiel: 70 } };

/**
 * HEAD's five cases with one statut on eci_1.1 (10 points) expect the same shape: eci_1.1 split as
 * fait / programmé / pas fait, eci_1 adds the 20 non renseignés of eci_1.2, the root the 70 of axe 2.
 */
function expectUnStatutSurEci11(s: ReadonlyMap<string, ActionScoreJson>, [f, p, pf]: [number, number, number]): void {
  const points = { fait: f, programme: p, pasFait: pf };
  expectPoints(s, {
    'eci_1.1': { ...points, nonRenseigne: 0, potentiel: 10, referentiel: 10, potentielPerso: null },
    eci_1: { ...points, nonRenseigne: 20, potentiel: 30, referentiel: 30 },
    ...AXE_2_NON_RENSEIGNE,
    eci: { ...points, nonRenseigne: 90, potentiel: 100, referentiel: 100 },
  });
}

describe("HEAD's engine spec (scores.service.spec.ts): made-up trees", () => {
  it('the made-up trees read with their declared hierarchy (action level 1)', () => {
    expect(simple.hierarchie).toEqual({ levels: ['referentiel', 'mesure', 'sous-action'], actionLevel: 1 });
    expect(deeper.hierarchie.actionLevel).toBe(1);
    expect(simple.actions.get('eci_2.1')!.type).toBe('sous-action');
    expect(deeper.actions.get('eci_2.1.1')!.type).toBe('tache');
  });

  it('notation_when_one_tache_is_fait — une sous-action faite compte ses points jusqu’à la racine', () => {
    const s = score(simple, { 'eci_1.1': fait });
    expect(s.size).toBe(8);
    expectUnStatutSurEci11(s, [10, 0, 0]);
    expect(s.get('eci_1.1')!.renseigne).toBe(true);
    expect(s.get('eci_1')!.renseigne).toBe(false);
  });

  it('notation_when_one_tache_is_fait_avancementDetaille_non_renseigne — « fait » sans détail vaut fait', () => {
    // HEAD: avancement `fait` with a null détaillé. Ours has one value per statut: `fait`.
    const s = score(simple, { 'eci_1.1': fait });
    expect(s.size).toBe(8);
    expectUnStatutSurEci11(s, [10, 0, 0]);
  });

  it('notation_when_one_tache_is_fait_avancementDetaille_incoherent — « fait » l’emporte sur un détail incohérent', () => {
    // HEAD: avancement `fait` beside a détaillé [0.2, 0.5, 0.3] that it ignores. A label-cae
    // statut is either a word or a triple, so the contradiction cannot be written: `fait` it is.
    expectPoints(score(simple, { 'eci_1.1': fait }), { 'eci_1.1': { fait: 10, programme: 0, pasFait: 0 } });
  });

  it('notation_when_one_tache_is_programme — une sous-action programmée', () => {
    expectUnStatutSurEci11(score(simple, { 'eci_1.1': programme }), [0, 10, 0]);
  });

  it('notation_when_one_tache_is_pas_fait — une sous-action pas faite', () => {
    expectUnStatutSurEci11(score(simple, { 'eci_1.1': pasFait }), [0, 0, 10]);
  });

  it('notation_when_one_tache_has_detailed_avancement — un avancement détaillé 20/70/10 %', () => {
    expectUnStatutSurEci11(score(simple, { 'eci_1.1': statutDetaille(0.2, 0.7, 0.1) }), [2, 7, 1]);
  });

  it('notation_when_one_tache_is_non_concerne — les points d’une sous-action non concernée vont à sa sœur', () => {
    expectPoints(score(simple, { 'eci_1.1': nonConcerne }), {
      'eci_1.1': NUL,
      'eci_1.2': nonRenseignes(30),
      eci_1: nonRenseignes(30),
      ...AXE_2_NON_RENSEIGNE,
      eci: nonRenseignes(100),
    });
  });

  it('notation_when_an_action_of_action_level_becomes_non_concernee — toutes ses sous-actions non concernées : l’action l’est, sans redistribution au-dessus', () => {
    const s = score(simple, { 'eci_1.1': nonConcerne, 'eci_1.2': nonConcerne });
    expectPoints(s, {
      'eci_1.1': NUL,
      'eci_1.2': NUL,
      eci_1: NUL,
      ...AXE_2_NON_RENSEIGNE,
      eci: nonRenseignes(70),
    });
    expect(s.get('eci_1')!.concerne).toBe(false);
  });

  it('notation_should_not_redistribute_points_on_taches_reglementaires — rien pour une sous-action à 0 point', () => {
    expectPoints(score(simple, { 'eci_2.1': nonConcerne, 'eci_2.2': fait }), {
      'eci_2.0': NUL,
      'eci_2.1': NUL,
      'eci_2.2': pts(70, 0, 0, 0),
      eci_2: pts(70, 0, 0, 0),
      eci: pts(70, 0, 0, 30),
    });
  });

  it('Taches doivent être ignorées lorsque les sous-actions sont détaillées — le statut de la sous-action l’emporte sur ses tâches', () => {
    expectPoints(score(deeper, { 'eci_2.1': fait, 'eci_2.1.1': statutDetaille(0.8, 0.2, 0) }), {
      'eci_2.1': pts(65, 0, 0, 0),
    });
  });

  it('Taches doivent être prises en compte lorsque les statuts des sous-actions existent mais sont non_renseigne — un non_renseigne explicite laisse compter les tâches', () => {
    expectPoints(score(deeper, { 'eci_2.1': nonRenseigne, 'eci_2.1.1': statutDetaille(0.8, 0.2, 0) }), {
      'eci_2.1': pts(32, 8, 0, 25),
    });
    // HEAD also derives display statuts (`detaille_a_la_tache`, `detaille`, null); label-cae keeps
    // the declared statut only, and has no such derived field.
  });

  it('computeStatut : les tâches sous une sous-action déjà renseignée au niveau agrégé sont non_renseignable — leurs statuts ne sont pas lus', () => {
    // HEAD marks the tâches `non_renseignable`; label-cae says so with a constat on the parent.
    const ctx: EvaluationContext = { referentiel: deeper };
    const ev = evaluateDossier(ctx, { referentiel: 'eci', statuts: { '2.1': 'fait', '2.1.1': { fait: 0.8, programme: 0.2, pas_fait: 0 } } });
    expect(ev.constats.map((c) => c.code)).toContain('statut-parent-ecrase-enfants');
    expectPoints(scoresArrondis(deeper, { statuts: ev.statuts }), { 'eci_2.1': { fait: 65, potentiel: 65 } });
  });

  it('notation_should_redistribute_non_concernee_points_if_depth_is_greater_than_action_depth — une sous-action non concernée cède ses points à sa sœur, puis à ses tâches au prorata', () => {
    const s = score(deeper, { 'eci_2.2.1': nonConcerne, 'eci_2.2.2': nonConcerne, 'eci_2.2.3': nonConcerne, 'eci_1.1': programme });
    expectPoints(s, {
      'eci_2.2': NUL,
      'eci_2.1': nonRenseignes(70),
      'eci_2.1.0': NUL,
      'eci_2.1.1': nonRenseignes(43.077),
      'eci_2.1.2': nonRenseignes(26.923),
      eci_2: nonRenseignes(70),
      eci: pts(0, 10, 0, 90),
    });
  });

  it('notation_when_one_action_is_desactivee — une action désactivée et ses sous-actions perdent leur potentiel, pas leurs points référentiel', () => {
    const s = score(simple, { 'eci_2.2': fait }, { eci_1: { desactive: true } });
    for (const id of ['eci_1', 'eci_1.1', 'eci_1.2']) expect(s.get(id)!.desactive, id).toBe(true);
    expect(s.get('eci')!.desactive).toBe(false);
    expectPoints(s, {
      eci_1: { potentiel: 0, potentielPerso: null, referentiel: 30 },
      'eci_1.1': { potentiel: 0, potentielPerso: null, referentiel: 10 },
      'eci_1.2': { potentiel: 0, potentielPerso: null, referentiel: 20 },
      eci: { potentiel: 70, potentielPerso: null, referentiel: 100, fait: 5 },
      'eci_2.2': { fait: 5 },
    });
  });

  /**
   * A factor k on eci_1 (30 points) with eci_1.1 fait: every point of eci_1's subtree × k, and the
   * root adds the 70 non renseignés of axe 2. HEAD's numbers: k = 0.2 gives 2, 4, 6 (perso 6) and a
   * root of 2 fait, 74 non renseignés, 76 potentiel; k = 1.2 gives 12, 24, 36 (perso 36), 12, 94, 106.
   */
  const facteurSurEci1 = (k: number): void => {
    const s = score(simple, { 'eci_1.1': fait }, { eci_1: { facteur: Rational.parseDecimal(String(k)) } });
    const x = (points: number): number => points * k;
    expectPoints(s, {
      'eci_1.1': { fait: x(10), programme: 0, pasFait: 0, nonRenseigne: 0, potentiel: x(10) },
      'eci_1.2': { fait: 0, programme: 0, pasFait: 0, nonRenseigne: x(20), potentiel: x(20) },
      eci_1: { fait: x(10), programme: 0, pasFait: 0, nonRenseigne: x(20), potentiel: x(30), potentielPerso: x(30) },
      eci: { fait: x(10), programme: 0, pasFait: 0, nonRenseigne: x(20) + 70, potentiel: x(30) + 70 },
    });
  };

  it('notation_when_one_action_is_reduced — un facteur 0,2 sur une action de 30 points', () => facteurSurEci1(0.2));

  it('notation_when_one_action_is_increased — un facteur 1,2 sur une action de 30 points', () => facteurSurEci1(1.2));

  it('notation_when_potentielPerso_formule_is_given — score plafonné : min(score(eci_1), score(eci_2))', () => {
    const plafond: Consequence = {
      scoreOverride: (ratio) => {
        const a = ratio('eci_1');
        const b = ratio('eci_2');
        return a === null || b === null ? null : a.compare(b) <= 0 ? a : b;
      },
    };
    const s = score(simple, { 'eci_2.2': fait, 'eci_1.1': fait, 'eci_1.2': fait }, { eci_1: plafond });
    expectPoints(s, {
      eci_2: pts(5, 0, 0, 65),
      eci_1: { fait: 2.143 },
      'eci_1.1': { fait: 0.714 },
      'eci_1.2': { fait: 1.429 },
      eci: { fait: 7.143 },
    });
    const ratio = (id: string): number => s.get(id)!.pointFait / s.get(id)!.pointPotentiel;
    expect(ratio('eci_1')).toBeCloseTo(ratio('eci_2'), 4);
  });
});

// ---------------------------------------------------------------------------------------------
// The 8 cases on real référentiels, with HEAD's content (../shared/tet-head) imported by us.

const work = mkdtempSync(join(tmpdir(), 'cae-head-spec-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Reponses = Record<string, boolean | number | string>;
const COMMUNE: Identite = { type: 'commune' };
const EPCI: Identite = { type: 'EPCI' };

/** The rules' consequences for these answers (no active-questions filter, as in HEAD's spec), then the scores. */
function scoreAvecRegles(ctx: EvaluationContext, identite: Identite, reponses: Reponses, statuts: Statuts = {}): Map<string, ActionScoreJson> {
  const map = new Map(Object.entries(reponses).map(([k, v]) => [k, typeof v === 'number' ? Rational.fromNumber(v) : v]));
  const { consequences } = evaluatePersonnalisation(ctx.personnalisation!, identite, map);
  return scoresArrondis(ctx.referentiel, { statuts: new Map(Object.entries(statuts)), consequences });
}

/** `{ 'cae_1.2.3.3.1': fait, … }` for the tâches 1..n of a sous-action. */
function taches(sousAction: string, n: number, statut: ActionStatut): Statuts {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${sousAction}.${i + 1}`, statut]));
}

describeTetHead("HEAD's engine spec (scores.service.spec.ts): real référentiels", () => {
  let cae: EvaluationContext;
  let eci: EvaluationContext;
  beforeAll(async () => {
    cae = await loadHeadContext('cae', work);
    eci = await loadHeadContext('eci', work);
  }, 120_000);

  it('Statut non concerné ne doit pas être pris des enfants si défini explicitement au niveau du parent — cae 4.2.1.2 pas fait, ses tâches non concernées', () => {
    const s = score(cae.referentiel, { 'cae_4.2.1.2': pasFait, ...taches('cae_4.2.1.2', 4, nonConcerne) });
    expectPoints(s, { 'cae_4.2.1.2': pts(0, 0, 1.6, 0) });
  });

  it('eci_desactivation_of_sous_action_242_should_redistribute_points_amongst_siblings — eci 2.4.2 désactivée, 1 point à chaque sœur', () => {
    const s = score(eci.referentiel, {}, { 'eci_2.4.2': { desactive: true } });
    expectPoints(s, {
      'eci_2.4.2': NUL,
      'eci_2.4.0': { potentiel: 0 },
      'eci_2.4.1': { potentiel: 5 },
      'eci_2.4.3': { potentiel: 3 },
      'eci_2.4.4': { potentiel: 7 },
      'eci_2.4.5': { potentiel: 5 },
      'eci_2.4': nonRenseignes(20),
    });
  });

  it('cae_321_when_recuperation_cogeneration_is_NON — 3.2.1.2 et 3.2.1.3 désactivées, 3.2.1 sur 2 points', () => {
    const s = scoreAvecRegles(cae, COMMUNE, { recuperation_cogeneration: false });
    for (const id of ['cae_3.2.1.2', 'cae_3.2.1.3']) {
      expect(s.get(id)!.desactive, id).toBe(true);
      expect(s.get(id)!.concerne, id).toBe(false);
    }
    expectPoints(s, {
      'cae_3.2.1.2': { potentiel: 0 },
      'cae_3.2.1.3': { potentiel: 0 },
      'cae_3.2.1': { potentiel: 2, potentielPerso: 2 },
      'cae_3.2.1.1': { potentiel: 2 },
      'cae_3.2.1.1.1': { potentiel: 0.25 },
    });
  });

  it('cae_631_when_dev_eco_2_is_0 — 6.3.1 réduite à 2 points', () => {
    expectPoints(scoreAvecRegles(cae, COMMUNE, { dev_eco_2: 0 }), { 'cae_6.3.1': { potentiel: 2, potentielPerso: 2 } });
  });

  it('cae_631_when_cae_6314_if_dev_eco_4_is_NON — 6.3.1.4 désactivée, ses points à 6.3.1.3 et 6.3.1.5 par les règles (× 1,625), sans redistribution', () => {
    const s = scoreAvecRegles(cae, COMMUNE, { dev_eco_4: false });
    expect(s.get('cae_6.3.1.4')!.desactive).toBe(true);
    expect(s.get('cae_6.3.1.4')!.concerne).toBe(false);
    const ref = (id: string): number => s.get(id)!.pointReferentiel;
    expectPoints(s, {
      'cae_6.3.1.4': { potentiel: 0 },
      'cae_6.3.1.1': { potentiel: ref('cae_6.3.1.1') },
      'cae_6.3.1.2': { potentiel: ref('cae_6.3.1.2') },
      'cae_6.3.1.3': { potentiel: ref('cae_6.3.1.3') + 1 },
      'cae_6.3.1.5': { potentiel: ref('cae_6.3.1.5') + 1 },
      'cae_6.3.1': { potentiel: ref('cae_6.3.1') },
    });
    expect(s.get('cae_6.3.1.3')!.pointPotentiel).toBeCloseTo(ref('cae_6.3.1.3') * 1.625, 3);
    expect(s.get('cae_6.3.1.5')!.pointPotentiel).toBeCloseTo(ref('cae_6.3.1.5') * 1.625, 3);
  });

  it('cae_641_when_localosation_dom_and_SAU_OUI — 6.4.1 réduite de moitié en DOM, 6.4.1.6 à 20 % et 6.4.1.8 à 10 %', () => {
    const s = scoreAvecRegles(cae, { type: 'commune', localisation: 'DOM' }, { SAU: true });
    const moitie = (id: string): number => s.get(id)!.pointReferentiel * 0.5;
    const attendus: Record<string, { potentiel: number; potentielPerso?: number }> = {
      'cae_6.4.1': { potentiel: moitie('cae_6.4.1'), potentielPerso: moitie('cae_6.4.1') },
      'cae_6.4.1.6': { potentiel: 1.2 },
      'cae_6.4.1.8': { potentiel: 0.6 },
    };
    for (const n of [1, 2, 3, 4, 5, 7]) attendus[`cae_6.4.1.${n}`] = { potentiel: moitie(`cae_6.4.1.${n}`) };
    expectPoints(s, attendus);
    expect(s.get('cae_6.4.1.6')!.pointPotentiel).toBeCloseTo((s.get('cae_6.4.1')!.pointPotentiel * 20) / 100, 3);
    expect(s.get('cae_6.4.1.8')!.pointPotentiel).toBeCloseTo((s.get('cae_6.4.1')!.pointPotentiel * 10) / 100, 3);
  });

  it('cae_621_when_type_commune — 6.2.1 d’une commune : part dans l’EPCI (minimum 2 points) + 1 point si bailleur social', () => {
    expectPoints(scoreAvecRegles(cae, COMMUNE, { habitat_3: true, habitat_2: 0.1 }), { 'cae_6.2.1': { potentiel: 3 } });
    expectPoints(scoreAvecRegles(cae, COMMUNE, { habitat_3: true, habitat_2: 0.5 }), { 'cae_6.2.1': { potentiel: 6 } });
    expectPoints(scoreAvecRegles(cae, COMMUNE, { habitat_3: false, habitat_2: 0.1 }), { 'cae_6.2.1': { potentiel: 2 } });
  });

  it('cae_335_with_score_taken_into_account — le score de 3.3.5 plafonné par celui de 1.2.3', () => {
    // Cas 1: commune with the waste competence, 1.2.3.3 all fait (2.25 points), one tâche of 3.3.5.3 fait.
    const cas1 = scoreAvecRegles(cae, COMMUNE, { dechets_1: false, dechets_2: true, dechets_3: false }, { ...taches('cae_1.2.3.3', 5, fait), 'cae_3.3.5.3.1': fait });
    expectPoints(cas1, { 'cae_1.2.3': { fait: 2.25 }, 'cae_3.3.5': { fait: 1.2 } });
    // Cas 2: nothing for 1.2.3, so 3.3.5 gets 0 instead of 1.2.
    const cas2 = scoreAvecRegles(cae, COMMUNE, { dechets_2: true }, { 'cae_3.3.5.3.1': fait });
    expectPoints(cas2, { 'cae_1.2.3': { fait: 0 }, 'cae_3.3.5': { fait: 0 } });
    // Cas 3: EPCI, 10 % of a competent syndicat: 3.3.5 on 2 points, nothing done there.
    const cas3 = scoreAvecRegles(cae, EPCI, { dechets_1: true, dechets_2: false, dechets_4: 0.1 }, taches('cae_1.2.3.3', 5, fait));
    expectPoints(cas3, { 'cae_1.2.3': { fait: 2.25 }, 'cae_3.3.5': { fait: 0, potentiel: 2 } });
    // Cas 4: every tâche of 3.3.5 non concernée: the rule has no effect, 3.3.5 is non concernée.
    const cas4 = scoreAvecRegles(cae, EPCI, { dechets_2: false, dechets_4: 0.1 }, { ...taches('cae_3.3.5.1', 6, nonConcerne), ...taches('cae_3.3.5.2', 9, nonConcerne), ...taches('cae_3.3.5.3', 4, nonConcerne) });
    expect(cas4.get('cae_3.3.5')!.concerne).toBe(false);
    expectPoints(cas4, { 'cae_3.3.5': { potentiel: 0 } });
  });

  it('deviation (not a case of the spec): an explicit non_renseigne sous-action whose tâches are all non concernées', () => {
    // Next to « Statut non concerné ne doit pas être pris des enfants… », with non_renseigne instead
    // of pas_fait. HEAD (head-score.mjs, and the old engine) keeps the sous-action concernée with its
    // potentiel 0.6 but sums its children for the points: non renseigné 0, so fait + programmé +
    // pas fait + non renseigné = 0 ≠ 0.6, and mesure 1.1.1 has potentiel 12 but non renseigné 11.4.
    // label-cae keeps the identity (scoring.md Part A §2, README « where we deviate »): the 0.6 are
    // non renseignés, and 1.1.1 has non renseigné 12.
    const s = score(cae.referentiel, { 'cae_1.1.1.1': nonRenseigne, ...taches('cae_1.1.1.1', 2, nonConcerne) });
    expect(s.get('cae_1.1.1.1')!.concerne).toBe(true);
    expectPoints(s, {
      'cae_1.1.1.1': nonRenseignes(0.6), // HEAD: non renseigné 0
      'cae_1.1.1': { nonRenseigne: 12, potentiel: 12 }, // HEAD: non renseigné 11.4
    });
  });
});

describe("HEAD's engine spec (scores.service.spec.ts): cases outside label-cae's engine", () => {
  // updateFromOrigineActions: a TE action's score from its CAE/ECI origin actions, weighted and
  // normalised. label-cae does not score TE (its identifiants are not read yet, docs/import.md).
  it.skip('Standard test without change in total points in new referentiel — TE from CAE origins (not in label-cae)', () => {});
  it.skip('Standard test with change in total points in new referentiel — TE from CAE/ECI origins, renormalised (not in label-cae)', () => {});
  it.skip('Test for disabled action — a désactivée TE action ignores its origins (not in label-cae)', () => {});
  // getScoreDiff: HEAD's comparison of its scores with the former Python engine's, ignoring
  // 0.001 differences. label-cae has no stored scores to compare; its tests use the same 0.0011.
  it.skip('python rounding issue — 0.001 apart is no difference (HEAD/Python comparison, not in label-cae)', () => {});
  it.skip('python rounding issue 2 — 0.001 apart is no difference (HEAD/Python comparison, not in label-cae)', () => {});
  it.skip('Nominal difference — a real difference is reported (HEAD/Python comparison, not in label-cae)', () => {});
  it.skip('Concerne difference due to python code — Python did not propagate non concerné (HEAD/Python comparison, not in label-cae)', () => {});
});
