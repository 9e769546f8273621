/**
 * `referentiel-<ref>-preuves.csv` (`id`, `nom`, `actions`, `description`) → `preuves/<ref>_<axe>.md`
 * (the axe of the proof's first action), in the format `parsePreuves` reads. A proof id found in
 * several référentiels' CSVs (`rapport_sppgd` in cae and eci) is one proof, as in the TeT corpus:
 * it goes, with the actions of all, in `preuves/communes_<refs>.md`, which every import of one of
 * those référentiels writes identically, so that imports into one folder never clash.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type CsvRow, type CsvTable, cell } from './read-csv.js';
import { splitList } from './structure.js';
import type { ImportFiles } from './write-referentiel.js';
import { heading, joinBlocks, markdownText, yamlBlock, yamlString, yamlValue } from './markdown-text.js';

export interface PreuvesTable {
  referentiel: string;
  table: CsvTable;
}

/** `tables` in référentiel order, the imported one among them; returns the number of its proofs. */
export function writePreuves(tables: readonly PreuvesTable[], referentiel: string, files: ImportFiles, diagnostics: Diagnostic[]): number {
  const byId = new Map<string, { referentiel: string; row: CsvRow }[]>();
  for (const t of tables) {
    const own = t.referentiel === referentiel;
    const seen = new Set<string>();
    for (const row of t.table.rows) {
      const id = cell(row, 'id');
      if (id === '') {
        if (own && cell(row, 'nom') !== '') diagnostics.push(diagnostic('import-preuve-id-manquant', 'error', `Preuve « ${cell(row, 'nom')} » sans id, attendu par exemple \`rapport_diag_pcaet\``, row.position));
        continue;
      }
      if (seen.has(id)) {
        if (own) diagnostics.push(diagnostic('import-preuve-dupliquee', 'error', `Id de preuve \`${id}\` inattendu une seconde fois, attendu unique dans ${t.table.file}`, row.position));
        continue;
      }
      seen.add(id);
      const list = byId.get(id) ?? [];
      byId.set(id, list);
      list.push({ referentiel: t.referentiel, row });
    }
  }
  const byFile = new Map<string, string[]>();
  let count = 0;
  for (const [id, entries] of byId) {
    if (!entries.some((e) => e.referentiel === referentiel)) continue;
    count++;
    const actions = entries.flatMap((e) => splitList(cell(e.row, 'actions')));
    const axe = /^[a-z]+_([0-9A-Za-z]+)/i.exec(actions[0] ?? '')?.[1];
    const name = entries.length > 1 ? `communes_${entries.map((e) => e.referentiel).join('_')}` : axe === undefined ? referentiel : `${referentiel}_${axe}`;
    const blocks = byFile.get(name) ?? [];
    byFile.set(name, blocks);
    // Name and description of the first référentiel that has the proof.
    const first = entries[0]!.row;
    blocks.push(`${heading(1, cell(first, 'nom'))}\n${yamlBlock([['id', yamlString(id)], ['actions', yamlValue(actions)]])}`);
    const description = markdownText(cell(first, 'description'));
    if (description !== '') blocks.push(`${heading(2, 'Description')}\n${description}`);
  }
  for (const [name, blocks] of byFile) files.set(`preuves/${name}.md`, joinBlocks(blocks));
  return count;
}
