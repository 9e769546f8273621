/**
 * What personalisation does to an action, as the scoring core consumes it (scoring.md §6.1).
 * The core never evaluates formulas itself: the personalisation layer turns rules into these,
 * and tests can write them by hand.
 */
import type { Rational } from '../exact/rational.js';

/** Reads the realised ratio (fait ÷ potentiel) of another action, for score overrides. */
export type ScoreReader = (actionId: string) => Rational | null;

/** A score override whose value cannot be a ratio (above 1, negative, a division by zero): not applied, reported. */
export interface ScoreImpossible {
  /** French, naming the action and the rule's place. */
  impossible: string;
}

export interface Consequence {
  /** True: the action and its whole subtree are désactivés, hence non concernés. */
  desactive?: boolean;
  /** Multiplies the points of the action and its subtree (nested factors multiply). */
  facteur?: Rational | null;
  /**
   * Score override ("Score réalisé", §6.5): given a reader of other actions' realised ratios,
   * returns the ratio this action may not exceed, or null for no effect, or why its value is impossible.
   */
  scoreOverride?: ((score: ScoreReader) => Rational | ScoreImpossible | null) | null;
}

export type Consequences = ReadonlyMap<string, Consequence>;
