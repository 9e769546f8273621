/**
 * formule-syntaxe — une formule de personnalisation que la grammaire ne reconnaît pas (scoring.md §6.2) : jeton inattendu, `alors` ou `)` manquant, fonction inconnue, formule trop longue ou trop imbriquée.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

export const formuleSyntaxe: LintRule = {
  id: 'formule-syntaxe',
  severity: 'error',
  fixable: false,
  summary: 'Formule de personnalisation illisible (syntaxe, fonction inconnue, trop longue).',
  codes: ['formule-syntaxe', 'formule-fonction-inconnue', 'formule-limite'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('si reponse(dechets_1, NON) 0.5') } }, expected: [
        "r.md:8:28  error  « alors » attendu après la condition, trouvé « 0.5 »  formule-syntaxe",
      ] },
  ],
};
