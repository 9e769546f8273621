/**
 * HEAD's parcours de labellisation on the embedded référentiel (6.1.1, 21 tâches), with criteria
 * placed on its actions: which ratios a criterion is judged on (addIsScoreConditionSatisfied in
 * get-labellisation.service.ts), which criteria are hidden, the target étoile from the label held
 * and its global criterion, and the étoile a labellisation may be requested for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import type { Referentiel } from '../referentiel/model.js';
import { parseEmbeddedReferentiel } from '../referentiel/read-referentiel.js';
import { computeScores } from '../score/compute-scores.js';
import { STATUT_SIMPLE, type StatutSimple } from '../score/statut.js';
import { computeEtoiles } from './compute-etoiles.js';
import type { LabellisationObtenue } from './etoile-cible.js';
import { type CritereAction, DEFAULT_ETOILES } from './etoiles-config.js';

let ref: Referentiel;
beforeAll(async () => {
  ref = (await parseEmbeddedReferentiel()).referentiel!;
});

const critere = (etoile: number, id: string, minFait: number, minFaitProgramme: number | null): CritereAction => ({ etoile, actionId: `cae_${id}`, label: id, minFait, minFaitProgramme });
const TACHES = ['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '3.4', '3.5', '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '5.4', '5.5'].map((t) => `6.1.1.${t}`);

function etoiles(statuts: Record<string, StatutSimple>, opts: { criteres?: CritereAction[]; labellisation?: LabellisationObtenue; desactive?: string[] } = {}) {
  const m = new Map(Object.entries(statuts).map(([k, v]) => [`cae_${k}`, STATUT_SIMPLE[v]]));
  const consequences = new Map((opts.desactive ?? []).map((id) => [`cae_${id}`, { desactive: true }]));
  const result = computeScores(ref, { statuts: m, consequences });
  return computeEtoiles(result, m, { seuils: DEFAULT_ETOILES['cae']!.seuils, criteres: opts.criteres ?? [] }, opts.labellisation);
}
const all = (s: StatutSimple): Record<string, StatutSimple> => Object.fromEntries(TACHES.map((t) => [t, s]));

describe('action criteria', () => {
  it('judges a tâche on its parent when the parent is concerné with a renseigné statut', () => {
    const e = etoiles({ '6.1.1.3': 'fait', '6.1.1.3.2': 'pas_fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect(e.criteres[0]).toMatchObject({ etat: 'rempli', jugeSur: 'cae_6.1.1.3' });
    const f = etoiles({ '6.1.1.3': 'pas_fait', '6.1.1.3.2': 'fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect(f.criteres[0]).toMatchObject({ etat: 'non_rempli', jugeSur: 'cae_6.1.1.3' });
  });

  it('judges the action itself when the parent is explicitly non renseigné or has no statut', () => {
    const e = etoiles({ '6.1.1.3': 'non_renseigne', '6.1.1.3.2': 'fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect(e.criteres[0]).toMatchObject({ etat: 'rempli', jugeSur: 'cae_6.1.1.3.2' });
    const f = etoiles({ '6.1.1.3.2': 'fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect(f.criteres[0]).toMatchObject({ etat: 'rempli', jugeSur: 'cae_6.1.1.3.2' });
  });

  it('judges the action itself when the parent carrying the statut is not concerné', () => {
    // The ancestor 6.1.1 non concerné makes 6.1.1.3 non concerné whatever its own statut.
    const e = etoiles({ '6.1.1': 'non_concerne', '6.1.1.3': 'fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect(e.criteres[0]).toMatchObject({ etat: 'non_rempli', jugeSur: 'cae_6.1.1.3.2' });
  });

  it('hides a criterion whose action is désactivé, but shows it (unmet) when merely non concerné', () => {
    const criteres = [critere(1, '6.1.1.4', 100, null), critere(1, '6.1.1.3.4', 100, null)];
    const e = etoiles({ '6.1.1.3.4': 'non_concerne' }, { criteres, desactive: ['6.1.1.4'] });
    expect(e.criteres.map((c) => [c.actionId, c.etat])).toEqual([['cae_6.1.1.3.4', 'non_rempli']]);
  });

  it('meets a criterion by fait + programmé only when it has a programmé threshold', () => {
    const statuts = { '6.1.1.3.2': 'programme' } as const;
    expect(etoiles(statuts, { criteres: [critere(1, '6.1.1.3.2', 100, 100)] }).criteres[0]!.etat).toBe('rempli');
    expect(etoiles(statuts, { criteres: [critere(1, '6.1.1.3.2', 100, null)] }).criteres[0]!.etat).toBe('non_rempli');
  });

  it('compares the 20 % threshold exactly: 1 tâche fait of 5 meets it', () => {
    const e = etoiles({ '6.1.1.2.1': 'fait' }, { criteres: [critere(1, '6.1.1.2', 20, null)] });
    expect(e.criteres[0]!.ratioFait!.equals(Rational.of(1, 5))).toBe(true);
    expect(e.criteres[0]!.etat).toBe('rempli');
  });

  it('keeps, per action, the criterion of the highest étoile ≤ the target', () => {
    const criteres = [critere(1, '6.1.1.3.2', 100, 100), critere(2, '6.1.1.3.2', 100, null)];
    const statuts = { '6.1.1.3.2': 'programme' } as const;
    expect(etoiles(statuts, { criteres }).criteres).toMatchObject([{ etoile: 1, etat: 'rempli' }]);
    expect(etoiles(statuts, { criteres, labellisation: { etoile: 1 } }).criteres).toMatchObject([{ etoile: 2, etat: 'non_rempli' }]);
  });
});

describe('target étoile and labellisation', () => {
  it('aims at the étoile after the label held: a score of 0 labelled 2 aims at 3, whose 50 % is not met', () => {
    const e = etoiles({}, { labellisation: { etoile: 2, date: '2023-03-15' } });
    expect(e.etoile).toBe(1);
    expect(e.etoileCible).toBe(3);
    expect(e.labellisation).toEqual({ etoile: 2, date: '2023-03-15', prochaine: 3 });
    expect(e.critereScore.etoile).toBe(3);
    expect(e.critereScore.seuil.equals(Rational.of(1, 2))).toBe(true);
    expect(e.critereScore.atteint).toBe(false);
  });

  // HEAD e2e checklist-score-minimum.spec.ts: labelled N − 1, the score minimum shown is N's threshold.
  it.each([
    [2, 35],
    [3, 50],
    [4, 65],
    [5, 75],
  ])('labelled one below %i, the global criterion is that étoile’s threshold, %i %', (etoile, pourcent) => {
    const e = etoiles({}, { labellisation: { etoile: etoile - 1 } });
    expect(e.critereScore.etoile).toBe(etoile);
    expect(e.critereScore.seuil.equals(Rational.of(pourcent, 100))).toBe(true);
  });

  it('without a label, the target is the étoile reached and its global criterion is met', () => {
    const e = etoiles(all('fait'));
    expect([e.etoile, e.etoileCible, e.labellisation, e.critereScore.atteint]).toEqual([5, 5, null, true]);
  });

  it('requests up to the étoile of the score when complete and every criterion is met', () => {
    const e = etoiles(all('fait'), { criteres: [critere(1, '6.1.1.3.2', 100, null)], labellisation: { etoile: 5 } });
    expect([e.etoileDemandable, e.rempli]).toEqual([5, true]);
  });

  it('requests nothing when incomplete, or when a criterion of the target is unmet', () => {
    expect(etoiles({ '6.1.1.3.2': 'fait' }).etoileDemandable).toBeNull();
    const e = etoiles({ ...all('fait'), '6.1.1.3.2': 'pas_fait' }, { criteres: [critere(1, '6.1.1.3.2', 100, null)] });
    expect([e.complet, e.etoile, e.etoileDemandable, e.rempli]).toEqual([true, 5, null, false]);
  });

  it('may request a lower étoile than the target: labelled 4 at 70 % aims at 5, may ask for 4', () => {
    // 6.1.1.3 (25 % of the points) and 6.1.1.1.1 (5 %) pas fait, the rest fait: 70 %, complete.
    const pasFait = ['6.1.1.1.1', '6.1.1.3.1', '6.1.1.3.2', '6.1.1.3.3', '6.1.1.3.4', '6.1.1.3.5'];
    const e = etoiles({ ...all('fait'), ...Object.fromEntries(pasFait.map((t) => [t, 'pas_fait' as const])) }, { labellisation: { etoile: 4 } });
    expect(e.ratioFait.equals(Rational.of(7, 10))).toBe(true);
    expect(e.etoile).toBe(4);
    expect(e.etoileCible).toBe(5);
    expect(e.critereScore.atteint).toBe(false);
    expect(e.etoileDemandable).toBe(4);
    expect(e.rempli).toBe(false);
  });
});
