/**
 * Markdown référentiel → typed tree with exact points and a source position on everything
 * (scoring.md Part B §1 and §2). Pure: no file system here (see `read-referentiel.ts`), and no
 * input makes it throw — problems come back as diagnostics beside the result.
 */
import { type Diagnostic, type SourcePosition, diagnostic } from '../diagnostics/diagnostic.js';
import { Rational } from '../exact/rational.js';
import type { Tokenizer } from '../markdown/blocks.js';
import type { SourceFile } from '../markdown/read-files.js';
import { MARKDOWN_LIMITS } from '../markdown/limits.js';
import { type OutlineCode, type OutlineItem, type OutlineSection, buildOutline } from '../markdown/outline.js';
import { type YamlEntry, type YamlMeta, readItemMeta } from '../markdown/yaml-meta.js';
import { IDENTIFIANT_PATTERN, actionId, compareIdentifiants, hierarchieDeclaree, hierarchieFor, identifiantDepth } from './hierarchie.js';
import { type ActionNode, type Categorie, type Hierarchie, OPTIONS_PAR_DEFAUT, type OptionsReferentiel, type Referentiel } from './model.js';
import { distributePoints } from './points.js';
import { checkScoresIndicatifsQuestions, readScoreIndicatif } from './score-indicatif-formule.js';

export type { SourceFile };

export interface ParseReferentielOptions {
  /** Markdown tokenizer; defaults to the fast scanner (`remarkBlocks` is the reference one). */
  tokenizer?: Tokenizer;
  /** Forces the hierarchy instead of the declared (root's `hierarchie`), known or inferred one. */
  hierarchie?: Hierarchie;
}

/**
 * `referentiel` is null only when no tree can be built at all (no root). It may be non-null with
 * error diagnostics: callers decide with `hasErrors(diagnostics)`.
 */
export interface ParseReferentielResult {
  referentiel: Referentiel | null;
  diagnostics: Diagnostic[];
}

/** The section (`## Score indicatif`) whose ```formule block is the action's indicative score. */
export const SECTION_SCORE_INDICATIF = 'score_indicatif';

export const KNOWN_KEYS = ['identifiant', 'points', 'pourcentage', 'categorie', 'climat_pratic_id', 'referentiel', 'hierarchie', 'redistribution', 'personnalisation'] as const;

/** Keys only the root may carry: the référentiel's name, its declared hierarchy and its scoring options. */
const ROOT_KEYS = ['referentiel', 'hierarchie', 'redistribution', 'personnalisation'] as const;

const CATEGORIES: Record<string, Categorie> = { bases: 'bases', mise_en_oeuvre: 'mise_en_oeuvre', effets: 'effets' };
const CATEGORIES_EXACT: Record<string, Categorie> = { bases: 'bases', 'mise en œuvre': 'mise_en_oeuvre', effets: 'effets' };

interface Raw {
  identifiant: string;
  // What the build needs of the heading, not the OutlineItem itself: the outline of each file
  // (items, blocks, line index) can then die young instead of being promoted with the raws.
  title: string;
  position: SourcePosition;
  sections: readonly OutlineSection[];
  /** The ```formule block of the `Score indicatif` section, when there is one. */
  scoreIndicatif: OutlineCode | null;
  meta: YamlMeta;
  nestedIn: Raw | null;
}

/**
 * Markdown files of a référentiel (path and text) → the typed tree with exact points and a source
 * position on every node, or null. Pure; problems are diagnostics with stable codes, never
 * exceptions. `parseReferentiel(dir)` of `label-cae/node` reads a folder first.
 *
 * @example
 * const { referentiel, diagnostics } = parseReferentielFiles([{ path: 'cae.md', content: text }]);
 */
export function parseReferentielFiles(files: readonly SourceFile[], options: ParseReferentielOptions = {}): ParseReferentielResult {
  const diagnostics: Diagnostic[] = [];
  try {
    return { referentiel: build(files, options, diagnostics), diagnostics };
  } catch (error) {
    diagnostics.push(diagnostic('erreur-interne', 'error', `Erreur interne du parseur : ${String((error as Error)?.message ?? error)}`));
    return { referentiel: null, diagnostics };
  }
}

