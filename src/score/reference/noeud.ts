/**
 * The reference engine's working tree: one record per action, filled in by the steps of
 * scoring.md §6.6 in order, each step reading only what the steps before it wrote. Plain objects
 * and Rationals, no index arithmetic: this is the implementation to read, not the fast one.
 */
import { Rational } from '../../exact/rational.js';
import type { ActionNode } from '../../referentiel/model.js';
import type { Consequence } from '../consequences.js';
import type { ActionStatut, Triple } from '../statut.js';

export interface Noeud {
  action: ActionNode;
  parent: Noeud | null;
  enfants: Noeud[];
  /** The statut the dossier declares on this action, if any. */
  statut: ActionStatut | undefined;
  consequence: Consequence | undefined;
  // Step 2: reduction factors.
  /** Référentiel points × the factors of the node and of its ancestors. */
  perso: Rational;
  /** The node's own rule gives a factor. */
  aFacteur: boolean;
  // Steps 3–4: désactivés and non concernés.
  desactive: boolean;
  nonConcerne: boolean;
  // Step 5: potentiels.
  potentiel: Rational;
  /** Points received (> 0) or given away (< 0) by redistribution. */
  redistribution: Rational;
  // Step 6: avancement, from the node's own statut or from its children.
  fait: Rational;
  programme: Rational;
  pasFait: Rational;
  nonRenseigne: Rational;
  faitTaches: Rational;
  programmeTaches: Rational;
  pasFaitTaches: Rational;
  totalTaches: number;
  completedTaches: number;
  pasConcerneTaches: number;
  /** Step 6 took the node's numbers from its own renseigné statut. */
  surSonStatut: boolean;
}

/** The avancement triple a statut scores with: none when not filled in or non concerné. */
export function tripleOf(statut: ActionStatut | undefined): Triple | null {
  return statut !== undefined && statut.concerne ? statut.avancement : null;
}

/** Builds the working tree from the référentiel, attaching each node's statut and consequence. */
export function construireArbre(
  action: ActionNode,
  parent: Noeud | null,
  statuts: ReadonlyMap<string, ActionStatut>,
  consequences: ReadonlyMap<string, Consequence>,
): Noeud {
  const Z = Rational.ZERO;
  const noeud: Noeud = {
    action,
    parent,
    enfants: [],
    statut: statuts.get(action.id),
    consequence: consequences.get(action.id),
    perso: action.points,
    aFacteur: false,
    desactive: false,
    nonConcerne: false,
    potentiel: Z,
    redistribution: Z,
    fait: Z,
    programme: Z,
    pasFait: Z,
    nonRenseigne: Z,
    faitTaches: Z,
    programmeTaches: Z,
    pasFaitTaches: Z,
    totalTaches: 0,
    completedTaches: 0,
    pasConcerneTaches: 0,
    surSonStatut: false,
  };
  noeud.enfants = action.children.map((c) => construireArbre(c, noeud, statuts, consequences));
  return noeud;
}

/** Every node, depth-first, root first (the référentiel's order). */
export function parcours(racine: Noeud): Noeud[] {
  const out: Noeud[] = [];
  const visit = (n: Noeud): void => {
    out.push(n);
    n.enfants.forEach(visit);
  };
  visit(racine);
  return out;
}
