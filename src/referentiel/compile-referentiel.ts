/** In-memory référentiel → `label-cae/referentiel@1` JSON document (a flat, depth-first list). */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { ActionNode, Referentiel } from './model.js';
import type { CompiledAction, CompiledReferentiel } from './compiled-schema.js';
import { REFERENTIEL_FORMAT } from './format.js';

/**
 * A parsed référentiel → its serialisable form `label-cae/referentiel@1` (exact points as fractions,
 * positions kept), which `loadReferentiel` reads back. Pure, never throws.
 *
 * @example
 * const json = JSON.stringify(compileReferentiel(referentiel));
 */
export function compileReferentiel(ref: Referentiel): CompiledReferentiel {
  const actions: CompiledAction[] = [];
  const visit = (n: ActionNode): void => {
    actions.push(compileAction(n));
    for (const c of n.children) visit(c);
  };
  visit(ref.root);
  return {
    format: REFERENTIEL_FORMAT,
    referentiel: {
      id: ref.id,
      nom: ref.nom,
      hierarchie: [...ref.hierarchie.levels],
      actionLevel: ref.hierarchie.actionLevel,
      points: ref.root.points.toNumber(),
      pointsExact: ref.root.points.toFraction(),
      ...(ref.options ? { options: { ...ref.options } } : {}),
    },
    actions,
  };
}

function compileAction(n: ActionNode): CompiledAction {
  const a: CompiledAction = {
    id: n.id,
    identifiant: n.identifiant,
    parent: n.parentId,
    type: n.type,
    depth: n.depth,
    nom: n.nom,
    points: n.points.toNumber(),
    pointsExact: n.points.toFraction(),
    pointsSource: n.pointsSource?.toFraction() ?? null,
    pourcentage: n.pourcentage?.toNumber() ?? null,
    pourcentageExact: n.pourcentage?.toFraction() ?? null,
    categorie: n.categorie,
    categorieSource: n.categorieSource,
    climatPraticId: n.climatPraticId,
    sections: { ...n.sections },
    extra: { ...n.extra },
    position: { ...n.position },
    keyPositions: copyPositions(n.keyPositions),
  };
  if (n.scoreIndicatif) a.scoreIndicatif = { formule: n.scoreIndicatif.formule, position: { ...n.scoreIndicatif.position } };
  return a;
}

function copyPositions(positions: Record<string, SourcePosition>): Record<string, SourcePosition> {
  const copy: Record<string, SourcePosition> = {};
  for (const k of Object.keys(positions)) copy[k] = { ...positions[k]! };
  return copy;
}
