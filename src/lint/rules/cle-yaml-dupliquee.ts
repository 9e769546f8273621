/**
 * cle-yaml-dupliquee — une clé donnée deux fois pour un même titre (dans un bloc, ou entre le
 * frontmatter et un bloc ```yaml) : la première valeur est gardée.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const cleYamlDupliquee: LintRule = {
  id: 'cle-yaml-dupliquee',
  severity: 'warning',
  fixable: false,
  summary: 'Clé YAML donnée deux fois pour un même titre, ou frontmatter doublé d\'un bloc yaml.',
  codes: ['cle-yaml-dupliquee', 'metadonnees-doublees'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n```yaml\npoints: 12\n```\n') } }, expected: [
        "cae.md:13:1  warning  Clé `points` inattendue une seconde fois, attendue une seule fois par titre (première valeur gardée)  cle-yaml-dupliquee",
      ] },
  ],
};
