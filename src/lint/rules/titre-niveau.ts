/**
 * titre-niveau — un titre dont le niveau (`#`…`######`) ne correspond pas à sa profondeur : ni une
 * section de l'élément courant, ni un élément de la liste ouverte par `Actions`. Le parseur le garde
 * comme texte (c'est le cas de `##### Description` sous la sous-action 2.2.4.3 de CAE).
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const titreNiveau: LintRule = {
  id: 'titre-niveau',
  severity: 'warning',
  fixable: false,
  summary: 'Niveau de titre incohérent avec la profondeur : le titre est lu comme du texte.',
  codes: ['niveau-titre-incoherent'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n#### Description\nTexte.\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n##### Description\nTexte.\n') } }, expected: [
        "cae.md:12:1  warning  Titre de niveau 5 inattendu sous « Axe », attendu un niveau 4 : « Description » est gardé comme texte  titre-niveau",
      ] },
  ],
};
