/**
 * identifiant-invalide — un `identifiant` qui n'est pas une suite de nombres séparés par des points
 * (`6.1.1`), ni `""` pour la racine.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const identifiantInvalide: LintRule = {
  id: 'identifiant-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Identifiant qui n\'est pas de la forme `6.1.1` (ou `""` pour la racine).',
  codes: ['identifiant-invalide'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1.a\npoints: 10\n```\n') } }, expected: [
        "cae.md:9:14  error  Identifiant inattendu `1.a`, attendu des nombres séparés par des points (`6.1.1`) ou `\"\"` pour la racine  identifiant-invalide",
      ] },
  ],
};
