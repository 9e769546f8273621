/**
 * question-choix-vide — une question de type `choix` sans `## Choix` ni `### <libellé>` avec un `id`.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK } from './example-support.js';

export const questionChoixVide: LintRule = {
  id: 'question-choix-vide',
  severity: 'error',
  fixable: false,
  summary: 'Question de type choix sans aucun choix.',
  codes: ['question-choix-vide'],
  examples: [
    { title: 'ok', files: { questions: { 'q.md': QUESTIONS_OK } }, expected: [] },
    { title: 'not-ok', files: { questions: { 'q.md': '# Quelle compétence ?\n```yaml\nid: voirie_1\ntype: choix\n```\n' } }, expected: [
        "q.md:1:1  error  Question `voirie_1` de type `choix` sans choix, attendu une section `## Choix` avec des `### <libellé>`  question-choix-vide",
      ] },
  ],
};
