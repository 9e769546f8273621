/**
 * The personalisation formulas of the structure CSV (`desactivation`, `reduction`, `score` and
 * their `…Desc` explanations) → `personnalisations/<ref>_<axe>.md` in the format `parseRegles`
 * reads: `# …`, `action_id`, `## Règles`, one `### <type>` with a ```formule block each.
 */
import type { ImportFiles } from './write-referentiel.js';
import type { ImportNode, ImportRegleType, ImportTree } from './structure.js';
import { formuleBlock, heading, joinBlocks, markdownText, yamlBlock } from './markdown-text.js';

const TITRES: Record<ImportRegleType, string> = { desactivation: 'Désactivation', reduction: 'Réduction de potentiel', score: 'Score réalisé' };

export function writeRegles(tree: ImportTree, files: ImportFiles): number {
  const byAxe = new Map<string, string[]>();
  let count = 0;
  for (const node of tree.nodes) {
    if (node.regles.length === 0) continue;
    const axe = node.identifiant.split('.')[0]!;
    const blocks = byAxe.get(axe) ?? [];
    byAxe.set(axe, blocks);
    blocks.push(...renderEntry(tree, node));
    count++;
  }
  for (const [axe, blocks] of byAxe) files.set(`personnalisations/${tree.referentiel}_${axe}.md`, joinBlocks(blocks));
  return count;
}

function renderEntry(tree: ImportTree, node: ImportNode): string[] {
  const actionId = `${tree.referentiel}_${node.identifiant}`;
  // The title names the action id only: a name such as « PM2.5 » would read as another action.
  const blocks = [`${heading(1, `Personnalisation ${actionId}`)}\n${yamlBlock([['action_id', actionId]])}`, heading(2, 'Règles')];
  for (const r of node.regles) {
    blocks.push(`${heading(3, TITRES[r.type])}\n${formuleBlock(r.formule)}`);
    const description = markdownText(r.description);
    if (description !== '') blocks.push(description);
  }
  return blocks;
}
