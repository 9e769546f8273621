/**
 * identifiant-duplique — deux actions avec le même `identifiant` (ou deux racines), deux preuves avec
 * le même `id`, deux entrées de personnalisation pour la même action. La seconde est ignorée.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const identifiantDuplique: LintRule = {
  id: 'identifiant-duplique',
  severity: 'error',
  fixable: false,
  summary: 'Identifiant d\'action, de preuve ou d\'entrée de personnalisation donné deux fois.',
  codes: ['identifiant-duplique', 'racine-multiple', 'preuve-dupliquee', 'regle-dupliquee'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe 1\n```yaml\nidentifiant: 1\npoints: 10\n```\n### Axe 2\n```yaml\nidentifiant: 2\npoints: 5\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe 1\n```yaml\nidentifiant: 1\npoints: 10\n```\n### Axe 2\n```yaml\nidentifiant: 1\npoints: 5\n```\n') } }, expected: [
        "cae.md:14:14  error  Identifiant `1` inattendu une seconde fois, attendu unique (déjà en cae.md:7:1)  identifiant-duplique",
      ] },
  ],
};
