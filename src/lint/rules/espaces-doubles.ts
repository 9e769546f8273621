/**
 * espaces-doubles — des espaces doubles dans un titre (« Planifier la rénovation  des bâtiments »).
 * Non corrigé automatiquement : le titre est une donnée (le `nom` de l'action, la formulation d'une
 * question) que TeT garde telle quelle ; le changer change le référentiel exporté. Les espaces
 * doubles dans la prose ne sont pas signalés : le rendu Markdown les fusionne.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const espacesDoubles: LintRule = {
  id: 'espaces-doubles',
  severity: 'warning',
  fixable: false,
  summary: 'Espaces doubles dans un titre (signalés, jamais corrigés : le titre est une donnée).',
  check(ctx, report) {
    for (const file of ctx.files.values()) {
      for (const b of file.blocks) {
        if (b.kind !== 'heading') continue;
        const re = /(?<=\S)[ \t]{2,}(?=\S)/g;
        for (let m = re.exec(b.text); m; m = re.exec(b.text)) {
          const column = b.textColumn + m.index;
          report(`Espaces doubles inattendus dans le titre « ${b.text} », attendu une seule espace (non corrigé : le titre est une donnée)`, { file: file.name, line: b.line, column }, { end: { line: b.line, column: column + m[0].length } });
        }
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Planifier la rénovation\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Planifier la rénovation  des bâtiments\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [
        "cae.md:7:28  warning  Espaces doubles inattendus dans le titre « Planifier la rénovation  des bâtiments », attendu une seule espace (non corrigé : le titre est une donnée)  espaces-doubles",
      ] },
  ],
};
