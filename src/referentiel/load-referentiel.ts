/**
 * `label-cae/referentiel@1` JSON → the same in-memory tree, without Markdown. Validated as the zod
 * schema validates it (compiled-validate.ts: same French messages, no zod in the engine's graph),
 * then checked for tree consistency. Never throws.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { jsonPointer } from '../diagnostics/json-pointer.js';
import { Rational } from '../exact/rational.js';
import type { CompiledAction } from './compiled-schema.js';
import { validateCompiledReferentiel } from './compiled-validate.js';
import { actionId, compareIdentifiants } from './hierarchie.js';
import type { ActionNode, Hierarchie, NiveauAction, Referentiel } from './model.js';
import { readScoreIndicatif } from './score-indicatif-formule.js';

export interface LoadReferentielResult {
  referentiel: Referentiel | null;
  diagnostics: Diagnostic[];
}


/**
 * A compiled référentiel (`label-cae/referentiel@1`, parsed JSON) → the typed tree, or null with
 * diagnostics (JSON pointers) when it is invalid or inconsistent. Pure, never throws.
 *
 * @example
 * const { referentiel, diagnostics } = loadReferentiel(JSON.parse(text));
 */
export function loadReferentiel(json: unknown): LoadReferentielResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const parsed = validateCompiledReferentiel(json);
    if (!parsed.ok) {
      for (const issue of parsed.issues.slice(0, 50)) {
        diagnostics.push({ code: 'referentiel-json-invalide', severity: 'error', message: issue.message, pointer: jsonPointer(issue.path) });
      }
      return { referentiel: null, diagnostics };
    }
    const doc = parsed.value;
    const refId = doc.referentiel.id;
    const hierarchie: Hierarchie = { levels: doc.referentiel.hierarchie as NiveauAction[], actionLevel: doc.referentiel.actionLevel };
    const nodes = new Map<string, ActionNode>();
    const fail = (i: number, field: string, message: string): void => {
      diagnostics.push({ code: 'referentiel-json-incoherent', severity: 'error', message, pointer: `/actions/${i}/${field}` });
    };
    let root: ActionNode | null = null;
    doc.actions.forEach((a: CompiledAction, i) => {
      if (a.id !== actionId(refId, a.identifiant)) return fail(i, 'id', `Id inattendu \`${a.id}\`, attendu \`${actionId(refId, a.identifiant)}\``);
      if (nodes.has(a.id)) return fail(i, 'id', `Id \`${a.id}\` inattendu une seconde fois, attendu unique`);
      const depth = a.identifiant === '' ? 0 : a.identifiant.split('.').length;
      if (a.depth !== depth || hierarchie.levels[depth] !== a.type) return fail(i, 'type', `Niveau inattendu \`${a.type}\` (profondeur ${a.depth}), attendu \`${hierarchie.levels[depth] ?? '?'}\` (profondeur ${depth})`);
      const points = Rational.parseDecimal(a.pointsExact);
      if (!points) return fail(i, 'pointsExact', `Fraction inattendue \`${a.pointsExact}\`, attendu par exemple \`3/10\``);
      const node: ActionNode = {
        id: a.id,
        identifiant: a.identifiant,
        referentiel: refId,
        type: a.type,
        depth,
        parentId: a.parent,
        children: [],
        nom: a.nom,
        points,
        pointsSource: a.pointsSource === null ? null : Rational.parseDecimal(a.pointsSource),
        pourcentage: a.pourcentageExact === null ? null : Rational.parseDecimal(a.pourcentageExact),
        categorie: a.categorie,
        categorieSource: a.categorieSource,
        climatPraticId: a.climatPraticId,
        sections: { ...a.sections },
        extra: { ...a.extra },
        position: { ...a.position },
        keyPositions: { ...a.keyPositions },
      };
      if (a.scoreIndicatif) {
        // Parsed and checked again from the text, at the position it had in its Markdown file.
        const p = a.scoreIndicatif.position;
        node.scoreIndicatif = readScoreIndicatif({ value: a.scoreIndicatif.formule, contentPosition: p }, diagnostics);
      }
      if (a.identifiant === '') {
        if (root) return fail(i, 'identifiant', 'Seconde racine inattendue, attendu une seule');
        if (a.parent !== null) return fail(i, 'parent', `Parent inattendu \`${a.parent}\` pour la racine, attendu null`);
        root = node;
      } else {
        const k = a.identifiant.lastIndexOf('.');
        const expected = actionId(refId, k === -1 ? '' : a.identifiant.slice(0, k));
        const parent = nodes.get(expected);
        if (a.parent !== expected || !parent) return fail(i, 'parent', `Parent inattendu \`${a.parent}\`, attendu \`${expected}\` déjà listé`);
        parent.children.push(node);
      }
      nodes.set(a.id, node);
    });
    if (!root) {
      diagnostics.push({ code: 'racine-manquante', severity: 'error', message: 'Aucune action racine, attendu une action avec `identifiant: ""`', pointer: '/actions' });
      return { referentiel: null, diagnostics };
    }
    const actions = new Map<string, ActionNode>();
    const visit = (n: ActionNode): void => {
      actions.set(n.id, n);
      n.children.sort((a, b) => compareIdentifiants(a.identifiant, b.identifiant));
      for (const c of n.children) visit(c);
    };
    visit(root);
    const r: ActionNode = root;
    for (const n of actions.values()) {
      if (n.children.length > 0 && !Rational.sum(n.children.map((c) => c.points)).equals(n.points)) {
        diagnostics.push(diagnostic('points-incoherents', 'error', `Somme des points des enfants de \`${n.id}\` inattendue, attendu \`${n.points.toFraction()}\``, n.position));
      }
    }
    const options = doc.referentiel.options;
    return { referentiel: { id: refId, nom: doc.referentiel.nom, hierarchie, root: r, actions, ...(options ? { options: { ...options } } : {}) }, diagnostics };
  } catch (error) {
    diagnostics.push(diagnostic('erreur-interne', 'error', `Erreur interne : ${String((error as Error)?.message ?? error)}`));
    return { referentiel: null, diagnostics };
  }
}
