/**
 * The scoring core: a référentiel, statuts and personalisation consequences in, the exact score of
 * every action out. The pipeline is TeT's (scoring.md §6.6): consequences → personalised points →
 * désactivés → non concernés → potentiels with redistribution → avancement → score overrides.
 * Pure and deterministic: inputs are never mutated.
 */
import { isReferentielLike, requireArgument } from '../diagnostics/argument.js';
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import { computeAvancement, computeAvancementRational } from './avancement.js';
import type { Consequence, Consequences } from './consequences.js';
import { flatTree } from './flat-tree.js';
import { computePotentielsRational, consequencesByIndex } from './potentiels.js';
import { computePotentielsUnits } from './potentiels-units.js';
import { type OverrideApplied, type OverrideRefused, applyScoreOverrides } from './score-override.js';
import { RedistributionTable } from './redistribution-table.js';
import { ScoreTable } from './score-table.js';
import type { ActionStatut } from './statut.js';
import { StatutsIndex } from './statuts-index.js';

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
  /** Score overrides not applied because their value was impossible (above 1, negative…). */
  overridesRefuses: OverrideRefused[];
  /** Points each action received (> 0) or gave away (< 0) through redistribution. */
  redistribution: ReadonlyMap<string, Rational>;
  /** Statut ids that name no action of the référentiel; they are ignored. */
  statutsInconnus: string[];
}

const NO_CONSEQUENCES: Consequences = new Map();

export function computeScores(referentiel: Referentiel, input: ScoreInput): Scores {
  requireArgument(isReferentielLike(referentiel), 'computeScores', 'referentiel', 'un référentiel (parseReferentiel ou loadReferentiel)', referentiel);
  requireArgument(typeof input === 'object' && input !== null, 'computeScores', 'input', '{ statuts, consequences }', input);
  const tree = flatTree(referentiel);
  const statuts = new StatutsIndex(tree.nodes.length);
  const statutsInconnus: string[] = [];
  for (const [id, s] of input.statuts) {
    const i = tree.indexById.get(id);
    if (i === undefined) statutsInconnus.push(id);
    else statuts.set(i, s);
  }
  return computeScoresByIndex(referentiel, statuts, statutsInconnus, input.consequences ?? NO_CONSEQUENCES);
}

/**
 * computeScores with statuts already indexed by flat-tree node (`flatTree(referentiel)`), as
 * dossierInputs builds them: no re-keying. `statuts` is kept by the result; do not mutate it.
 * `path: 'rationals'` forces the Rational passes (tests compare them with the integer ones).
 */
/** A référentiel declaring `personnalisation: desactivation` (TE) keeps only the désactivations. */
function desactivationsOnly(consequences: Consequences): Consequences {
  let other = false;
  for (const c of consequences.values()) if (c.facteur || c.scoreOverride) other = true;
  if (!other) return consequences;
  const kept = new Map<string, Consequence>();
  for (const [id, c] of consequences) if (c.desactive) kept.set(id, { desactive: true });
  return kept;
}

export function computeScoresByIndex(
  referentiel: Referentiel,
  statuts: StatutsIndex,
  statutsInconnus: string[],
  consequences: Consequences,
  path: 'auto' | 'rationals' = 'auto',
): Scores {
  const tree = flatTree(referentiel);
  if (referentiel.options?.personnalisation === 'desactivation') consequences = desactivationsOnly(consequences);
  const byIndex = consequencesByIndex(tree, consequences);
  // Integer units when every value fits (the fast path), Rationals otherwise: the same exact values.
  const pot = (path === 'rationals' ? null : computePotentielsUnits(tree, statuts, byIndex)) ?? computePotentielsRational(tree, statuts, byIndex);
  const av = path === 'rationals' ? computeAvancementRational(tree, statuts, pot) : computeAvancement(tree, statuts, pot);
  const overridesRefuses: OverrideRefused[] = [];
  const overrides = applyScoreOverrides(tree, consequences, pot, av, overridesRefuses);

  const redistribution = new RedistributionTable(tree, pot.redistribution);
  const scores = new ScoreTable(tree, statuts, pot, av);
  return { referentiel, scores, overrides, overridesRefuses, redistribution, statutsInconnus };
}
