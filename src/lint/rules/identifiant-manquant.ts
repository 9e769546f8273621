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
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\npoints: 10\n```\n### Sans bloc\n') }, questions: { 'q.md': '# Question ?\n```yaml\ntype: binaire\n```\n' } }, expected: [
        "cae.md:8:1  error  Titre « Axe » sans `identifiant`, attendu par exemple `identifiant: 6.1.1`  identifiant-manquant",
        "cae.md:11:1  error  Titre « Sans bloc » sans bloc `yaml`, attendu un bloc avec `identifiant`  identifiant-manquant",
        "q.md:1:1  error  Question « Question ? » sans `id`, attendu par exemple `id: dechets_1`  identifiant-manquant",
      ] },
  ],
};
