/**
 * identifiant-hors-hierarchie — un identifiant qui n'est pas dans la hiérarchie de son parent : rangé
 * sous le titre d'une autre action (`1.2.1` sous `1.1`), sans parent (`7.1` sans axe `7`), avec un
 * niveau manquant, ou plus profond que la hiérarchie du référentiel.
 */
import type { LintRule } from '../types.js';
import { axe, enfant, racine } from './example-support.js';

export const identifiantHorsHierarchie: LintRule = {
  id: 'identifiant-hors-hierarchie',
  severity: 'error',
  fixable: false,
  summary: 'Identifiant hors de la hiérarchie de son parent (titre mal rangé, parent ou niveau manquant, trop profond).',
  codes: ['imbrication-incoherente', 'action-orpheline', 'niveau-manquant', 'niveau-trop-profond'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('Sous-axe', 'identifiant: 1.1'))) } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine(axe('Axe', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('Sous-axe', 'identifiant: 1.1') + enfant('Mal rangée', 'identifiant: 1.1.1') + enfant('Orpheline', 'identifiant: 2.1'))) } }, expected: [
        "cae.md:17:1  error  Titre de `1.1.1` rangé sous `1` inattendu, attendu sous `1.1` (l'identifiant décide)  identifiant-hors-hierarchie",
        "cae.md:23:14  error  Action `2.1` orpheline : parent `2` absent, attendu un titre avec `identifiant: 2`  identifiant-hors-hierarchie",
      ] },
  ],
};
