/**
 * espaces-fin-de-ligne — des espaces ou tabulations en fin de ligne (1017 lignes dans CAE).
 *
 * Correction sûre, seulement là où elle ne change rien au sens : titres, lignes blanches, dernière
 * ligne d'un paragraphe, une seule espace, blocs ```yaml (sans scalaire de bloc `|` / `>`) et
 * ```formule. Ailleurs, deux espaces ou plus en fin de ligne suivies d'une ligne de texte sont un
 * saut de ligne Markdown (`<br>`) : c'est signalé, mais jamais corrigé, car le rendu changerait.
 */
import type { MdBlock } from '../../markdown/blocks.js';
import type { ContextFile } from '../context.js';
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

type LineKind = 'heading' | 'safe-code' | 'code' | 'text';

function lineKinds(file: ContextFile): LineKind[] {
  const kinds: LineKind[] = new Array(file.source.lineCount + 1).fill('text');
  for (const b of file.blocks as MdBlock[]) {
    if (b.kind === 'heading') kinds[b.line] = 'heading';
    else {
      const yamlLike = b.kind === 'frontmatter' || b.lang === 'yaml';
      const safe = (yamlLike && !/:[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$/m.test(b.value)) || (b.kind === 'code' && b.lang === 'formule');
      for (let l = b.line; l <= b.endLine; l++) kinds[l] = safe ? 'safe-code' : 'code';
    }
  }
  return kinds;
}

export const espacesFinDeLigne: LintRule = {
  id: 'espaces-fin-de-ligne',
  severity: 'warning',
  fixable: true,
  summary: 'Espaces en fin de ligne ; corrigés sauf s\'ils forment un saut de ligne Markdown ou sont dans un bloc de code.',
  check(ctx, report) {
    for (const file of ctx.files.values()) {
      if (!/[ \t]\r?\n|[ \t]$/.test(file.content)) continue;
      const kinds = lineKinds(file);
      const n = file.source.lineCount;
      const starts = file.source.lineStarts;
      const re = /[ \t]+(?=\r?\n|$)/g;
      let line = 1;
      for (let hit = re.exec(file.content); hit; hit = re.exec(file.content)) {
        while (line < n && starts[line]! <= hit.index) line++;
        const text = file.source.line(line);
        const m = { index: hit.index - starts[line - 1]!, 0: hit[0] };
        if (m.index + m[0].length !== text.length) continue; // spaces before a lone \r
        const column = m.index + 1;
        const where = { file: file.name, line, column };
        const end = { line, column: text.length + 1 };
        const start = hit.index;
        const fix = { start, end: start + m[0].length, text: '' };
        const kind = kinds[line]!;
        if (kind === 'code') {
          report('Espaces inattendus en fin de ligne dans un bloc de code, attendu aucun (non corrigé : le bloc pourrait en dépendre)', where, { end });
          continue;
        }
        if (kind === 'text' && m.index > 0 && /  $/.test(text) && line < n) {
          const next = file.source.line(line + 1);
          if (next.trim() !== '' && kinds[line + 1] === 'text') {
            report('Espaces inattendus en fin de ligne : ils forcent un saut de ligne Markdown, attendu une ligne sans espaces finaux (non corrigé : le rendu changerait)', where, { end });
            continue;
          }
        }
        report('Espaces inattendus en fin de ligne, attendu aucun', where, { end, fix });
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\nUn texte.\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('### Axe \n```yaml\nidentifiant: 1 \npoints: 10\n```\nUne ligne  \nforcée.\nFin du paragraphe.  \n') } }, expected: [
        "cae.md:7:8  warning  Espaces inattendus en fin de ligne, attendu aucun  espaces-fin-de-ligne",
        "cae.md:9:15  warning  Espaces inattendus en fin de ligne, attendu aucun  espaces-fin-de-ligne",
        "cae.md:12:10  warning  Espaces inattendus en fin de ligne : ils forcent un saut de ligne Markdown, attendu une ligne sans espaces finaux (non corrigé : le rendu changerait)  espaces-fin-de-ligne",
        "cae.md:14:19  warning  Espaces inattendus en fin de ligne, attendu aucun  espaces-fin-de-ligne",
      ] },
  ],
};
