/**
 * cle-yaml-inconnue — une clé YAML que le format ne définit pas (`pointsDOM` dans CAE 3.2.1), ou
 * `referentiel` ou `hierarchie` ailleurs qu'à la racine. Elle est ignorée par le calcul (gardée dans `extra`).
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const cleYamlInconnue: LintRule = {
  id: 'cle-yaml-inconnue',
  severity: 'warning',
  fixable: false,
  summary: 'Clé YAML inconnue du format (ignorée par le calcul).',
  codes: ['cle-yaml-inconnue', 'cle-yaml-inattendue'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\npointsDOM: 8\n```\n') } }, expected: [
        "cae.md:11:1  warning  Clé YAML `pointsDOM` inattendue, attendu `identifiant`, `points`, `pourcentage`, `categorie`, `climat_pratic_id`, `referentiel`, `hierarchie`, `redistribution`, `personnalisation` : gardée dans `extra`  cle-yaml-inconnue",
      ] },
  ],
};
