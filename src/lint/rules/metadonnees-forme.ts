/**
 * metadonnees-forme — indique (info) si un fichier de référentiel porte les métadonnées de son premier
 * titre en frontmatter YAML (`---` en tête de fichier) ou dans le premier bloc ```yaml (scoring.md
 * Part A.7). Les deux formes sont lues de la même façon.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const metadonneesForme: LintRule = {
  id: 'metadonnees-forme',
  severity: 'info',
  fixable: false,
  summary: 'Forme des métadonnées du premier titre : frontmatter ou premier bloc yaml (information).',
  check(ctx, report) {
    for (const file of ctx.ofKind('referentiel')) {
      const first = file.blocks[0];
      if (first?.kind === 'frontmatter') {
        report('Métadonnées du premier titre en frontmatter (`---`)', { file: file.name, line: first.line, column: first.column }, { end: { line: first.endLine, column: 4 } });
        continue;
      }
      const h = file.blocks.findIndex((b) => b.kind === 'heading');
      const y = file.blocks.find((b, i) => i > h && h !== -1 && b.kind === 'code' && b.lang === 'yaml');
      if (y) report('Métadonnées du premier titre dans le premier bloc ```yaml', { file: file.name, line: y.line, column: y.column }, { end: { line: y.line, column: y.column + 7 } });
    }
  },
  examples: [
    { title: 'bloc yaml', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [
        "cae.md:2:1  info  Métadonnées du premier titre dans le premier bloc ```yaml  metadonnees-forme",
      ] },
    { title: 'frontmatter', files: { referentiel: { 'cae.md': '---\nidentifiant: ""\nreferentiel: cae\n---\n# Climat Air Énergie\n' } }, expected: [
        "cae.md:1:1  info  Métadonnées du premier titre en frontmatter (`---`)  metadonnees-forme",
      ] },
  ],
};
