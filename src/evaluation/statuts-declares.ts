/**
 * The `statuts` section of the evaluation document: for every node that has a declared statut,
 * the statut, where it came from (the dossier, an evidence rule, or an ancestor carrying it for
 * its whole subtree) and the fractions of a détaillé statut. Kept apart from `scores`, whose
 * serialisation is fixed.
 */
import { selfAndAncestors } from '../referentiel/ancestors.js';
import { ratio } from '../score/score-json.js';
import { statutLabel } from '../score/statut.js';
import { type Evaluation, statutSource } from './evaluate-dossier.js';
import type { StatutDeclareJson } from './evaluation-document.js';

/** `keep` limits the section to some nodes (a level of detail) without computing the others. */
export function statutsDeclares(ev: Evaluation, keep: (id: string) => boolean = () => true): Record<string, StatutDeclareJson> {
  const out: Record<string, StatutDeclareJson> = {};
  for (const node of ev.referentiel.actions.values()) {
    if (!keep(node.id)) continue;
    const porteur = porteurDuStatut(ev, node.id);
    if (porteur === null) continue;
    const s = ev.statuts.get(porteur)!;
    const a = s.concerne ? s.avancement : null;
    out[node.id] = {
      statut: statutLabel(s)!,
      source: porteur === node.id ? (statutSource(ev, node.id) ?? 'dossier') : 'parent',
      porteur,
      avancement: a ? { fait: ratio(a.fait), programme: ratio(a.programme), pasFait: ratio(a.pasFait) } : null,
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
