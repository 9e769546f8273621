/**
 * identifiant-invalide — un `identifiant` qui n'est pas une suite de nombres séparés par des points
 * (`6.1.1`), éventuellement suivis de parties en minuscules (`1.1.6.3.a`) ou d'un suffixe `alter`
 * (`1.1.1alter.1`, TE), ni `""` pour la racine.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const identifiantInvalide: LintRule = {
  id: 'identifiant-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Identifiant qui n\'est pas de la forme `6.1.1`, `1.1.6.3.a` ou `1.1.1alter.1` (ou `""` pour la racine).',
  codes: ['identifiant-invalide'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1.A\npoints: 10\n```\n') } }, expected: [
        "cae.md:9:14  error  Identifiant inattendu `1.A`, attendu des nombres séparés par des points (`6.1.1`), suivis éventuellement de parties en minuscules (`1.1.6.3.a`) ou d'un suffixe `alter` (`1.1.1alter.1`), ou `\"\"` pour la racine  identifiant-invalide",
      ] },
  ],
};
