/**
 * yaml-invalide — un bloc ```yaml (ou un frontmatter) que YAML ne sait pas lire, ou qui n'est pas
 * une suite de paires `clé: valeur`. Le titre concerné est alors ignoré par le parseur.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const yamlInvalide: LintRule = {
  id: 'yaml-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Bloc YAML illisible ou qui ne contient pas des paires « clé: valeur ».',
  codes: ['yaml-invalide', 'yaml-non-objet'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: [10\n```\n') } }, expected: [
        "cae.md:10:12  error  YAML invalide : Flow sequence in block collection must be sufficiently indented and end with a ]  yaml-invalide",
      ] },
  ],
};
