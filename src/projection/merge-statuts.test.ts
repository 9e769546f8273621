// HEAD's merge-statuts.rules.spec.ts and score-from-origines.rules.spec.ts, in our words, with HEAD's expected values.
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import {
  type ScoreOrigine,
  type StatutDerive,
  type TripletStatut,
  EPSILON_STATUT_DISCRET,
  arrondiTripletCinqPourcent,
  estTripletDiscret,
  pointsProjetes,
  ratioDesOrigines,
  statutDeLaProjection,
  statutDiscret,
  tripletDesPoints,
} from './merge-statuts.js';

const r = (x: number): Rational => Rational.fromNumber(x);
const t = (f: number, p: number, pf: number): TripletStatut => ({ fait: r(f), programme: r(p), pasFait: r(pf) });
const nums = (x: TripletStatut): number[] => [x.fait.toNumber(), x.programme.toNumber(), x.pasFait.toNumber()];
const points = (f: number, p: number, pf: number, pot: number) => ({ pointFait: r(f), pointProgramme: r(p), pointPasFait: r(pf), pointPotentiel: r(pot) });
const derive = (n: number, f: number, p: number, pf: number, pot: number): StatutDerive => statutDeLaProjection({ ...points(f, p, pf, pot), originesConcernees: n });
const plain = (s: StatutDerive): unknown => (s.statut === 'detaille' ? { statut: 'detaille', triplet: nums(s.triplet) } : s);

describe('triplet des points projetés', () => {
  it('divise chaque part par le potentiel', () => {
    expect(nums(tripletDesPoints(points(7, 0, 3, 10)))).toEqual([0.7, 0, 0.3]);
  });
  it('vaut [0, 0, 0] sans potentiel', () => {
    expect(nums(tripletDesPoints(points(1, 0, 0, 0)))).toEqual([0, 0, 0]);
  });
});

describe('triplet discret (à 0,001 près)', () => {
  it('reconnaît [1, 0, 0]', () => expect(estTripletDiscret(t(1, 0, 0))).toBe(true));
  it("absorbe le reste d'arrondi [0.999, 0, 0.001]", () => expect(estTripletDiscret(t(0.999, 0, 0.001))).toBe(true));
  it('refuse [0.74, 0, 0.26]', () => expect(estTripletDiscret(t(0.74, 0, 0.26))).toBe(false));
  it('refuse le bord [0.99, 0, 0.01] : 0,01 dépasse ε', () => {
    expect(estTripletDiscret(t(0.99, 0, 0.01))).toBe(false);
    expect(r(0.01).gt(EPSILON_STATUT_DISCRET)).toBe(true);
  });
});

describe('statut discret', () => {
  it('fait pour [1, 0, 0]', () => expect(statutDiscret(t(1, 0, 0))).toEqual({ statut: 'fait' }));
  it("fait pour le reste d'arrondi [0.999, 0, 0.001]", () => expect(statutDiscret(t(0.999, 0, 0.001))).toEqual({ statut: 'fait' }));
});

describe('arrondi à 5 % inférieurs', () => {
  it('74 % devient 70 %, pas fait complète à 100 %', () => expect(nums(arrondiTripletCinqPourcent(t(0.74, 0, 0.26)))).toEqual([0.7, 0, 0.3]));
  it('garde [0.5, 0.5, 0]', () => expect(nums(arrondiTripletCinqPourcent(t(0.5, 0.5, 0)))).toEqual([0.5, 0.5, 0]));
});

describe('statut de la projection', () => {
  it('non concerné sans origine concernée', () => expect(derive(0, 0, 0, 0, 5)).toEqual({ statut: 'non_concerne' }));
  it('non renseigné quand les origines concernées sont sans avancement', () => expect(derive(1, 0, 0, 0, 5)).toEqual({ statut: 'non_renseigne' }));
  it('fait pour [1, 0, 0]', () => expect(derive(1, 5, 0, 0, 5)).toEqual({ statut: 'fait' }));
  it("fait pour le reste d'arrondi 4,995 / 0,005", () => expect(derive(1, 4.995, 0, 0.005, 5)).toEqual({ statut: 'fait' }));
  it('détaillé arrondi pour [0.74, 0, 0.26]', () => expect(plain(derive(1, 3.7, 0, 1.3, 5))).toEqual({ statut: 'detaille', triplet: [0.7, 0, 0.3] }));
  it('détaillé pour le bord [0.99, 0, 0.01]', () => expect(plain(derive(1, 4.95, 0, 0.05, 5))).toEqual({ statut: 'detaille', triplet: [0.95, 0, 0.05] }));
});

const origine = (ref: number, total: number, fait: number, ponderation: number, pas = 0, prog = 0): ScoreOrigine => ({
  pointReferentiel: r(ref),
  totalTachesCount: total,
  faitTachesAvancement: r(fait),
  programmeTachesAvancement: r(prog),
  pasFaitTachesAvancement: r(pas),
  ponderation: r(ponderation),
});

describe('points projetés depuis les origines (score-from-origines)', () => {
  it('pondère : trois origines faites, une à 0,5 non renseignée', () => {
    const o = [origine(0.8, 1, 1, 1), origine(0.8, 1, 1, 1), origine(0.8, 1, 1, 1), origine(0.8, 1, 0, 0.5)];
    expect(ratioDesOrigines(o, r(3)).equals(r(3).div(r(2.4).add(r(0.4))))).toBe(true);
    const p = pointsProjetes(o, r(3));
    expect([p.pointFait.toNumber(), p.pointProgramme.toNumber(), p.pointPasFait.toNumber()]).toEqual([2.571, 0, 0]);
    expect(p.pointPotentiel.sub(p.pointFait).sub(p.pointProgramme).sub(p.pointPasFait).toNumber()).toBe(0.429);
  });
  it("ignore la réduction de potentiel de l'origine : seul l'avancement compte", () => {
    const o = [origine(2, 4, 4, 1)];
    expect(ratioDesOrigines(o, r(1.2)).toNumber()).toBe(0.6);
    expect(pointsProjetes(o, r(1.2)).pointFait.toNumber()).toBe(1.2);
  });
  it('une pondération absente ou nulle compte 1', () => {
    const sans = { ...origine(1, 1, 1, 1), ponderation: null };
    expect(pointsProjetes([sans, origine(1, 1, 0, 0, 1)], r(2)).pointFait.toNumber()).toBe(1);
  });
});