function build(files: readonly SourceFile[], options: ParseReferentielOptions, diagnostics: Diagnostic[]): Referentiel | null {
  const raws = readRaws(files, options, diagnostics);
  if (raws.length > MARKDOWN_LIMITS.maxActions) {
    diagnostics.push(
      diagnostic('referentiel-trop-grand', 'error', `Référentiel de ${raws.length} actions inattendu, attendu au plus ${MARKDOWN_LIMITS.maxActions} (position : une action au-delà de la limite)`, raws[MARKDOWN_LIMITS.maxActions]!.position),
    );
    return null;
  }
  const rootRaw = findRoot(raws, files, diagnostics);
  if (!rootRaw) return null;
  const refId = referentielId(rootRaw, diagnostics);
  const optionsScore = readOptions(rootRaw.meta, diagnostics);
  const { byIdentifiant, uniques } = uniqueRaws(raws, diagnostics);
  const hierarchie = chooseHierarchie(rootRaw, refId, uniques, options, diagnostics);

  // Nodes.
  const nodes = new Map<string, ActionNode>();
  const nodeList: ActionNode[] = [];
  const root = makeNode(rootRaw, refId, hierarchie, diagnostics, true);
  for (let i = 0; i < uniques.length; i++) {
    const r = uniques[i]!;
    const identifiant = r.identifiant;
    const depth = identifiantDepth(identifiant);
    if (depth >= hierarchie.levels.length) {
      diagnostics.push(
        diagnostic('niveau-trop-profond', 'error', `Identifiant \`${identifiant}\` de profondeur ${depth} inattendu, attendu au plus ${hierarchie.levels.length - 1} niveaux (${hierarchie.levels.slice(1).join(' > ')})`, r.meta.get('identifiant')?.valuePosition ?? r.position),
      );
      continue;
    }
    const node = makeNode(r, refId, hierarchie, diagnostics, false);
    nodes.set(identifiant, node);
    nodeList.push(node);
  }
  const order = linkTree(root, nodeList, nodes);
  reportUnreached(order, nodeList, nodes, diagnostics);
  reportNesting(order, byIdentifiant, refId, diagnostics);
  distributePoints(root, diagnostics);

  const actions = new Map<string, ActionNode>();
  for (let i = 0; i < order.length; i++) actions.set(order[i]!.id, order[i]!);
  return optionsScore ? { id: refId, nom: root.nom, hierarchie, root, actions, options: optionsScore } : { id: refId, nom: root.nom, hierarchie, root, actions };
}

/** Every titled item of every file with its YAML, children before their parents. */
function readRaws(files: readonly SourceFile[], options: ParseReferentielOptions, diagnostics: Diagnostic[]): Raw[] {
  const raws: Raw[] = [];
  const visitItem = (item: OutlineItem, nestedIn: Raw | null): void => {
    const raw = readRaw(item, nestedIn, diagnostics);
    for (let i = 0; i < item.children.length; i++) visitItem(item.children[i]!, raw ?? nestedIn);
    if (raw) raws.push(raw);
  };
  for (const f of files) {
    const file = f.displayPath ?? f.path;
    const items = buildOutline(f.content, { file, keywords: ['actions'], tokenizer: options.tokenizer }, diagnostics);
    for (let i = 0; i < items.length; i++) visitItem(items[i]!, null);
  }
  return raws;
}

/** The one root (`identifiant: ""`); null, with an error, when there is none. */
function findRoot(raws: readonly Raw[], files: readonly SourceFile[], diagnostics: Diagnostic[]): Raw | null {
  const roots = raws.filter((r) => r.identifiant === '');
  if (roots.length === 0) {
    diagnostics.push(
      diagnostic('racine-manquante', 'error', 'Aucune action racine, attendu un titre avec `identifiant: ""` et `referentiel: …`', files[0] ? { file: files[0].displayPath ?? files[0].path, line: 1, column: 1 } : undefined),
    );
    return null;
  }
  for (const extra of roots.slice(1)) {
    diagnostics.push(diagnostic('racine-multiple', 'error', `Seconde action racine inattendue, attendu une seule (la première est en ${where(roots[0]!.position)})`, extra.position));
  }
  return roots[0]!;
}

