/**
 * question-dupliquee — deux questions avec le même `id`, ou deux choix avec le même `id` dans une question.
 */
import type { LintRule } from '../types.js';
import { QUESTIONS_OK } from './example-support.js';

export const questionDupliquee: LintRule = {
  id: 'question-dupliquee',
  severity: 'error',
  fixable: false,
  summary: 'Id de question, ou id de choix dans une question, donné deux fois.',
  codes: ['question-dupliquee', 'choix-duplique'],
  examples: [
    { title: 'ok', files: { questions: { 'q.md': QUESTIONS_OK } }, expected: [] },
    { title: 'not-ok', files: { questions: { 'q.md': QUESTIONS_OK, 'q2.md': '# Encore ?\n```yaml\nid: dechets_1\ntype: binaire\n```\n' } }, expected: [
        "q2.md:3:5  error  Id de question `dechets_1` inattendu une seconde fois, attendu unique (déjà en q.md:1:1)  question-dupliquee",
      ] },
  ],
};
