/**
 * HEAD's `referentiel-<ref>-structure.csv` (one row per action, the root excepted) → a tree of
 * actions with their points as written, text sections and personnalisation formulas. Identifiants
 * are kept as written, letter parts (`1.1.6.3.a`) and `alter` (`1.1.1alter.1`) included: TE must be
 * importable before our parser can score it.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { Rational } from '../exact/rational.js';
import { fmt } from '../referentiel/points.js';
import { type CsvRow, type CsvTable, cell } from './csv-table.js';

/**
 * The référentiels `importReferentiel` reads from TeT HEAD's CSV files: `cae`, `eci`, `te`.
 *
 * @example
 * if (!(REFERENTIELS_IMPORTABLES as readonly string[]).includes(name)) throw new Error(`référentiel ${name} inconnu`);
 */
export const REFERENTIELS_IMPORTABLES = ['cae', 'eci', 'te'] as const;
export type ReferentielImportable = (typeof REFERENTIELS_IMPORTABLES)[number];

interface ReferentielShape {
  nom: string;
  /** Depth of the mesure level: one file per mesure. */
  mesureDepth: number;
  /** Deepest level (tâche). */
  maxDepth: number;
  /**
   * The only depth whose points (and pourcentages) are kept, null for every depth. HEAD's importer
   * keeps TE's points on sous-mesures only (`isNewReferentiel`): mesures are their sum, tâches an
   * equal split, whatever the CSV writes there.
   */
  pointsDepth: number | null;
  /** Scoring options written in the root's YAML (docs/import.md), as HEAD scores this référentiel. */
  options: readonly (readonly [string, string])[];
}

/** Root names as the TeT corpus gives them; HEAD's CSV has no root row. */
export const FORMES: Readonly<Record<ReferentielImportable, ReferentielShape>> = {
  cae: { nom: 'Climat Air Énergie', mesureDepth: 3, maxDepth: 5, pointsDepth: null, options: [] },
  eci: { nom: 'Économie Circulaire', mesureDepth: 2, maxDepth: 4, pointsDepth: null, options: [] },
  // HEAD's scores.service.ts: `disablePotentielRedistribution` for te; its CSV has désactivation rules only.
  te: { nom: 'Climat Ressources', mesureDepth: 3, maxDepth: 5, pointsDepth: 4, options: [['redistribution', 'false'], ['personnalisation', 'desactivation']] },
};

/** CSV column (lower-cased) → section title, in the order they are written. */
export const SECTION_COLUMNS: readonly (readonly [string, string])[] = [
  ['description', 'Description'],
  ['contexte', 'Contexte'],
  ['réglementation', 'Réglementation'],
  ['exemples', 'Exemples'],
  ["retours d'expérience", "Retours d'expérience"],
  ['ressources', 'Ressources'],
  ['preuve', 'Preuve'],
  ['reductionpotentiel', 'Réduction de potentiel'],
  ['perimetreevaluation', "Périmètre de l'évaluation"],
];

export type ImportRegleType = 'desactivation' | 'reduction' | 'score';
/** Formula column and its explanation column, in the order the rules are written. */
const REGLE_COLUMNS: readonly (readonly [ImportRegleType, string, string])[] = [
  ['desactivation', 'desactivation', 'desactivationdesc'],
  ['reduction', 'reduction', 'reductiondesc'],
  ['score', 'score', 'scoredesc'],
];

export interface ImportRegle {
  type: ImportRegleType;
  formule: string;
  description: string;
  position: SourcePosition;
}

/** One CAE/ECI action a TE action comes from, with HEAD's weight when given. */
export interface OrigineItem {
  action: string;
  poids: string | null;
}

