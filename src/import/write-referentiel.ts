/**
 * Import tree → the TeT corpus layout: `<ref>.md` (root), one file per axe (with the levels down to
 * the mesure under `## Actions`), one file per mesure (its sous-actions and tâches). A node's
 * heading is `#` at the top of its file, two levels deeper per generation, with its sections and
 * its `Actions` keyword one level below it, which is what `parseReferentiel` reads.
 */
import { type ImportNode, type ImportTree } from './structure.js';
import { type YamlValue, formuleBlock, heading, joinBlocks, markdownText, yamlBlock, yamlIdentifiant, yamlString, yamlValue } from './markdown-text.js';

/** The section that holds an action's indicative score (HEAD's `exprScore`), a ```formule block. */
export const SCORE_INDICATIF_TITRE = 'Score indicatif';

/** Relative path → content. */
export type ImportFiles = Map<string, string>;

export function writeReferentiel(tree: ImportTree, files: ImportFiles): void {
  const dir = `referentiels/${tree.referentiel}`;
  const root = tree.root;
  files.set(`${dir}/${tree.referentiel}.md`, joinBlocks([`${heading(1, root.nom)}\n${yamlBlock([['identifiant', '""'], ['referentiel', JSON.stringify(tree.referentiel)], ...tree.forme.options.map(([k, v]): [string, string] => [k, v])])}`]));
  const mesureDepth = tree.forme.mesureDepth;
  const visit = (node: ImportNode): void => {
    if (node.depth === 1 || node.depth === mesureDepth) {
      const stop = node.depth === mesureDepth ? Infinity : mesureDepth;
      files.set(`${dir}/${node.identifiant}.md`, joinBlocks(renderNode(node, 1, stop)));
    }
    for (const c of node.children) visit(c);
  };
  for (const axe of root.children) visit(axe);
}

/** The node and its descendants shallower than `stop` (deeper ones live in their own files). */
function renderNode(node: ImportNode, headingDepth: number, stop: number): string[] {
  const blocks = [`${heading(headingDepth, node.nom)}\n${yamlBlock(nodeYaml(node))}`];
  for (const s of node.sections) {
    const text = markdownText(s.text);
    if (text !== '') blocks.push(`${heading(headingDepth + 1, s.title)}\n${text}`);
  }
  // HEAD's `exprScore`, after the text sections, as a question's `## Visibilité` is written.
  if (node.scoreIndicatif !== null) blocks.push(`${heading(headingDepth + 1, SCORE_INDICATIF_TITRE)}\n${formuleBlock(node.scoreIndicatif)}`);
  const children = node.children.filter((c) => c.depth < stop);
  if (children.length > 0) {
    blocks.push(heading(headingDepth + 1, 'Actions'));
    for (const c of children) blocks.push(...renderNode(c, headingDepth + 2, stop));
  }
  return blocks;
}

function nodeYaml(node: ImportNode): [string, string | null][] {
  const origine: YamlValue | null =
    node.origine === null || typeof node.origine === 'string' ? node.origine : node.origine.map((o): YamlValue => (o.poids === null ? { action: o.action } : { action: o.action, poids: Number(o.poids) }));
  return [
    ['identifiant', yamlIdentifiant(node.identifiant)],
    // Decimal text as written (dot for comma): our parser reads the source text, exactly.
    ['points', node.points],
    ['pourcentage', node.pourcentage],
    ['categorie', node.categorie === null ? null : yamlString(node.categorie)],
    ['labels', node.labels === null ? null : yamlValue(node.labels)],
    ['origine', origine === null ? null : yamlValue(origine)],
  ];
}
