/**
 * Step 5 (scoring.md §4, §10.5): points and tâche counts bottom-up, from statuts and children.
 * A node is scored from its own statut when it is a leaf, when its statut is renseigné, or when it
 * is non concerné; otherwise from its children. Children keep their own scores either way.
 */
import { Rational } from '../exact/rational.js';
import type { FlatTree } from './flat-tree.js';
import type { Potentiels } from './potentiels.js';
import type { ActionStatut } from './statut.js';

export interface Avancement {
  fait: Rational[];
  programme: Rational[];
  pasFait: Rational[];
  nonRenseigne: Rational[];
  totalTaches: Int32Array;
  completedTaches: Int32Array;
  faitTaches: Rational[];
  programmeTaches: Rational[];
  pasFaitTaches: Rational[];
  pasConcerneTaches: Int32Array;
  /** 1 when the node's numbers come from its own renseigné statut. */
  fromOwnStatut: Uint8Array;
}

/** x × fraction, without work for the 0 and 1 of the simple statuts (most of them). */
function times(x: Rational, fraction: Rational): Rational {
  if (fraction.isZero()) return Rational.ZERO;
  return fraction.equals(Rational.ONE) ? x : x.mul(fraction);
}

export function computeAvancement(
  tree: FlatTree,
  statuts: ReadonlyMap<number, ActionStatut>,
  pot: Potentiels,
): Avancement {
  const { nodes, children, postOrder, leafCount } = tree;
  const n = nodes.length;
  const Z = Rational.ZERO;
  const fait: Rational[] = new Array(n);
  const programme: Rational[] = new Array(n);
  const pasFait: Rational[] = new Array(n);
  const nonRenseigne: Rational[] = new Array(n);
  const faitTaches: Rational[] = new Array(n);
  const programmeTaches: Rational[] = new Array(n);
  const pasFaitTaches: Rational[] = new Array(n);
  const totalTaches = new Int32Array(n);
  const completedTaches = new Int32Array(n);
  const pasConcerneTaches = new Int32Array(n);
  const fromOwnStatut = new Uint8Array(n);

  for (let k = 0; k < n; k++) {
    const i = postOrder[k]!;
    const leaves = leafCount[i]!;
    const p = pot.potentiel[i]!;
    const cs = children[i]!;
    const triple = statuts.get(i)?.avancement ?? null;
    totalTaches[i] = leaves;
    if (pot.nonConcerne[i]) {
      fait[i] = programme[i] = pasFait[i] = nonRenseigne[i] = Z;
      faitTaches[i] = programmeTaches[i] = pasFaitTaches[i] = Z;
      completedTaches[i] = leaves;
      pasConcerneTaches[i] = leaves;
    } else if (triple) {
      fromOwnStatut[i] = 1;
      fait[i] = times(p, triple.fait);
      programme[i] = times(p, triple.programme);
      pasFait[i] = times(p, triple.pasFait);
      nonRenseigne[i] = Z;
      completedTaches[i] = leaves;
      const n = Rational.integer(leaves);
      faitTaches[i] = times(n, triple.fait);
      programmeTaches[i] = times(n, triple.programme);
      pasFaitTaches[i] = times(n, triple.pasFait);
    } else if (cs.length === 0) {
      fait[i] = programme[i] = pasFait[i] = Z;
      nonRenseigne[i] = p;
      faitTaches[i] = programmeTaches[i] = pasFaitTaches[i] = Z;
    } else {
      const f = Rational.sumAt(fait, cs);
      const pr = Rational.sumAt(programme, cs);
      const pf = Rational.sumAt(pasFait, cs);
      let nr = Rational.sumAt(nonRenseigne, cs);
      const ft = Rational.sumAt(faitTaches, cs);
      const pt = Rational.sumAt(programmeTaches, cs);
      const pft = Rational.sumAt(pasFaitTaches, cs);
      let done = 0;
      let nc = 0;
      for (const c of cs) {
        done += completedTaches[c]!;
        nc += pasConcerneTaches[c]!;
      }
      // A concerné `non_renseigne` node whose children are all non concernés keeps its own
      // potentiel (potentiels.ts): those points are non renseignés.
      if (statuts.has(i) && nr.isZero() && f.isZero() && pr.isZero() && pf.isZero()) nr = p;
      fait[i] = f;
      programme[i] = pr;
      pasFait[i] = pf;
      nonRenseigne[i] = nr;
      faitTaches[i] = ft;
      programmeTaches[i] = pt;
      pasFaitTaches[i] = pft;
      completedTaches[i] = done;
      pasConcerneTaches[i] = nc;
    }
  }
  return {
    fait,
    programme,
    pasFait,
    nonRenseigne,
    totalTaches,
    completedTaches,
    faitTaches,
    programmeTaches,
    pasFaitTaches,
    pasConcerneTaches,
    fromOwnStatut,
  };
}