export interface ImportNode {
  identifiant: string;
  depth: number;
  nom: string;
  /** Decimal text with a dot (`0.5`), as written otherwise. */
  points: string | null;
  pourcentage: string | null;
  categorie: string | null;
  labels: string[] | null;
  /** Parsed when every part reads as `Cae_1.2.3 (0,5)`; the cell's text otherwise (`Nouvelle action`). */
  origine: OrigineItem[] | string | null;
  sections: { title: string; text: string }[];
  regles: ImportRegle[];
  /** HEAD's `exprScore`: the indicative-score formula, as written; null when the cell is empty. */
  scoreIndicatif: string | null;
  children: ImportNode[];
  position: SourcePosition;
}

export interface ImportTree {
  referentiel: ReferentielImportable;
  forme: ReferentielShape;
  root: ImportNode;
  /** Every action but the root, in CSV order. */
  nodes: ImportNode[];
}

const IDENTIFIANT = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

export function buildImportTree(table: CsvTable, referentiel: ReferentielImportable, diagnostics: Diagnostic[]): ImportTree {
  const forme = FORMES[referentiel];
  const root: ImportNode = emptyNode('', 0, forme.nom, { file: table.file, line: 1, column: 1 });
  if (table.rows.length > 0 && !table.columns.includes('identifiant')) {
    diagnostics.push(diagnostic('import-colonne-manquante', 'error', `Colonne \`identifiant\` absente, attendu un en-tête comme \`identifiant,nom,points,…\``, { file: table.file, line: 1, column: 1 }));
    return { referentiel, forme, root, nodes: [] };
  }
  const byId = new Map<string, ImportNode>([['', root]]);
  const nodes: ImportNode[] = [];
  for (const row of table.rows) {
    const node = readNode(row, forme, diagnostics);
    if (!node) continue;
    const prior = byId.get(node.identifiant);
    if (prior) {
      diagnostics.push(diagnostic('import-identifiant-duplique', 'error', `Identifiant \`${node.identifiant}\` inattendu une seconde fois, attendu unique (déjà ligne ${prior.position.line})`, node.position));
      continue;
    }
    byId.set(node.identifiant, node);
    nodes.push(node);
  }
  for (const node of nodes) {
    const k = node.identifiant.lastIndexOf('.');
    const parent = byId.get(k === -1 ? '' : node.identifiant.slice(0, k));
    if (parent) parent.children.push(node);
    else diagnostics.push(diagnostic('import-parent-manquant', 'error', `Parent \`${node.identifiant.slice(0, k)}\` de \`${node.identifiant}\` absent, attendu une ligne pour lui`, node.position));
  }
  if (forme.pointsDepth !== null) for (const axe of root.children) sumPoints(axe, forme.pointsDepth);
  return { referentiel, forme, root, nodes };
}

/**
 * Above the points depth, HEAD's points are the sums of the sous-mesures below (the CSV's own
 * figures there are ignored, as HEAD's importer ignores them: te 1.1.5 says 6, its sous-mesures
 * add up to 7.5); a node without any (TE's empty `2.2.5alter`) has none in HEAD, 0 in every sum.
 * They are written out, exact, so that the Markdown reads as HEAD scores it.
 */
function sumPoints(node: ImportNode, pointsDepth: number): Rational {
  if (node.depth >= pointsDepth) return node.points === null ? Rational.ZERO : (Rational.parseDecimal(node.points) ?? Rational.ZERO);
  let sum = Rational.ZERO;
  for (const c of node.children) sum = sum.add(sumPoints(c, pointsDepth));
  node.points = fmt(sum);
  return sum;
}

function emptyNode(identifiant: string, depth: number, nom: string, position: SourcePosition): ImportNode {
  return { identifiant, depth, nom, points: null, pourcentage: null, categorie: null, labels: null, origine: null, sections: [], regles: [], scoreIndicatif: null, children: [], position };
}

