/**
 * `referentiel-<ref>-preuves.csv` (`id`, `nom`, `actions`, `description`) → `preuves/<ref>_<axe>.md`
 * (the axe of the proof's first action), in the format `parsePreuves` reads.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { type CsvTable, cell } from './read-csv.js';
import { splitList } from './structure.js';
import type { ImportFiles } from './write-referentiel.js';
import { heading, joinBlocks, markdownText, yamlBlock, yamlString, yamlValue } from './markdown-text.js';

export function writePreuves(table: CsvTable, referentiel: string, files: ImportFiles, diagnostics: Diagnostic[]): number {
  const byFile = new Map<string, string[]>();
  const seen = new Map<string, SourcePosition>();
  for (const row of table.rows) {
    const id = cell(row, 'id');
    const nom = cell(row, 'nom');
    if (id === '') {
      if (nom !== '') diagnostics.push(diagnostic('import-preuve-id-manquant', 'error', `Preuve « ${nom} » sans id, attendu par exemple \`rapport_diag_pcaet\``, row.position));
      continue;
    }
    const prior = seen.get(id);
    if (prior) {
      diagnostics.push(diagnostic('import-preuve-dupliquee', 'error', `Id de preuve \`${id}\` inattendu une seconde fois, attendu unique (déjà ligne ${prior.line})`, row.position));
      continue;
    }
    seen.set(id, row.position);
    const actions = splitList(cell(row, 'actions'));
    const axe = /^[a-z]+_([0-9A-Za-z]+)/i.exec(actions[0] ?? '')?.[1];
    const name = axe === undefined ? referentiel : `${referentiel}_${axe}`;
    const blocks = byFile.get(name) ?? [];
    byFile.set(name, blocks);
    blocks.push(`${heading(1, nom)}\n${yamlBlock([['id', yamlString(id)], ['actions', yamlValue(actions)]])}`);
    const description = markdownText(cell(row, 'description'));
    if (description !== '') blocks.push(`${heading(2, 'Description')}\n${description}`);
  }
  for (const [name, blocks] of byFile) files.set(`preuves/${name}.md`, joinBlocks(blocks));
  return seen.size;
}
