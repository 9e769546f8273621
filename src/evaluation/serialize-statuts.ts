/**
 * The `statuts` section of the evaluation document written from the engine's statut codes:
 * exactly `JSON.stringify(statutsDeclares(ev, keep))`, without an object per node nor a walk up
 * the ancestors of each. Key texts are written once per référentiel; the statut, porteur and
 * avancement of each node come from one pass down the flat tree. Statuts outside the scored
 * tree (normally none) take the ordinary path.
 */
import type { Referentiel } from '../referentiel/model.js';
import { type FlatTree, flatTree } from '../score/flat-tree.js';
import { type ActionStatut, statutLabel } from '../score/statut.js';
import { StatutsById } from '../score/statuts-by-id.js';
import { AUCUN, NON_RENSEIGNE } from '../score/statuts-index.js';
import type { Evaluation } from './evaluate-dossier.js';
import { type JsonBytes, copyAt, utf8 } from './json-bytes.js';
import { type Niveau, maxDepth } from './niveau.js';
import { avancementJson, statutsDeclaresAt } from './statuts-declares.js';

interface Layout {
  tree: FlatTree;
  /** Flat-tree index of each action, in the order of `referentiel.actions` (the section's). */
  order: Int32Array;
  /** `"id":{"statut":"` per flat-tree node. */
  head: string[];
  /** `"id"` per flat-tree node (the porteur). */
  idJson: string[];
  headBytes: Uint8Array[];
  idBytes: Uint8Array[];
}

const layouts = new WeakMap<Referentiel, Layout | null>();

/** Null when some action is outside the flat tree: the ordinary path then. */
function layoutOf(referentiel: Referentiel): Layout | null {
  let l = layouts.get(referentiel);
  if (l !== undefined) return l;
  const tree = flatTree(referentiel);
  const order: number[] = [];
  for (const id of referentiel.actions.keys()) order.push(tree.indexById.get(id) ?? -1);
  const idJson = tree.nodes.map((n) => JSON.stringify(n.id));
  const head = idJson.map((k) => `${k}:{"statut":"`);
  l = order.includes(-1) ? null : { tree, order: Int32Array.from(order), head, idJson, headBytes: head.map(utf8), idBytes: idJson.map(utf8) };
  layouts.set(referentiel, l);
  return l;
}

interface StatutText {
  label: string;
  avancement: string;
  /** `label","source":"S","porteur":` for each source, and `,"avancement":…}`, as bytes. */
  labelSource: Record<Source, Uint8Array>;
  tail: Uint8Array;
}

const tails = new WeakMap<ActionStatut, StatutText>();

/** A statut's label and avancement as the section writes them, once per (shared) statut. */
function statutText(s: ActionStatut): StatutText {
  let t = tails.get(s);
  if (!t) {
    const label = statutLabel(s)!;
    const avancement = JSON.stringify(avancementJson(s));
    const labelSource = (source: Source): Uint8Array => utf8(`${label}","source":"${source}","porteur":`);
    t = { label, avancement, labelSource: { dossier: labelSource('dossier'), preuve: labelSource('preuve'), parent: labelSource('parent') }, tail: utf8(`,"avancement":${avancement}}`) };
    // Simple statuts are shared and frozen; détaillé ones are shared between dossiers too.
    if (Object.isFrozen(s)) tails.set(s, t);
  }
  return t;
}

type Source = 'dossier' | 'preuve' | 'parent';

/**
 * Calls `visit` for each node of the section, in its order, with its porteur (flat-tree index)
 * and source; false when the section must take the ordinary path.
 */
function eachStatut(ev: Evaluation, niveau: Niveau, layout: Layout, visit: (i: number, porteur: number, s: ActionStatut, source: Source) => void): boolean {
  const statuts = ev.statuts;
  if (!(statuts instanceof StatutsById) || statuts.horsArbre.size > 0) return false;
  const tree = layout.tree;
  const code = statuts.index.code;
  const n = code.length;
  // The nearest ancestor whose statut covers its subtree (renseigné or non concerné), by pre-order.
  const cover = new Int32Array(n);
  cover[0] = -1;
  for (let i = 1; i < n; i++) {
    const p = tree.parent[i]!;
    const c = code[p]!;
    cover[i] = c !== AUCUN && c !== NON_RENSEIGNE ? p : cover[p]!;
  }
  const depth = maxDepth(ev.referentiel, niveau);
  const proposes = ev.statutsProposes;
  for (let k = 0; k < layout.order.length; k++) {
    const i = layout.order[k]!;
    if (tree.depth[i]! > depth) continue;
    const own = code[i] !== AUCUN;
    const porteur = own ? i : cover[i]!;
    if (porteur < 0) continue;
    visit(i, porteur, statuts.index.get(porteur)!, own ? (proposes.size > 0 && proposes.has(tree.nodes[i]!.id) ? 'preuve' : 'dossier') : 'parent');
  }
  return true;
}

function ordinaryPath(ev: Evaluation, niveau: Niveau): string {
  return JSON.stringify(statutsDeclaresAt(ev, niveau));
}

/** The section's JSON text (an object) for the nodes the level keeps. */
export function statutsJson(ev: Evaluation, niveau: Niveau): string {
  const layout = layoutOf(ev.referentiel);
  let out = '{';
  const done =
    layout !== null &&
    eachStatut(ev, niveau, layout, (i, porteur, s, source) => {
      const t = statutText(s);
      out += `${out.length > 1 ? ',' : ''}${layout.head[i]}${t.label}","source":"${source}","porteur":${layout.idJson[porteur]},"avancement":${t.avancement}}`;
    });
  return done ? `${out}}` : ordinaryPath(ev, niveau);
}

/** statutsJson's text as bytes, into `out`: four copies per node, after one check of room. */
export function statutsJsonInto(out: JsonBytes, ev: Evaluation, niveau: Niveau): void {
  const layout = layoutOf(ev.referentiel);
  const start = out.length;
  out.ascii('{');
  let first = true;
  const done =
    layout !== null &&
    eachStatut(ev, niveau, layout, (i, porteur, s, source) => {
      const t = statutText(s);
      const head = layout.headBytes[i]!;
      const labelSource = t.labelSource[source];
      const id = layout.idBytes[porteur]!;
      const b = out.reserve(1 + head.length + labelSource.length + id.length + t.tail.length);
      let at = out.length;
      if (first) first = false;
      else b[at++] = 44; // ,
      at = copyAt(b, copyAt(b, copyAt(b, copyAt(b, at, head), labelSource), id), t.tail);
      out.length = at;
    });
  if (done) out.ascii('}');
  else {
    out.length = start;
    out.text(ordinaryPath(ev, niveau));
  }
}