function readNode(row: CsvRow, forme: ReferentielShape, diagnostics: Diagnostic[]): ImportNode | null {
  const identifiant = cell(row, 'identifiant');
  const nom = cell(row, 'nom').replace(/\s+/g, ' ');
  if (identifiant === '') {
    // Spreadsheets end with blank rows; a named row without identifiant is a real problem.
    if (nom !== '') diagnostics.push(diagnostic('import-identifiant-manquant', 'error', `Ligne « ${nom} » sans identifiant, attendu par exemple \`1.2.3\``, row.position));
    return null;
  }
  if (!IDENTIFIANT.test(identifiant)) {
    diagnostics.push(diagnostic('import-identifiant-invalide', 'error', `Identifiant inattendu \`${identifiant}\`, attendu des parties séparées par des points (\`1.2.3\`, \`1.1.6.3.a\`, \`1.1.1alter.1\`)`, row.position));
    return null;
  }
  const depth = identifiant.split('.').length;
  if (depth > forme.maxDepth) {
    diagnostics.push(diagnostic('import-niveau-trop-profond', 'error', `Identifiant \`${identifiant}\` de profondeur ${depth} inattendu, attendu au plus ${forme.maxDepth}`, row.position));
    return null;
  }
  const node = emptyNode(identifiant, depth, nom, row.position);
  node.points = readDecimal(row, 'points', diagnostics);
  node.pourcentage = readDecimal(row, 'pourcentage', diagnostics);
  if (forme.pointsDepth !== null && depth !== forme.pointsDepth) {
    node.points = null;
    node.pourcentage = null;
  } else if (forme.pointsDepth !== null && node.points === null && node.pourcentage === null) {
    diagnostics.push(diagnostic('import-points-manquants', 'error', `Sous-mesure \`${identifiant}\` sans points, attendu \`points\` (HEAD refuse l'import)`, row.position));
  }
  node.categorie = cell(row, 'categorie') || null;
  const labels = splitList(cell(row, 'labels'));
  node.labels = labels.length > 0 ? labels : null;
  node.origine = readOrigine(cell(row, 'origine'));
  for (const [column, title] of SECTION_COLUMNS) {
    const text = cell(row, column);
    if (text !== '') node.sections.push({ title, text });
  }
  for (const [type, column, descColumn] of REGLE_COLUMNS) {
    const formule = cell(row, column);
    if (formule !== '') node.regles.push({ type, formule, description: cell(row, descColumn), position: row.position });
  }
  const exprScore = cell(row, 'exprscore');
  node.scoreIndicatif = exprScore.trim() === '' ? null : exprScore;
  return node;
}

function readDecimal(row: CsvRow, column: string, diagnostics: Diagnostic[]): string | null {
  const raw = cell(row, column);
  if (raw === '') return null;
  const text = raw.replace(',', '.'); // HEAD's sheets are French: `0,5`
  const r = Rational.parseDecimal(text);
  if (r === null || r.sign() < 0) {
    diagnostics.push(diagnostic('import-nombre-invalide', 'error', `Valeur de \`${column}\` inattendue \`${raw}\`, attendu un nombre positif ou nul (\`12\`, \`0,5\`)`, row.position));
    return null;
  }
  return text;
}

/** `te_cae, te_eci` or `a,b` → [te_cae, te_eci]. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((x) => x !== '');
}

const ORIGINE_ITEM = /^([A-Za-z]+)_([0-9A-Za-z.]+)(?:\s*\((\d+(?:[.,]\d+)?)\))?$/;

/** `Cae_1.1.1.1 (1) | Cae_1.1.1.5 (0,5)` (or one per line) → [{cae_1.1.1.1, 1}, {cae_1.1.1.5, 0.5}]. */
export function readOrigine(text: string): OrigineItem[] | string | null {
  if (text === '') return null;
  const parts = text.split(/\s*[|\n]\s*/).map((p) => p.trim()).filter((p) => p !== '');
  const items: OrigineItem[] = [];
  for (const p of parts) {
    const m = ORIGINE_ITEM.exec(p);
    if (!m) return text.replace(/\s+/g, ' ');
    items.push({ action: `${m[1]!.toLowerCase()}_${m[2]!}`, poids: m[3] === undefined ? null : m[3].replace(',', '.') });
  }
  return items;
}
