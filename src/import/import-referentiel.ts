/**
 * `importReferentiel`: HEAD's CSVs (already read) → the Markdown files of the TeT corpus layout,
 * as relative path → content. Pure and deterministic: the same CSVs give the same bytes.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type CsvTable, cell, readCsv, readCsvHeader } from './read-csv.js';
import type { CsvSource, ImportSources } from './sources.js';
import { buildImportTree, splitList } from './structure.js';
import { writePreuves } from './write-preuves.js';
import { writeQuestions } from './write-questions.js';
import { writeRegles } from './write-regles.js';
import { type ImportFiles, writeReferentiel } from './write-referentiel.js';

export interface ImportSummary {
  /** Actions with the root. */
  actions: number;
  regles: number;
  questions: number;
  preuves: number;
}

export interface ImportResult {
  /** Sorted by path. */
  files: ImportFiles;
  diagnostics: Diagnostic[];
  summary: ImportSummary;
}

/**
 * TeT HEAD's CSV files of one référentiel (read by `readImportSources`) → the Markdown files of
 * the référentiel, its rules, questions and proofs, as a map path → text, with positioned
 * diagnostics; nothing is written.
 *
 * @example
 * const { sources } = await readImportSources('tet-head', 'cae');
 * const { files, diagnostics } = importReferentiel(sources!);
 */
export function importReferentiel(sources: ImportSources): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const files: ImportFiles = new Map();
  const table = (s: CsvSource | null): CsvTable | null => (s ? readCsv(s.text, s.file, diagnostics) : null);
  const structure = table(sources.structure)!;
  const tree = buildImportTree(structure, sources.referentiel, diagnostics);
  writeReferentiel(tree, files);
  const regles = writeRegles(tree, files);
  const preuvesTables = sources.preuves.map((p) => ({ referentiel: p.referentiel, table: p.referentiel === sources.referentiel ? table(p.source)! : readCsv(p.source.text, p.source.file, []) }));
  const preuves = writePreuves(preuvesTables, sources.referentiel, files, diagnostics);
  let questions = 0;
  const questionsTable = table(sources.questions);
  if (questionsTable) {
    const actions = actionsByQuestion(sources, structure);
    questions = writeQuestions({ questions: questionsTable, choices: table(sources.choices), thematiques: table(sources.thematiques) }, actions, files, diagnostics);
  }
  const sorted: ImportFiles = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, diagnostics, summary: { actions: tree.nodes.length + 1, regles, questions, preuves } };
}

/**
 * Every référentiel's `personnalisationQuestions`, so that the shared question files do not depend
 * on which référentiel is imported. Problems in the other CSVs are reported when they are imported.
 */
function actionsByQuestion(sources: ImportSources, own: CsvTable): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { referentiel, source } of sources.structures) {
    // csv-parse takes a few hundred ms on a large CSV: skip those without the column (TE).
    if (referentiel !== sources.referentiel && !readCsvHeader(source.text).includes('personnalisationquestions')) continue;
    const rows = referentiel === sources.referentiel ? own.rows : readCsv(source.text, source.file, []).rows;
    for (const row of rows) {
      const identifiant = cell(row, 'identifiant');
      for (const q of splitList(cell(row, 'personnalisationquestions'))) {
        const list = map.get(q) ?? [];
        map.set(q, list);
        list.push(`${referentiel}_${identifiant}`);
      }
    }
  }
  return map;
}
