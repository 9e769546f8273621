/**
 * The `statuts` section of the evaluation document: for every node that has a declared statut,
 * the statut, where it came from (the dossier, an evidence rule, or an ancestor carrying it for
 * its whole subtree) and the fractions of a détaillé statut. Kept apart from `scores`, whose
 * serialisation is fixed.
 */
import { selfAndAncestors } from '../referentiel/ancestors.js';
import { ratio } from '../score/score-json.js';
import { type ActionStatut, statutLabel } from '../score/statut.js';
import { type Evaluation, statutSource } from './evaluate-dossier.js';
import type { StatutDeclareJson } from './evaluation-document.js';
import { type Niveau, keepsAction } from './niveau.js';

/** The section at a level of detail: the statuts of the nodes the level keeps. */
export function statutsDeclaresAt(ev: Evaluation, niveau: Niveau): Record<string, StatutDeclareJson> {
  return niveau === 'tache' ? statutsDeclares(ev) : statutsDeclares(ev, (id) => keepsAction(ev.referentiel, niveau, id));
}

/** The fractions of a statut as the section writes them; null unless concerné and détaillé or renseigné. */
export function avancementJson(s: ActionStatut): StatutDeclareJson['avancement'] {
  const a = s.concerne ? s.avancement : null;
  return a ? { fait: ratio(a.fait), programme: ratio(a.programme), pasFait: ratio(a.pasFait) } : null;
}

/** `keep` limits the section to some nodes (a level of detail) without computing the others. */
export function statutsDeclares(ev: Evaluation, keep: (id: string) => boolean = () => true): Record<string, StatutDeclareJson> {
  const out: Record<string, StatutDeclareJson> = {};
  for (const node of ev.referentiel.actions.values()) {
    if (!keep(node.id)) continue;
    const porteur = porteurDuStatut(ev, node.id);
    if (porteur === null) continue;
    const s = ev.statuts.get(porteur)!;
    out[node.id] = {
      statut: statutLabel(s)!,
      source: porteur === node.id ? (statutSource(ev, node.id) ?? 'dossier') : 'parent',
      porteur,
      avancement: avancementJson(s),
    };
  }
  return out;
}

/** The node itself when it has a statut, else the nearest ancestor whose renseigné statut covers it. */
function porteurDuStatut(ev: Evaluation, id: string): string | null {
  if (ev.statuts.has(id)) return id;
  for (const a of selfAndAncestors(ev.referentiel, id)) {
    if (a === id) continue;
    const s = ev.statuts.get(a);
    if (s && (s.avancement || !s.concerne)) return a;
  }
  return null;
}
