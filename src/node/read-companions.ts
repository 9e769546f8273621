/**
 * The folder readers of the companion files (questions, personalisation rules, proofs, evidence
 * rules): read `*.md` from disk (strict UTF-8, symbolic links followed), then hand them to the
 * pure `parse…Files` parsers. Kept under node/ so the browser-safe entry never imports `node:fs`.
 */
import { readMarkdownFiles } from '../markdown/read-files.js';
import { type ParseQuestionsResult, parseQuestionsFiles } from '../personnalisation/parse-questions.js';
import { type ParseReglesResult, parseReglesFiles } from '../personnalisation/parse-regles.js';
import { type ParsePreuvesResult, parsePreuvesFiles } from '../preuves/parse-preuves.js';
import { type ReglesPreuveParse, parseReglesPreuveFiles } from '../preuves/parse-regles-preuve.js';

/**
 * Question files (a folder or a list of files) → questions and positioned diagnostics.
 *
 * @example
 * const { questions, diagnostics } = await parseQuestions('tet/questions');
 */
export async function parseQuestions(dirOrFiles: string | readonly string[]): Promise<ParseQuestionsResult> {
  const { files, diagnostics } = await readMarkdownFiles(dirOrFiles);
  const r = parseQuestionsFiles(files);
  return { questions: r.questions, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/**
 * Personalisation-rule files (a folder or a list of files) → rule entries and diagnostics.
 *
 * @example
 * const { regles, diagnostics } = await parseRegles('tet/personnalisations');
 */
export async function parseRegles(dirOrFiles: string | readonly string[]): Promise<ParseReglesResult> {
  const { files, diagnostics } = await readMarkdownFiles(dirOrFiles);
  const r = parseReglesFiles(files);
  return { entries: r.entries, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/**
 * Proof files (a folder or a list of files) → proofs and diagnostics.
 *
 * @example
 * const { preuves, diagnostics } = await parsePreuves('tet/preuves');
 */
export async function parsePreuves(dirOrFiles: string | readonly string[]): Promise<ParsePreuvesResult> {
  const { files, diagnostics } = await readMarkdownFiles(dirOrFiles);
  const r = parsePreuvesFiles(files);
  return { preuves: r.preuves, diagnostics: [...diagnostics, ...r.diagnostics] };
}

/**
 * Evidence-rule files of a folder → rules and diagnostics.
 *
 * @example
 * const { regles, diagnostics } = await parseReglesPreuve('referentiel/regles-preuve');
 */
export async function parseReglesPreuve(dir: string): Promise<ReglesPreuveParse> {
  const read = await readMarkdownFiles(dir);
  const r = parseReglesPreuveFiles(read.files.map((f) => ({ path: f.displayPath ?? f.path, content: f.content })));
  return { regles: r.regles, diagnostics: [...read.diagnostics, ...r.diagnostics] };
}
