/**
 * The check of a dossier's statuts against the référentiel written plainly (its keys listed,
 * each resolved by name, each parent's descendants walked): the reference the fast check of
 * check-dossier.ts (codes and nodes recorded by the reading, a flat tree's ranges) is tested against.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Dossier } from '../../src/dossier/dossier-schema.js';
import { resolveActionId } from '../../src/dossier/dossier-inputs.js';
import { jsonPointer } from '../../src/dossier/json-locations.js';
import type { EvaluationContext } from '../../src/evaluation/evaluation-context.js';
import type { ActionNode } from '../../src/referentiel/model.js';

/** The statut diagnostics of `dossier`, in checkDossier's order. */
export function checkStatutsReference(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const { referentiel } = context;
  const statuts: Record<string, unknown> = dossier.statuts ?? {};
  const out: Diagnostic[] = [];
  const keyOf = new Map<string, string>();
  const renseignes: [ActionNode, string, unknown][] = [];
  for (const key of Object.keys(statuts)) {
    const id = resolveActionId(referentiel, key);
    if (id === null) continue;
    const prior = keyOf.get(id);
    if (prior !== undefined) {
      const message = `Statut de ${id} inattendu une seconde fois (« ${key} » après « ${prior} »), attendu une seule clé par action : laquelle retenir ?`;
      out.push({ code: 'statut-en-double', severity: 'error', message, pointer: jsonPointer(['statuts', key]) });
      continue;
    }
    keyOf.set(id, key);
    const node = referentiel.actions.get(id)!;
    const value = statuts[key];
    const renseigne = typeof value === 'object' || value === 'fait' || value === 'programme' || value === 'pas_fait';
    if (node.children.length > 0 && renseigne) renseignes.push([node, key, value]);
  }
  for (const [node, key, value] of renseignes) {
    const below: string[] = [];
    const stack = [...node.children];
    while (stack.length > 0) {
      const n = stack.pop()!;
      const k = keyOf.get(n.id);
      if (k !== undefined) below.push(k);
      stack.push(...n.children);
    }
    if (below.length === 0) continue;
    below.sort();
    const shown = below.slice(0, 3).map((k) => `« ${k} »`).join(', ') + (below.length > 3 ? ` et ${below.length - 3} autre(s)` : '');
    const statut = typeof value === 'string' ? value : 'détaillé';
    const message = `Statut « ${statut} » de ${key} retenu pour toute l'action : les statuts de ses descendants ${shown} ne sont pas lus`;
    out.push({ code: 'statut-parent-ecrase-enfants', severity: 'warning', message, pointer: jsonPointer(['statuts', key]) });
  }
  return out;
}
