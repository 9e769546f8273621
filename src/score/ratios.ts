/**
 * The ratios TeT's UI and labellisation read (scoring.md §4.3): each point field over the
 * potentiel, falling back to tâche counts when the potentiel is 0; complétude is completed ÷ total.
 */
import { Rational } from '../exact/rational.js';
import type { ActionScore } from './action-score.js';

export interface ScoreRatios {
  fait: Rational;
  programme: Rational;
  pasFait: Rational;
  nonRenseigne: Rational;
  completude: Rational;
}

/** point ÷ potentiel, or tâches ÷ total tâches when the potentiel is 0. */
export function ratioOf(point: Rational, potentiel: Rational, taches: Rational, totalTaches: number): Rational {
  if (!potentiel.isZero()) return point.div(potentiel);
  return totalTaches === 0 ? Rational.ZERO : taches.divInt(totalTaches);
}

export function scoreRatios(s: ActionScore): ScoreRatios {
  const total = s.totalTachesCount;
  const completude = total === 0 ? Rational.ZERO : Rational.of(s.completedTachesCount, total);
  const p = s.pointPotentiel;
  if (!p.isZero()) {
    return {
      fait: s.pointFait.div(p),
      programme: s.pointProgramme.div(p),
      pasFait: s.pointPasFait.div(p),
      nonRenseigne: s.pointNonRenseigne.div(p),
      completude,
    };
  }
  if (total === 0) return { fait: Rational.ZERO, programme: Rational.ZERO, pasFait: Rational.ZERO, nonRenseigne: Rational.ZERO, completude };
  const byCount = (x: Rational): Rational => x.divInt(total);
  return {
    fait: byCount(s.faitTachesAvancement),
    programme: byCount(s.programmeTachesAvancement),
    pasFait: byCount(s.pasFaitTachesAvancement),
    nonRenseigne: Rational.of(total - s.completedTachesCount, total),
    completude,
  };
}
