/**
 * controle-lint — un commentaire `<!-- lint disable … -->` (ou `enable`, `disable-next-line`) qui
 * nomme une règle inconnue : il ne fait rien, sans doute une faute de frappe.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const controleLint: LintRule = {
  id: 'controle-lint',
  severity: 'warning',
  fixable: false,
  summary: 'Commentaire `lint disable/enable` qui nomme une règle inconnue.',
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK + '<!-- lint disable espaces-doubles -->\n' } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK + '<!-- lint disable espace-double -->\n' } }, expected: [
        "cae.md:23:19  warning  Règle inconnue `espace-double` dans un commentaire `lint disable`, attendu l'id d'une règle (voir docs/lint.md)  controle-lint",
      ] },
  ],
};