/** The root's `referentiel` (`cae`); `referentiel` with an error when it is missing. */
function referentielId(rootRaw: Raw, diagnostics: Diagnostic[]): string {
  const refEntry = rootRaw.meta.get('referentiel');
  const refId = typeof refEntry?.value === 'string' ? refEntry.value.trim() : '';
  if (!refEntry || refId === '') {
    diagnostics.push(diagnostic('referentiel-manquant', 'error', 'Action racine sans `referentiel`, attendu par exemple `referentiel: "cae"`', rootRaw.position));
    return 'referentiel';
  }
  if (!/^[a-z][a-z0-9-]*$/.test(refId)) {
    diagnostics.push(diagnostic('referentiel-invalide', 'error', `Nom de référentiel inattendu \`${refId}\`, attendu des minuscules ASCII (\`cae\`, \`eci\`)`, refEntry.valuePosition));
  }
  return refId;
}

/**
 * The non-root items by identifiant, the first of each (a duplicate is an error). Arrays beside
 * the maps: loops over them run cold, once per process, and iterating a Map or an array with
 * for…of allocates a result object per step until optimised.
 */
function uniqueRaws(raws: readonly Raw[], diagnostics: Diagnostic[]): { byIdentifiant: Map<string, Raw>; uniques: Raw[] } {
  const byIdentifiant = new Map<string, Raw>();
  const uniques: Raw[] = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    if (r.identifiant === '') continue;
    const prior = byIdentifiant.get(r.identifiant);
    if (prior) {
      diagnostics.push(
        diagnostic('identifiant-duplique', 'error', `Identifiant \`${r.identifiant}\` inattendu une seconde fois, attendu unique (déjà en ${where(prior.position)})`, r.meta.get('identifiant')?.valuePosition ?? r.position),
      );
      continue;
    }
    byIdentifiant.set(r.identifiant, r);
    uniques.push(r);
  }
  return { byIdentifiant, uniques };
}

/** The caller's hierarchy, else the one declared on the root (an invalid one is ignored), else the known or inferred one. */
function chooseHierarchie(rootRaw: Raw, refId: string, uniques: readonly Raw[], options: ParseReferentielOptions, diagnostics: Diagnostic[]): Hierarchie {
  let maxDepth = 0;
  for (let i = 0; i < uniques.length; i++) maxDepth = Math.max(maxDepth, identifiantDepth(uniques[i]!.identifiant));
  let declared: Hierarchie | null = null;
  const hierarchieEntry = rootRaw.meta.get('hierarchie');
  if (hierarchieEntry) {
    const d = hierarchieDeclaree(hierarchieEntry.value);
    if ('hierarchie' in d) declared = d.hierarchie;
    else diagnostics.push(diagnostic('hierarchie-invalide', 'error', `Valeur de \`hierarchie\` inattendue, attendu ${d.erreur}`, hierarchieEntry.valuePosition));
  }
  if (options.hierarchie) return options.hierarchie;
  if (declared) return declared;
  const h = hierarchieFor(refId, maxDepth);
  if (h.inferred) {
    diagnostics.push(
      diagnostic('hierarchie-deduite', 'info', `Référentiel \`${refId}\` inconnu : hiérarchie déduite de la profondeur des identifiants (${h.hierarchie.levels.join(' > ')})`, rootRaw.position),
    );
  }
  return h.hierarchie;
}

const parentIdentifiant = (id: string): string => {
  const k = id.lastIndexOf('.');
  return k === -1 ? '' : id.slice(0, k);
};

