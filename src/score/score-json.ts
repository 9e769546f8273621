/**
 * Presentation of exact scores as JSON numbers. This is the only place points are rounded:
 * 3 decimals, half away from zero, computed exactly (`Rational.round`). Ratios get 4 decimals so a
 * percentage keeps two.
 */
import { Rational } from '../exact/rational.js';
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
  /** Indicative score (HEAD's exprScore), only when the dossier gives an indicator its formula reads: never in the points. */
  scoreIndicatif?: ScoreIndicatifJson;
}

/** One computation of an indicative score: from the results (fait) or the objectives (programmé). */
export interface ScoreIndicatifResultatJson {
  /** The score rounded to 4 decimals, as other ratios; null when it cannot be computed. */
  ratio: number | null;
  /** The exact score (`1/3`). */
  exact: string | null;
  lu: string[];
  manquant: string[];
}

export interface ScoreIndicatifJson {
  fait: ScoreIndicatifResultatJson;
  programme: ScoreIndicatifResultatJson;
}

export const pt = (x: Rational): number => x.round(POINT_DECIMALS);
export const ratio = (x: Rational): number => x.round(RATIO_DECIMALS);

/** The ratios of scoreRatios, rounded, without building the exact quotients (hot in --batch). */
function roundedRatios(s: ActionScore): [number, number, number, number, number] {
  const total = s.totalTachesCount;
  const completude = total === 0 ? 0 : Rational.roundQuotient(Rational.of(s.completedTachesCount), Rational.of(total), RATIO_DECIMALS);
  const p = s.pointPotentiel;
  if (p.isZero()) {
    const r = scoreRatios(s);
    return [ratio(r.fait), ratio(r.programme), ratio(r.pasFait), ratio(r.nonRenseigne), completude];
  }
  const q = (x: Rational): number => (x.isZero() ? 0 : Rational.roundQuotient(x, p, RATIO_DECIMALS));
  return [q(s.pointFait), q(s.pointProgramme), q(s.pointPasFait), q(s.pointNonRenseigne), completude];
}

export function actionScoreToJson(s: ActionScore): ActionScoreJson {
  const [ratioFait, ratioProgramme, ratioPasFait, ratioNonRenseigne, completude] = roundedRatios(s);
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
    ratioFait,
    ratioProgramme,
    ratioPasFait,
    ratioNonRenseigne,
    completude,
  };
}
