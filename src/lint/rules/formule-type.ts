/**
 * formule-type — une désactivation qui ne donne pas un booléen, une réduction de potentiel ou un score réalisé qui ne donne pas un nombre, ou un opérateur appliqué à une valeur du mauvais type.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const formuleType: LintRule = {
  id: 'formule-type',
  severity: 'error',
  fixable: false,
  summary: 'Désactivation qui ne donne pas un booléen, réduction ou score qui ne donne pas un nombre, opérande du mauvais type.',
  codes: ['formule-type-resultat', 'formule-type-operande'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('si reponse(dechets_1, NON) alors 0.5', 'Réduction de potentiel') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('si reponse(dechets_1, NON) alors 0.5') + regle('reponse(dechets_1, NON)', 'Réduction de potentiel', 'cae_1.2') } }, expected: [
        "r.md:8:1  error  une désactivation doit donner un booléen, cette formule donne nombre ou rien  formule-type",
        "r.md:17:1  error  une réduction de potentiel doit donner un nombre, cette formule donne booléen  formule-type",
      ] },
  ],
};
