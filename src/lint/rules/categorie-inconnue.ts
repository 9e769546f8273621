/**
 * categorie-inconnue — une `categorie` de sous-action hors de `bases`, `mise en œuvre` et `effets`.
 */
import type { LintRule } from '../types.js';
import { axe, enfant, racine } from './example-support.js';

export const categorieInconnue: LintRule = {
  id: 'categorie-inconnue',
  severity: 'error',
  fixable: false,
  summary: 'Catégorie hors de « bases », « mise en œuvre », « effets ».',
  codes: ['categorie-inconnue'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('A', 'identifiant: 1.1\ncategorie: mise en œuvre'))) } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('A', 'identifiant: 1.1\ncategorie: mise en oeuvre partielle'))) } }, expected: [
        "cae.md:16:12  error  Catégorie inattendue `mise en oeuvre partielle`, attendu `bases`, `mise en œuvre` ou `effets`  categorie-inconnue",
      ] },
  ],
};
