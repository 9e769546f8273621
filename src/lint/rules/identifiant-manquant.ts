/**
 * identifiant-manquant — un titre d'action sans `identifiant`, une question, un choix ou une preuve
 * sans `id`, une entrée de personnalisation sans `action_id`. L'élément est ignoré par le parseur.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, racine } from './example-support.js';

export const identifiantManquant: LintRule = {
  id: 'identifiant-manquant',
  severity: 'error',
  fixable: false,
  summary: 'Titre sans identifiant (`identifiant`, `id` ou `action_id` selon le fichier).',
  codes: ['identifiant-manquant', 'question-id-manquant', 'choix-id-manquant', 'preuve-id-manquant', 'regle-action-manquante'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') }, questions: { 'q.md': QUESTIONS_OK } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\npoints: 10\n```\n### Sans bloc\n') }, questions: { 'q.md': '# Question ?\n```yaml\ntype: binaire\n```\n' } }, expected: [] },
  ],
};
