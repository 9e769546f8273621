/**
 * HEAD's rule for the statut a TE sous-action or tâche receives from its CAE/ECI origins
 * (switch-to-te `merge-statuts.rules` over `score-from-origines.rules`), exactly:
 *
 * 1. The origins kept are those scored and concernées (an origin whose référentiel has no dossier,
 *    or which is non concernée / désactivée, is dropped). None kept: `non_concerne`.
 * 2. Each origin weighs `pointReferentiel × pondération` (a missing or zero pondération counts 1)
 *    and brings its task avancement `faitTachesAvancement / totalTachesCount` (likewise programmé,
 *    pas fait). The TE potentiel is shared in those proportions: projected points are
 *    `potentiel × Σ(avancement × poids) / Σ poids`, rounded to 3 decimals as HEAD does.
 * 3. No projected point at all: `non_renseigne`.
 * 4. The triple `points / potentiel` within 0.001 of a pure one: `fait`, `programme` or
 *    `pas_fait`; otherwise `detaille` with fait and programmé floored to 5 % and pas fait the
 *    rest to 100 %.
 *
 * Computed with exact rationals; HEAD's floating point only differs below its own 0.001 rounding.
 */
import { Rational } from '../exact/rational.js';

export interface PointsProjetes {
  pointFait: Rational;
  pointProgramme: Rational;
  pointPasFait: Rational;
  pointPotentiel: Rational;
}

export interface TripletStatut {
  fait: Rational;
  programme: Rational;
  pasFait: Rational;
}

export type StatutDerive =
  | { statut: 'fait' | 'programme' | 'pas_fait' | 'non_concerne' | 'non_renseigne' }
  | { statut: 'detaille'; triplet: TripletStatut };

/** HEAD's `MERGE_STATUTS_STATUT_DISCRET_EPSILON`, aligned on its 3-decimal score rounding. */
export const EPSILON_STATUT_DISCRET = Rational.of(1, 1000);

/** One origin as its référentiel scored it: what the projection reads of it. */
export interface ScoreOrigine {
  pointReferentiel: Rational;
  totalTachesCount: number;
  faitTachesAvancement: Rational;
  programmeTachesAvancement: Rational;
  pasFaitTachesAvancement: Rational;
  /** HEAD's `ponderation`; null or zero counts 1. */
  ponderation: Rational | null;
}

const ZERO = Rational.ZERO;

function poids(o: ScoreOrigine): Rational {
  const w = o.ponderation === null || o.ponderation.isZero() ? Rational.ONE : o.ponderation;
  return o.pointReferentiel.mul(w);
}

/** HEAD's `getRatioFromOrigineActions`: TE potentiel over the origins' weighted référentiel points. */
export function ratioDesOrigines(origines: readonly ScoreOrigine[], potentielTe: Rational): Rational {
  const total = Rational.sum(origines.map(poids));
  return total.isZero() ? ZERO : potentielTe.div(total);
}

/** Rounds to `digits` decimals, half up (HEAD's `roundTo`), as an exact decimal. */
export function arrondi(value: Rational, digits = 3): Rational {
  return Rational.parseDecimal(value.round(digits).toFixed(digits)) as Rational;
}

/** HEAD's `getScoreFromOrigineActionsAndRatio` with the TE potentiel given: the projected points. */
export function pointsProjetes(origines: readonly ScoreOrigine[], potentielTe: Rational): PointsProjetes {
  const ratio = ratioDesOrigines(origines, potentielTe);
  const part = (pick: (o: ScoreOrigine) => Rational): Rational =>
    arrondi(ratio.mul(Rational.sum(origines.map((o) => pick(o).divInt(o.totalTachesCount || 1).mul(poids(o))))));
  return {
    pointFait: part((o) => o.faitTachesAvancement),
    pointProgramme: part((o) => o.programmeTachesAvancement),
    pointPasFait: part((o) => o.pasFaitTachesAvancement),
    pointPotentiel: potentielTe,
  };
}

/** HEAD's `deriveTripletFromProjectedPoints`: fractions of the potentiel; [0, 0, 0] without one. */
export function tripletDesPoints(p: PointsProjetes): TripletStatut {
  if (p.pointPotentiel.isZero()) return { fait: ZERO, programme: ZERO, pasFait: ZERO };
  return { fait: p.pointFait.div(p.pointPotentiel), programme: p.pointProgramme.div(p.pointPotentiel), pasFait: p.pointPasFait.div(p.pointPotentiel) };
}

/** HEAD's `isTripletStatutDiscret`: one fraction within ε of 1, the two others within ε of 0. */
export function estTripletDiscret(t: TripletStatut, epsilon = EPSILON_STATUT_DISCRET): boolean {
  const un = Rational.ONE.sub(epsilon);
  const [a, b, c] = [t.fait, t.programme, t.pasFait];
  return (a.gte(un) && b.lte(epsilon) && c.lte(epsilon)) || (b.gte(un) && a.lte(epsilon) && c.lte(epsilon)) || (c.gte(un) && a.lte(epsilon) && b.lte(epsilon));
}

/** HEAD's `deriveStatutDiscret`: fait, else programme, else pas fait. */
export function statutDiscret(t: TripletStatut, epsilon = EPSILON_STATUT_DISCRET): StatutDerive {
  const un = Rational.ONE.sub(epsilon);
  if (t.fait.gte(un)) return { statut: 'fait' };
  if (t.programme.gte(un)) return { statut: 'programme' };
  return { statut: 'pas_fait' };
}

/** HEAD's `arrondiCinqPourcent`: a fraction to whole percents, floored to a multiple of 5. */
export function arrondiCinqPourcent(value: Rational): number {
  const n = value.numerator * 20n;
  const d = value.denominator;
  const q = n >= 0n ? n / d : -((-n + d - 1n) / d);
  return Number(q) * 5;
}

/** HEAD's `arrondiTripletCinqPourcent`: fait and programmé floored to 5 %, pas fait the rest. */
export function arrondiTripletCinqPourcent(t: TripletStatut): TripletStatut {
  const fait = arrondiCinqPourcent(t.fait);
  const programme = arrondiCinqPourcent(t.programme);
  return { fait: Rational.of(fait, 100), programme: Rational.of(programme, 100), pasFait: Rational.of(100 - fait - programme, 100) };
}

export interface EntreeProjection extends PointsProjetes {
  /** How many origins were kept (scored and concernées). */
  originesConcernees: number;
}

/** HEAD's `deriveStatutFromProjection`. */
export function statutDeLaProjection(p: EntreeProjection): StatutDerive {
  if (p.originesConcernees === 0) return { statut: 'non_concerne' };
  if (p.pointFait.isZero() && p.pointProgramme.isZero() && p.pointPasFait.isZero()) return { statut: 'non_renseigne' };
  const t = tripletDesPoints(p);
  if (estTripletDiscret(t)) return statutDiscret(t);
  return { statut: 'detaille', triplet: arrondiTripletCinqPourcent(t) };
}
