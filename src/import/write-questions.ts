/**
 * HEAD's `import-personnalisation-{questions,choices,thematiques}.csv` → `questions/<thematique>.md`
 * in the format `parseQuestions` reads. The questions are shared by every référentiel, so this
 * output depends on the CSVs only, never on the référentiel imported: importing cae then eci
 * writes these files twice, identically. `exprVisible` goes in a `## Visibilité` ```formule block,
 * `typesCollectivitesConcernees` in `types_concernes` (docs/import.md).
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { type CsvRow, type CsvTable, cell } from './read-csv.js';
import { splitList } from './structure.js';
import type { ImportFiles } from './write-referentiel.js';
import { formuleBlock, heading, joinBlocks, markdownText, yamlBlock, yamlString, yamlValue } from './markdown-text.js';

const TYPES = ['binaire', 'choix', 'proportion'];

export interface QuestionsTables {
  questions: CsvTable;
  choices: CsvTable | null;
  thematiques: CsvTable | null;
}

/** `actionsByQuestion`: question id → action ids naming it (`personnalisationQuestions` of every référentiel). */
export function writeQuestions(tables: QuestionsTables, actionsByQuestion: ReadonlyMap<string, readonly string[]>, files: ImportFiles, diagnostics: Diagnostic[]): number {
  const thematiques = new Set((tables.thematiques?.rows ?? []).map((r) => cell(r, 'id')).filter((id) => id !== ''));
  const seen = new Map<string, SourcePosition>();
  const rows: CsvRow[] = [];
  for (const row of tables.questions.rows) {
    const id = cell(row, 'id');
    if (id === '') {
      if (cell(row, 'formulation') !== '') diagnostics.push(diagnostic('import-question-id-manquant', 'error', `Question « ${cell(row, 'formulation')} » sans id, attendu par exemple \`dechets_1\``, row.position));
      continue;
    }
    const prior = seen.get(id);
    if (prior) {
      diagnostics.push(diagnostic('import-question-dupliquee', 'error', `Id de question \`${id}\` inattendu une seconde fois, attendu unique (déjà ligne ${prior.line})`, row.position));
      continue;
    }
    if (!TYPES.includes(cell(row, 'type'))) {
      diagnostics.push(diagnostic('import-question-type-inconnu', 'error', `Type de question inattendu \`${cell(row, 'type')}\` pour \`${id}\`, attendu \`binaire\`, \`choix\` ou \`proportion\``, row.position));
      continue;
    }
    const thematique = cell(row, 'thematiqueid');
    if (tables.thematiques && thematique !== '' && !thematiques.has(thematique)) {
      diagnostics.push(diagnostic('import-thematique-inconnue', 'warning', `Thématique \`${thematique}\` de \`${id}\` absente de ${tables.thematiques.file}, attendu l'une de ses \`id\``, row.position));
    }
    seen.set(id, row.position);
    rows.push(row);
  }
  const choices = readChoices(tables.choices, seen, diagnostics);
  const byFile = new Map<string, string[]>();
  for (const row of rows) {
    const id = cell(row, 'id');
    const thematique = cell(row, 'thematiqueid');
    const name = /^[A-Za-z0-9_-]+$/.test(thematique) ? thematique : 'sans_thematique';
    const blocks = byFile.get(name) ?? [];
    byFile.set(name, blocks);
    blocks.push(...renderQuestion(row, actionsByQuestion.get(id) ?? [], choices.get(id) ?? []));
  }
  for (const [name, blocks] of byFile) files.set(`questions/${name}.md`, joinBlocks(blocks));
  return rows.length;
}

function readChoices(table: CsvTable | null, questions: ReadonlyMap<string, SourcePosition>, diagnostics: Diagnostic[]): Map<string, CsvRow[]> {
  const byQuestion = new Map<string, CsvRow[]>();
  for (const row of table?.rows ?? []) {
    const id = cell(row, 'id');
    if (id === '') continue;
    const q = cell(row, 'questionid');
    if (!questions.has(q)) {
      diagnostics.push(diagnostic('import-choix-orphelin', 'error', `Choix \`${id}\` d'une question inconnue \`${q}\`, attendu l'id d'une question`, row.position));
      continue;
    }
    const list = byQuestion.get(q) ?? [];
    byQuestion.set(q, list);
    list.push(row);
  }
  return byQuestion;
}

function renderQuestion(row: CsvRow, actions: readonly string[], choices: readonly CsvRow[]): string[] {
  const ordonnancement = cell(row, 'ordonnancement');
  const types = splitList(cell(row, 'typescollectivitesconcernees'));
  const yaml = yamlBlock([
    ['id', yamlString(cell(row, 'id'))],
    ['type', cell(row, 'type')],
    ['thematique_id', cell(row, 'thematiqueid') === '' ? null : yamlString(cell(row, 'thematiqueid'))],
    ['actions', actions.length === 0 ? null : yamlValue(actions)],
    ['types_concernes', types.length === 0 ? null : yamlValue(types)],
    ['ordonnancement', /^\d+$/.test(ordonnancement) ? ordonnancement : null],
  ]);
  const blocks = [`${heading(1, cell(row, 'formulation'))}\n${yaml}`];
  const description = markdownText(cell(row, 'description'));
  if (description !== '') blocks.push(`${heading(2, 'Description')}\n${description}`);
  const visible = cell(row, 'exprvisible');
  if (visible !== '') blocks.push(`${heading(2, 'Visibilité')}\n${formuleBlock(visible)}`);
  if (choices.length > 0) {
    blocks.push(heading(2, 'Choix'));
    for (const c of choices) {
      const o = cell(c, 'ordonnancement');
      blocks.push(`${heading(3, cell(c, 'formulation'))}\n${yamlBlock([['id', yamlString(cell(c, 'id'))], ['ordonnancement', /^\d+$/.test(o) ? o : null]])}`);
    }
  }
  return blocks;
}
