/**
 * regle-vide — une entrée de personnalisation (`action_id`) qui ne contient aucune règle sous `## Règles` : elle n'a aucun effet (cas de `cae_3.2.1.1` dans TeT).
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, md, regle } from './example-support.js';

export const regleVide: LintRule = {
  id: 'regle-vide',
  severity: 'warning',
  fixable: false,
  summary: 'Entrée de personnalisation sans aucune règle.',
  codes: ['regles-absentes'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, questions: { 'q.md': QUESTIONS_OK }, personnalisations: { 'r.md': regle('reponse(dechets_1, NON)') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK }, personnalisations: { 'r.md': md`
      # Désactivation cae 1.1
      ${'```'}yaml
      action_id: cae_1.1
      ${'```'}
      ## Règles
    ` } }, expected: [
        "r.md:1:1  warning  Entrée `cae_1.1` sans règle, attendu `## Règles` suivi de `### Désactivation`… : elle est ignorée  regle-vide",
      ] },
  ],
};
