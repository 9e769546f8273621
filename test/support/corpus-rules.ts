/**
 * The TeT corpus rules and questions as the formula tests need them, read with the project's own
 * parsers (src/regles, src/questions): one reading of the files for every test and benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KindRegle, QuestionCatalogue } from '../../src/formule/check.js';
import { questionCatalogue } from '../../src/personnalisation/compile-personnalisation.js';
import { parseQuestionsFiles } from '../../src/personnalisation/parse-questions.js';
import { parseReglesFiles } from '../../src/personnalisation/parse-regles.js';
import { tet } from './corpus.js';

export interface RegleCorpus {
  file: string;
  actionId: string;
  kind: KindRegle;
  texte: string;
  /** Line and column of the formula's first character in its file. */
  line: number;
  column: number;
}

function readDir(dir: string): { path: string; content: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: f, content: readFileSync(join(dir, f), 'utf8') }));
}

/** Every formula of ../shared/tet/personnalisations, in file order. */
export function readCorpusRegles(): RegleCorpus[] {
  const { entries } = parseReglesFiles(readDir(tet('personnalisations')));
  return entries.flatMap((e) =>
    e.regles.map((r) => ({
      file: r.formulePosition.file,
      actionId: e.actionId,
      kind: r.type,
      texte: r.formule,
      line: r.formulePosition.line,
      column: r.formulePosition.column,
    })),
  );
}

/** The question catalogue of ../shared/tet/questions, as the static checks read it. */
export function readCorpusQuestions(): Map<string, QuestionCatalogue> {
  return questionCatalogue(parseQuestionsFiles(readDir(tet('questions'))).questions);
}
