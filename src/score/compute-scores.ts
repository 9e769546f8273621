/**
 * The scoring core: a référentiel, statuts and personalisation consequences in, the exact score of
 * every action out. The pipeline is TeT's (scoring.md §6.6): consequences → personalised points →
 * désactivés → non concernés → potentiels with redistribution → avancement → score overrides.
 * Pure and deterministic: inputs are never mutated.
 */
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import type { ActionScore } from './action-score.js';
import { computeAvancement } from './avancement.js';
import type { Consequences } from './consequences.js';
import { flatTree } from './flat-tree.js';
import { computePotentiels } from './potentiels.js';
import { type OverrideApplied, applyScoreOverrides } from './score-override.js';
import type { ActionStatut } from './statut.js';

export interface ScoreInput {
  /** Statuts by action id (`cae_6.1.1.3.5`). */
  statuts: ReadonlyMap<string, ActionStatut>;
  consequences?: Consequences;
}

export interface Scores {
  referentiel: Referentiel;
  /** Every action by id, in depth-first order, root first. */
  scores: Map<string, ActionScore>;
  /** Score overrides that changed a fait, with their factors. */
  overrides: OverrideApplied[];
  /** Points each action received (> 0) or gave away (< 0) through redistribution. */
  redistribution: Map<string, Rational>;
  /** Statut ids that name no action of the référentiel; they are ignored. */
  statutsInconnus: string[];
}

const NO_CONSEQUENCES: Consequences = new Map();

export function computeScores(referentiel: Referentiel, input: ScoreInput): Scores {
  const tree = flatTree(referentiel);
  const consequences = input.consequences ?? NO_CONSEQUENCES;
  const statuts = new Map<number, ActionStatut>();
  const statutsInconnus: string[] = [];
  for (const [id, s] of input.statuts) {
    const i = tree.indexById.get(id);
    if (i === undefined) statutsInconnus.push(id);
    else statuts.set(i, s);
  }

  const pot = computePotentiels(tree, statuts, consequences);
  const av = computeAvancement(tree, statuts, pot);
  const overrides = applyScoreOverrides(tree, consequences, pot, av);

  const scores = new Map<string, ActionScore>();
  const redistribution = new Map<string, Rational>();
  const { nodes, children } = tree;
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.id;
    const leaf = children[i]!.length === 0;
    const concerne = !pot.nonConcerne[i];
    const nonRenseigne = av.nonRenseigne[i]!;
    const renseigne = leaf ? statuts.get(i)?.avancement != null || !concerne : !(concerne && nonRenseigne.sign() > 0);
    scores.set(id, {
      actionId: id,
      pointReferentiel: tree.points[i]!,
      pointPotentiel: pot.potentiel[i]!,
      pointPotentielPerso: pot.hasFacteur[i] ? pot.perso[i]! : null,
      pointFait: av.fait[i]!,
      pointProgramme: av.programme[i]!,
      pointPasFait: av.pasFait[i]!,
      pointNonRenseigne: nonRenseigne,
      concerne,
      desactive: pot.desactive[i] === 1,
      renseigne,
      totalTachesCount: av.totalTaches[i]!,
      completedTachesCount: av.completedTaches[i]!,
      faitTachesAvancement: av.faitTaches[i]!,
      programmeTachesAvancement: av.programmeTaches[i]!,
      pasFaitTachesAvancement: av.pasFaitTaches[i]!,
      pasConcerneTachesAvancement: av.pasConcerneTaches[i]!,
    });
    if (!pot.redistribution[i]!.isZero()) redistribution.set(id, pot.redistribution[i]!);
  }
  return { referentiel, scores, overrides, redistribution, statutsInconnus };
}
