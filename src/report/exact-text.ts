/** Exact numbers written for people, never rounded (référentiel summaries). */
import type { Rational } from '../exact/rational.js';
import { fmt } from '../referentiel/points.js';

/**
 * An exact number as people read it: its decimal when finite (`0.225`, `6`), else its fraction
 * (`20/3`). Never rounded, for summaries of référentiel points.
 *
 * @example
 * formatExact(referentiel.root.points); // '6'
 */
export function formatExact(value: Rational): string {
  return fmt(value);
}
