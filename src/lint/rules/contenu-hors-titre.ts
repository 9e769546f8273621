/**
 * contenu-hors-titre — un bloc de code ou un texte placé avant le premier titre `#` (ou hors de toute section) : le parseur l'ignore.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const contenuHorsTitre: LintRule = {
  id: 'contenu-hors-titre',
  severity: 'warning',
  fixable: false,
  summary: 'Bloc ou texte avant tout titre, ignoré par le parseur.',
  codes: ['bloc-hors-titre', 'contenu-ignore'],
  // Text before the first title made only of HTML comments (`<!-- lint disable … -->`) is fine.
  accept(d, ctx) {
    if (d.code !== 'contenu-ignore' || !d.position) return true;
    const file = ctx.files.get(d.position.file);
    if (!file) return true;
    const next = file.blocks.find((b) => b.line >= d.position!.line);
    const last = next ? next.line - 1 : file.source.lineCount;
    const text = file.source.slice(d.position.line, last);
    return text.replace(/<!--[^]*?-->/g, '').trim() !== '';
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': '```yaml\nidentifiant: 9\n```\n' + REFERENTIEL_OK } }, expected: [
        "cae.md:1:1  warning  Bloc `yaml` inattendu avant tout titre, attendu après un titre `#` : il est ignoré  contenu-hors-titre",
      ] },
  ],
};
