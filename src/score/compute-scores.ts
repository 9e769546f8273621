/**
 * The scoring core: a référentiel, statuts and personalisation consequences in, the exact score of
 * every action out. The pipeline is TeT's (scoring.md §6.6): consequences → personalised points →
 * désactivés → non concernés → potentiels with redistribution → avancement → score overrides.
 * Pure and deterministic: inputs are never mutated.
 */
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import { computeAvancement, computeAvancementRational } from './avancement.js';
import type { Consequences } from './consequences.js';
import { flatTree } from './flat-tree.js';
import { computePotentiels, consequencesByIndex } from './potentiels.js';
import { type OverrideApplied, applyScoreOverrides } from './score-override.js';
import { ScoreTable } from './score-table.js';
import type { ActionStatut, StatutsByIndex } from './statut.js';

export interface ScoreInput {
  /** Statuts by action id (`cae_6.1.1.3.5`). */
  statuts: ReadonlyMap<string, ActionStatut>;
  consequences?: Consequences;
}

export interface Scores {
  referentiel: Referentiel;
  /** Every action by id, in depth-first order, root first. */
  scores: ScoreTable;
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
  const statuts: (ActionStatut | undefined)[] = new Array(tree.nodes.length);
  const statutsInconnus: string[] = [];
  for (const [id, s] of input.statuts) {
    const i = tree.indexById.get(id);
    if (i === undefined) statutsInconnus.push(id);
    else statuts[i] = s;
  }
  return computeScoresByIndex(referentiel, statuts, statutsInconnus, input.consequences ?? NO_CONSEQUENCES);
}

/**
 * computeScores with statuts already indexed by flat-tree node (`flatTree(referentiel)`), as
 * dossierInputs builds them: no re-keying. `statuts` is kept by the result; do not mutate it.
 * `path: 'rationals'` forces the Rational avancement pass (tests compare it with the integer one).
 */
export function computeScoresByIndex(
  referentiel: Referentiel,
  statuts: StatutsByIndex,
  statutsInconnus: string[],
  consequences: Consequences,
  path: 'auto' | 'rationals' = 'auto',
): Scores {
  const tree = flatTree(referentiel);
  const pot = computePotentiels(tree, statuts, consequencesByIndex(tree, consequences));
  const av = path === 'rationals' ? computeAvancementRational(tree, statuts, pot) : computeAvancement(tree, statuts, pot);
  const overrides = applyScoreOverrides(tree, consequences, pot, av);

  const redistribution = new Map<string, Rational>();
  for (const i of pot.redistributed) {
    const r = pot.redistribution[i]!;
    if (!r.isZero()) redistribution.set(tree.nodes[i]!.id, r);
  }
  const scores = new ScoreTable(tree, statuts, pot, av);
  return { referentiel, scores, overrides, redistribution, statutsInconnus };
}
