/**
 * The scoring core: a référentiel, statuts and personalisation consequences in, the exact score of
 * every action out. The pipeline is TeT's (scoring.md §6.6): consequences → personalised points →
 * désactivés → non concernés → potentiels with redistribution → avancement → score overrides.
 * Pure and deterministic: inputs are never mutated.
 *
 * This is the fast path: flat arrays and exact integer counts of a common unit (unit-space.ts).
 * When a value would not fit in the safe integers, the whole scoring is done again by the
 * reference engine (reference/compute-scores-reference.ts), which gives the same exact values and
 * is what the property tests check this path against.
 */
import { isReferentielLike, requireArgument } from '../diagnostics/argument.js';
import type { Referentiel } from '../referentiel/model.js';
import { computeAvancementUnits } from './avancement.js';
import type { Consequence, Consequences } from './consequences.js';
import { flatTree } from './flat-tree.js';
import { consequencesByIndex } from './potentiels.js';
import { computePotentielsUnits } from './potentiels-units.js';
import { computeScoresReference } from './reference/compute-scores-reference.js';
import { applyScoreOverrides } from './score-override.js';
import type { OverrideRefused, ScoreInput, Scores } from './scores.js';
import { RedistributionTable } from './redistribution-table.js';
import { FlatScoreTable } from './score-table.js';
import { StatutsById } from './statuts-by-id.js';
import { StatutsIndex } from './statuts-index.js';

export type { OverrideApplied, OverrideRefused, ScoreInput, Scores } from './scores.js';

const NO_CONSEQUENCES: Consequences = new Map();

/**
 * The scoring core: a référentiel, statuts by action id and consequences (désactivation, factor,
 * score override) → exact scores of every node (potentiel, fait, programmé, pas fait, non renseigné,
 * with redistribution of non-concerné points). Throws `TypeError` for arguments of the wrong kind.
 *
 * @example
 * const { scores } = computeScores(referentiel, { statuts: new Map(), consequences: new Map() });
 * console.log(scores.get('cae')?.pointFait.toFraction());
 */
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

/** A référentiel declaring `personnalisation: desactivation` (TE) keeps only the désactivations. */
function desactivationsOnly(consequences: Consequences): Consequences {
  let other = false;
  for (const c of consequences.values()) if (c.facteur || c.scoreOverride) other = true;
  if (!other) return consequences;
  const kept = new Map<string, Consequence>();
  for (const [id, c] of consequences) if (c.desactive) kept.set(id, { desactive: true });
  return kept;
}

/**
 * computeScores with statuts already indexed by flat-tree node (`flatTree(referentiel)`), as
 * dossierInputs builds them: no re-keying. `statuts` is kept by the result; do not mutate it.
 */
export function computeScoresByIndex(referentiel: Referentiel, statuts: StatutsIndex, statutsInconnus: string[], consequences: Consequences): Scores {
  const tree = flatTree(referentiel);
  if (referentiel.options?.personnalisation === 'desactivation') consequences = desactivationsOnly(consequences);
  const pot = computePotentielsUnits(tree, statuts, consequencesByIndex(tree, consequences));
  const av = pot === null ? null : computeAvancementUnits(tree, statuts, pot);
  if (pot === null || av === null) {
    // A value leaves the safe integers: the reference engine computes the same exact values.
    const reference = computeScoresReference(referentiel, { statuts: new StatutsById(tree, statuts), consequences });
    return { ...reference, statutsInconnus };
  }
  const overridesRefuses: OverrideRefused[] = [];
  const overrides = applyScoreOverrides(tree, consequences, pot, av, overridesRefuses);
  const redistribution = new RedistributionTable(tree, pot.redistribution);
  const scores = new FlatScoreTable(tree, statuts, pot, av);
  return { referentiel, scores, overrides, overridesRefuses, redistribution, statutsInconnus };
}
