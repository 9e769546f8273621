/**
 * formule-reference-inconnue — une formule qui nomme une question inconnue, un choix que la question n'a pas, une valeur autre que OUI/NON pour une question binaire, un champ ou une valeur d'identité inconnus, une action inconnue dans `score()`, ou un référentiel (ou une version) inconnu dans `referentiel()`. Les noms de questions ne sont vérifiés que si `--questions` est donné.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const formuleReferenceInconnue: LintRule = {
  id: 'formule-reference-inconnue',
  severity: 'error',
  fixable: false,
  summary: 'Formule qui nomme une question, un choix, une valeur d\x27identité, une action ou un référentiel inconnus.',
  codes: ['formule-question-inconnue', 'formule-choix-inconnu', 'formule-valeur-binaire', 'formule-forme-reponse', 'formule-identite-inconnue', 'formule-score-inconnu', 'formule-referentiel-inconnu'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(EP_1, EP_1_b) ou identite(type, commune)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(EP_1, EP_1_z) ou identite(type, departement) ou reponse(inconnue, OUI)') } }, expected: [
        "r.md:8:15  error  choix inconnu « EP_1_z » pour la question « EP_1 », attendu EP_1_a, EP_1_b  formule-reference-inconnue",
        "r.md:8:41  error  valeur inconnue « departement » pour identite(type, …), attendu commune, EPCI, syndicat, syndicat_traitement  formule-reference-inconnue",
        "r.md:8:65  error  question inconnue « inconnue »  formule-reference-inconnue",
      ] },
  ],
};
