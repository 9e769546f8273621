/**
 * valeur-invalide — une valeur YAML de la mauvaise forme : `points` ou `pourcentage` qui n'est pas un
 * nombre positif, `actions` ou `types_concernes` qui n'est pas une liste, type de question inconnu,
 * id de preuve de plus de 50 caractères.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const valeurInvalide: LintRule = {
  id: 'valeur-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Valeur YAML de la mauvaise forme (nombre, liste, type de question, longueur d\'id).',
  codes: ['points-invalides', 'pourcentage-invalide', 'question-actions-invalides', 'question-types-invalides', 'preuve-actions-invalides', 'preuve-id-trop-long', 'question-type-inconnu'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: dix\n```\n') } }, expected: [
        "cae.md:10:9  error  Valeur de `points` inattendue `dix`, attendu un nombre positif ou nul  valeur-invalide",
      ] },
  ],
};
