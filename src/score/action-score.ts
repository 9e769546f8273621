/**
 * The score of one action, exactly, with TeT's current (HEAD) field names. Rounding happens only
 * when a score is presented (`toScoreJson`), never here.
 */
import type { Rational } from '../exact/rational.js';

export interface ActionScore {
  actionId: string;
  pointReferentiel: Rational;
  pointPotentiel: Rational;
  /** Référentiel points × the reduction factors, on nodes whose own rule gives a factor; else null. */
  pointPotentielPerso: Rational | null;
  pointFait: Rational;
  pointProgramme: Rational;
  pointPasFait: Rational;
  pointNonRenseigne: Rational;
  concerne: boolean;
  desactive: boolean;
  /** TeT HEAD: false for a leaf without statut and for a concerné parent with non-renseigné points. */
  renseigne: boolean;
  totalTachesCount: number;
  completedTachesCount: number;
  faitTachesAvancement: Rational;
  programmeTachesAvancement: Rational;
  pasFaitTachesAvancement: Rational;
  pasConcerneTachesAvancement: number;
}