/** The tree by identifiant prefix (§1.7), children sorted; returns the nodes reached, depth-first. */
function linkTree(root: ActionNode, nodeList: readonly ActionNode[], nodes: ReadonlyMap<string, ActionNode>): ActionNode[] {
  for (let i = 0; i < nodeList.length; i++) {
    const node = nodeList[i]!;
    const pid = parentIdentifiant(node.identifiant);
    const parent = pid === '' ? root : nodes.get(pid);
    if (parent) {
      parent.children.push(node);
      node.parentId = parent.id;
    }
  }
  const order: ActionNode[] = [];
  const visit = (n: ActionNode): void => {
    order.push(n);
    const children = n.children;
    // Files list children in order: sorting is only needed (and its work array only paid) when not.
    if (!sortedByIdentifiant(children)) children.sort(byIdentifiantOrder);
    for (let i = 0; i < children.length; i++) visit(children[i]!);
  };
  visit(root);
  return order;
}

/** Nodes the tree does not reach: a missing level, or an orphan, reported once at the top. */
function reportUnreached(order: readonly ActionNode[], nodeList: readonly ActionNode[], nodes: ReadonlyMap<string, ActionNode>, diagnostics: Diagnostic[]): void {
  // Every node reached (the usual case) leaves nothing to report.
  const reached = order.length === nodeList.length + 1 ? null : new Set(order);
  for (let i = 0; reached && i < nodeList.length; i++) {
    const node = nodeList[i]!;
    if (reached.has(node)) continue;
    const pid = parentIdentifiant(node.identifiant);
    if (nodes.has(pid)) continue; // below an unreachable node: reported once, at the top
    let ancestor = parentIdentifiant(pid);
    while (ancestor !== '' && !nodes.has(ancestor)) ancestor = parentIdentifiant(ancestor);
    const pos = node.keyPositions.identifiant ?? node.position;
    if (ancestor !== '') {
      diagnostics.push(
        diagnostic('niveau-manquant', 'error', `Niveau manquant entre \`${ancestor}\` et \`${node.identifiant}\`, attendu un titre avec \`identifiant: ${pid}\``, pos),
      );
    } else {
      diagnostics.push(
        diagnostic('action-orpheline', 'error', `Action \`${node.identifiant}\` orpheline : parent \`${pid}\` absent, attendu un titre avec \`identifiant: ${pid}\``, pos),
      );
    }
  }
}

/** Heading nesting vs identifiant: a warning, the identifiant decides. */
function reportNesting(order: readonly ActionNode[], byIdentifiant: ReadonlyMap<string, Raw>, refId: string, diagnostics: Diagnostic[]): void {
  for (let i = 1; i < order.length; i++) {
    const n = order[i]!;
    const r = byIdentifiant.get(n.identifiant);
    if (!r?.nestedIn) continue;
    const expected = parentIdentifiant(n.identifiant);
    if (r.nestedIn.identifiant !== expected) {
      diagnostics.push(
        diagnostic(
          'imbrication-incoherente',
          'warning',
          `Titre de \`${n.identifiant}\` rangé sous \`${r.nestedIn.identifiant || refId}\` inattendu, attendu sous \`${expected || refId}\` (l'identifiant décide)`,
          n.position,
        ),
      );
    }
  }
}

/**
 * The root's scoring options (`redistribution: false`, `personnalisation: desactivation`); null
 * when it declares none, so that CAE and ECI keep exactly their former shape.
 */
function readOptions(meta: YamlMeta, diagnostics: Diagnostic[]): OptionsReferentiel | null {
  const red = meta.get('redistribution');
  const perso = meta.get('personnalisation');
  if (!red && !perso) return null;
  const options: OptionsReferentiel = { ...OPTIONS_PAR_DEFAUT };
  if (red && red.value !== null) {
    if (typeof red.value === 'boolean') options.redistribution = red.value;
    else diagnostics.push(diagnostic('option-invalide', 'error', `Valeur de \`redistribution\` inattendue \`${red.source ?? JSON.stringify(red.value)}\`, attendu \`true\` ou \`false\``, red.valuePosition));
  }
  if (perso && perso.value !== null) {
    if (perso.value === 'toutes' || perso.value === 'desactivation') options.personnalisation = perso.value;
    else diagnostics.push(diagnostic('option-invalide', 'error', `Valeur de \`personnalisation\` inattendue \`${perso.source ?? JSON.stringify(perso.value)}\`, attendu \`toutes\` ou \`desactivation\``, perso.valuePosition));
  }
  return options;
}

