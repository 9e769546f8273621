/**
 * Presentation of exact scores as JSON numbers. This is the only place points are rounded:
 * 3 decimals, half away from zero, computed exactly (`Rational.round`). Ratios get 4 decimals so a
 * percentage keeps two.
 */
import type { Rational } from '../exact/rational.js';
import type { ActionScore } from './action-score.js';
import { scoreRatios } from './ratios.js';

export const POINT_DECIMALS = 3;
export const RATIO_DECIMALS = 4;

export interface ActionScoreJson {
  pointReferentiel: number;
  pointPotentiel: number;
  pointPotentielPerso: number | null;
  pointFait: number;
  pointProgramme: number;
  pointPasFait: number;
  pointNonRenseigne: number;
  concerne: boolean;
  desactive: boolean;
  renseigne: boolean;
  totalTachesCount: number;
  completedTachesCount: number;
  faitTachesAvancement: number;
  programmeTachesAvancement: number;
  pasFaitTachesAvancement: number;
  pasConcerneTachesAvancement: number;
  ratioFait: number;
  ratioProgramme: number;
  ratioPasFait: number;
  ratioNonRenseigne: number;
  completude: number;
}

export const pt = (x: Rational): number => x.round(POINT_DECIMALS);
export const ratio = (x: Rational): number => x.round(RATIO_DECIMALS);

export function actionScoreToJson(s: ActionScore): ActionScoreJson {
  const r = scoreRatios(s);
  return {
    pointReferentiel: pt(s.pointReferentiel),
    pointPotentiel: pt(s.pointPotentiel),
    pointPotentielPerso: s.pointPotentielPerso ? pt(s.pointPotentielPerso) : null,
    pointFait: pt(s.pointFait),
    pointProgramme: pt(s.pointProgramme),
    pointPasFait: pt(s.pointPasFait),
    pointNonRenseigne: pt(s.pointNonRenseigne),
    concerne: s.concerne,
    desactive: s.desactive,
    renseigne: s.renseigne,
    totalTachesCount: s.totalTachesCount,
    completedTachesCount: s.completedTachesCount,
    faitTachesAvancement: pt(s.faitTachesAvancement),
    programmeTachesAvancement: pt(s.programmeTachesAvancement),
    pasFaitTachesAvancement: pt(s.pasFaitTachesAvancement),
    pasConcerneTachesAvancement: s.pasConcerneTachesAvancement,
    ratioFait: ratio(r.fait),
    ratioProgramme: ratio(r.programme),
    ratioPasFait: ratio(r.pasFait),
    ratioNonRenseigne: ratio(r.nonRenseigne),
    completude: ratio(r.completude),
  };
}
