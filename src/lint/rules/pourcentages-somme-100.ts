/**
 * pourcentages-somme-100 — les `pourcentage` des enfants d'une action doivent faire exactement 100
 * (un enfant sans pourcentage compte 0 ; seuls les enfants tous à 0 % ou sans pourcentage se
 * partagent les points à parts égales, scoring.md §2.1).
 */
import type { LintRule } from '../types.js';
import { axe, enfant, racine, REFERENTIEL_OK } from './example-support.js';

export const pourcentagesSomme100: LintRule = {
  id: 'pourcentages-somme-100',
  severity: 'error',
  fixable: false,
  summary: 'Pourcentages des enfants d\'une action dont la somme n\'est pas 100.',
  codes: ['pourcentages-somme-100'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [] },
    {
      title: 'not-ok',
      files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('A', 'identifiant: 1.1\npourcentage: 60') + enfant('B', 'identifiant: 1.2\npourcentage: 35'))) } },
      expected: [
        "cae.md:16:14  error  Somme des pourcentages inattendue `95`, attendu `100` pour les enfants de `1` (1.1 : 60, 1.2 : 35)  pourcentages-somme-100",
      ],
    },
  ],
};
