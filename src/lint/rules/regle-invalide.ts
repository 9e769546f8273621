/**
 * regle-invalide — une règle dont le titre n'est pas « Désactivation », « Réduction de potentiel » ou « Score réalisé », une seconde règle du même type pour une action, ou une règle sans bloc ```formule.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const regleInvalide: LintRule = {
  id: 'regle-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Règle de type inconnu, en double pour une action, ou sans bloc formule.',
  codes: ['regle-type-inconnu', 'regle-type-duplique', 'formule-manquante'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)', 'Suppression') } }, expected: [
        "r.md:6:5  error  Type de règle inattendu « Suppression », attendu « Désactivation », « Réduction de potentiel » ou « Score réalisé »  regle-invalide",
      ] },
  ],
};