const byIdentifiantOrder = (a: ActionNode, b: ActionNode): number => compareIdentifiants(a.identifiant, b.identifiant);

function sortedByIdentifiant(nodes: readonly ActionNode[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (byIdentifiantOrder(nodes[i - 1]!, nodes[i]!) > 0) return false;
  return true;
}

function where(p: SourcePosition): string {
  return `${p.file}:${p.line}:${p.column}`;
}

function readRaw(item: OutlineItem, nestedIn: Raw | null, diagnostics: Diagnostic[]): Raw | null {
  if (item.metadata.length === 0) {
    diagnostics.push(
      diagnostic('identifiant-manquant', 'error', `Titre « ${item.title} » sans bloc \`yaml\`, attendu un bloc avec \`identifiant\``, item.position),
    );
    return null;
  }
  if (item.metadata.length > 1 && item.metadata[0]!.frontmatter) {
    diagnostics.push(
      diagnostic('metadonnees-doublees', 'warning', 'Bloc `yaml` inattendu après un frontmatter, attendu l\'un ou l\'autre : les deux sont fusionnés', item.metadata[1]!.position),
    );
  }
  const { meta, ok } = readItemMeta(item.metadata, diagnostics);
  if (!ok && !meta.has('identifiant')) return null;
  const entry = meta.get('identifiant');
  if (!entry || (entry.value === null && !entry.quoted)) {
    diagnostics.push(diagnostic('identifiant-manquant', 'error', `Titre « ${item.title} » sans \`identifiant\`, attendu par exemple \`identifiant: 6.1.1\``, item.metadata[0]!.position));
    return null;
  }
  const identifiant = entry.source === null ? null : entry.source.trim();
  if (identifiant === null || !IDENTIFIANT_PATTERN.test(identifiant)) {
    diagnostics.push(
      diagnostic('identifiant-invalide', 'error', `Identifiant inattendu \`${identifiant ?? JSON.stringify(entry.value)}\`, attendu des nombres séparés par des points (\`6.1.1\`), suivis éventuellement de parties en minuscules (\`1.1.6.3.a\`) ou d'un suffixe \`alter\` (\`1.1.1alter.1\`), ou \`""\` pour la racine`, entry.valuePosition),
    );
    return null;
  }
  const scoreIndicatif = item.codes.find((c) => c.lang === 'formule' && c.sectionKey === SECTION_SCORE_INDICATIF) ?? null;
  return { identifiant, title: item.title, position: item.position, sections: item.sections, scoreIndicatif, meta, nestedIn };
}

function readNumber(entry: YamlEntry | undefined, code: string, label: string, diagnostics: Diagnostic[]): Rational | null {
  if (!entry || (entry.value === null && !entry.quoted)) return null;
  const text = entry.source ?? (typeof entry.value === 'number' ? String(entry.value) : null);
  const r = text === null ? null : Rational.parseDecimal(text);
  if (r === null || r.sign() < 0) {
    diagnostics.push(diagnostic(code, 'error', `Valeur de \`${label}\` inattendue \`${text ?? JSON.stringify(entry.value)}\`, attendu un nombre positif ou nul`, entry.valuePosition));
    return null;
  }
  // `1e400` is an exact decimal, but the compiled JSON also gives points as a number: it must fit.
  if (!Number.isFinite(r.toNumber())) {
    diagnostics.push(diagnostic(code, 'error', `Valeur de \`${label}\` inattendue \`${text}\`, attendu un nombre positif ou nul d'au plus 1e308`, entry.valuePosition));
    return null;
  }
  return r;
}

function makeNode(raw: Raw, refId: string, hierarchie: Hierarchie, diagnostics: Diagnostic[], isRoot: boolean): ActionNode {
  const { meta, identifiant } = raw;
  const depth = identifiantDepth(identifiant);
  const keyPositions: Record<string, SourcePosition> = {};
  const extra: Record<string, unknown> = {};
  // One pass with forEach: entries carry their key, and for…of over a Map allocates per step.
  meta.forEach((v) => {
    const k = v.key;
    // `__proto__` would set these objects' prototypes instead of adding a key: it is ignored.
    if (k !== '__proto__') keyPositions[k] = v.valuePosition;
    if ((KNOWN_KEYS as readonly string[]).includes(k)) return;
    if (k === '__proto__') {
      diagnostics.push(diagnostic('cle-yaml-inconnue', 'warning', `Clé YAML \`${k}\` inattendue, attendu ${KNOWN_KEYS.map((x) => `\`${x}\``).join(', ')} : ignorée (nom réservé)`, v.keyPosition));
      return;
    }
    extra[k] = v.value;
    diagnostics.push(
      diagnostic('cle-yaml-inconnue', 'warning', `Clé YAML \`${k}\` inattendue, attendu ${KNOWN_KEYS.map((x) => `\`${x}\``).join(', ')} : gardée dans \`extra\``, v.keyPosition),
    );
  });
  for (const key of ROOT_KEYS) {
    const rootEntry = meta.get(key);
    if (rootEntry && !isRoot) {
      extra[key] = rootEntry.value;
      diagnostics.push(diagnostic('cle-yaml-inattendue', 'warning', `Clé \`${key}\` inattendue hors de la racine, attendue seulement avec \`identifiant: ""\` : gardée dans \`extra\``, rootEntry.keyPosition));
    }
  }
  const pointsSource = readNumber(meta.get('points'), 'points-invalides', 'points', diagnostics);
  const pourcentage = readNumber(meta.get('pourcentage'), 'pourcentage-invalide', 'pourcentage', diagnostics);
  let categorie: Categorie | null = null;
  let categorieSource: string | null = null;
  const cat = meta.get('categorie');
  if (cat && cat.value !== null) {
    categorieSource = cat.source ?? String(cat.value);
    categorie = Object.hasOwn(CATEGORIES_EXACT, categorieSource) ? CATEGORIES_EXACT[categorieSource]! : null;
    const key = categorie ? categorie : categorieSource.trim().toLowerCase().replace(/œ/g, 'oe').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_]+/g, '_');
    categorie ??= Object.hasOwn(CATEGORIES, key) ? CATEGORIES[key]! : null;
    if (!categorie) {
      diagnostics.push(diagnostic('categorie-inconnue', 'warning', `Catégorie inattendue \`${categorieSource}\`, attendu \`bases\`, \`mise en œuvre\` ou \`effets\``, cat.valuePosition));
    }
  }
  const cp = meta.get('climat_pratic_id');
  const climatPraticId = cp && cp.value !== null ? (cp.source ?? String(cp.value)).trim() : null;
  if (raw.title.trim() === '') {
    diagnostics.push(diagnostic('nom-manquant', 'warning', `Titre vide inattendu pour \`${identifiant || refId}\`, attendu le nom de l'action`, raw.position));
  }
  const sections: Record<string, string> = {};
  for (let i = 0; i < raw.sections.length; i++) {
    const s = raw.sections[i]!;
    if (s.key === SECTION_SCORE_INDICATIF && raw.scoreIndicatif) continue; // read as a formula below
    if (s.key !== '__proto__') sections[s.key] = s.text;
  }
  const node: ActionNode = {
    id: actionId(refId, identifiant),
    identifiant,
    referentiel: refId,
    type: hierarchie.levels[depth] ?? 'tache',
    depth,
    parentId: null,
    children: [],
    nom: raw.title,
    points: Rational.ZERO,
    pointsSource,
    pourcentage,
    categorie,
    categorieSource,
    climatPraticId,
    sections,
    extra,
    position: raw.position,
    keyPositions,
  };
  if (raw.scoreIndicatif) node.scoreIndicatif = readScoreIndicatif(raw.scoreIndicatif, diagnostics);
  return node;
}

export { checkScoresIndicatifsQuestions, readScoreIndicatif };
