/**
 * titre-manquant — un titre vide (`#` seul) : une action sans `nom`, une question sans formulation,
 * une section sans nom.
 */
import type { LintRule } from '../types.js';
import { racine } from './example-support.js';

export const titreManquant: LintRule = {
  id: 'titre-manquant',
  severity: 'error',
  fixable: false,
  summary: 'Titre vide : action sans nom, question sans formulation, section sans nom.',
  replaces: ['nom-manquant'],
  check(ctx, report) {
    for (const file of ctx.files.values()) {
      for (const b of file.blocks) {
        if (b.kind !== 'heading' || b.text !== '') continue;
        report(`Titre vide inattendu, attendu un texte après \`${'#'.repeat(b.depth)}\``, { file: file.name, line: b.line, column: b.column }, { end: { line: b.line, column: b.column + b.depth } });
      }
    }
  },
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': racine('### Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': racine('###\n```yaml\nidentifiant: 1\npoints: 10\n```\n') } }, expected: [
        "cae.md:7:1  error  Titre vide inattendu, attendu un texte après `###`  titre-manquant",
      ] },
  ],
};
