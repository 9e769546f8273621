/**
 * What scoring takes and gives, shared by the fast path (compute-scores.ts) and the reference
 * engine (reference/): the same input, the same result, field for field.
 */
import type { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import type { Consequences } from './consequences.js';
import type { ScoreTable } from './score-table.js';
import type { ActionStatut } from './statut.js';

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

export interface OverrideApplied {
  actionId: string;
  /** fait ÷ potentiel before the override. */
  ratioAvant: Rational;
  /** The formula's result: the capped ratio. */
  ratioApres: Rational;
  facteur: Rational;
}

/** An override left out because its value was impossible; the message says why. */
export interface OverrideRefused {
  actionId: string;
  message: string;
}
