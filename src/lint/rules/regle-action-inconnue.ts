/**
 * regle-action-inconnue — une entrée de personnalisation dont `action_id` n'est pas une action du référentiel linté. Les entrées d'un autre référentiel (`eci_…` quand on linte CAE) ne sont pas vérifiées.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const regleActionInconnue: LintRule = {
  id: 'regle-action-inconnue',
  severity: 'error',
  fixable: false,
  summary: 'Entrée de personnalisation qui cible une action absente du référentiel.',
  codes: ['regle-action-inconnue'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)', 'Désactivation', 'cae_1.3') } }, expected: [
        "r.md:3:12  error  Action inattendue `cae_1.3`, attendu une action du référentiel  regle-action-inconnue",
      ] },
  ],
};
