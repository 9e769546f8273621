/**
 * formule-arite — un appel avec un mauvais nombre d'arguments : `identite(champ, valeur)`, `reponse(question)` ou `reponse(question, valeur)`, `min`/`max` à deux arguments ou plus, `score(action)`.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const formuleArite: LintRule = {
  id: 'formule-arite',
  severity: 'error',
  fixable: false,
  summary: 'Appel de fonction de formule avec un mauvais nombre d\x27arguments.',
  codes: ['formule-arite'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('identite(type, commune)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('identite(type)') } }, expected: [
        "r.md:8:1  error  « identite » attend 2 arguments, reçu 1  formule-arite",
      ] },
  ],
};
