/**
 * May a labellisation be requested: HEAD's request-labellisation.rules.spec.ts (packages/domain and
 * apps/backend), the cases a dossier can express, with HEAD's expected verdicts. HEAD's score
 * ceiling is getMaxRequestableStar(score_fait), our `etoile` (etoileDuScore).
 */
import { describe, expect, it } from 'vitest';
import { q } from '../exact/rational.js';
import type { CritereEvalue } from './compute-etoiles.js';
import { verdictDemande } from './demande-labellisation.js';
import { etoileDuScore } from './etoile-du-score.js';
import { DEFAULT_ETOILES } from './etoiles-config.js';

const unmet = { etat: 'non_rempli' } as CritereEvalue;
const parcours = (scoreFait: string, over: { complet?: boolean; criteresNonRemplis?: CritereEvalue[] } = {}) => ({
  complet: over.complet ?? true,
  etoile: etoileDuScore(DEFAULT_ETOILES['cae']!, q(scoreFait)).etoile,
  criteresNonRemplis: over.criteresNonRemplis ?? [],
});
const ok = { demandable: true, raison: null };

describe('verdictDemande', () => {
  it('allows an étoile above the labels held when the score allows it (60 % → 2)', () => {
    expect(verdictDemande(parcours('0.6'), 2)).toEqual(ok);
  });

  it('allows the first étoile whatever the score (threshold 0 %)', () => {
    expect(verdictDemande(parcours('0.3'), 1)).toEqual(ok);
  });

  it('refuses an étoile above the one the score allows (30 % → 2, 35 % → 3)', () => {
    expect(verdictDemande(parcours('0.3'), 2)).toEqual({ demandable: false, raison: 'score-insuffisant' });
    expect(verdictDemande(parcours('0.35'), 3)).toEqual({ demandable: false, raison: 'score-insuffisant' });
  });

  it('allows 4 étoiles at 68 % even when the target is the fifth, and refuses 5', () => {
    expect(verdictDemande(parcours('0.68'), 4)).toEqual(ok);
    expect(verdictDemande(parcours('0.68'), 5)).toEqual({ demandable: false, raison: 'score-insuffisant' });
  });

  it('refuses when an action criterion is not met', () => {
    expect(verdictDemande(parcours('0.5', { criteresNonRemplis: [unmet] }), 1)).toEqual({ demandable: false, raison: 'criteres-non-remplis' });
  });

  it('refuses first when the référentiel is not complete', () => {
    expect(verdictDemande(parcours('0.9', { complet: false, criteresNonRemplis: [unmet] }), 5)).toEqual({ demandable: false, raison: 'referentiel-incomplet' });
  });

  it('allows the request when every condition is met', () => {
    expect(verdictDemande(parcours('0.5'), 1)).toEqual(ok);
  });
});
