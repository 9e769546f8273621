/**
 * A dossier's statuts by action id (`cae_6.1.1.3.5`), as callers read them, over the engine's
 * StatutsIndex: no map of hundreds of entries is built per dossier. Ids outside the scored tree
 * (normally none) are kept on the side. Iteration follows the tree's depth-first order.
 */
import type { FlatTree } from './flat-tree.js';
import { MapView } from './map-view.js';
import type { ActionStatut } from './statut.js';
import { AUCUN, type StatutsIndex } from './statuts-index.js';

export class StatutsById extends MapView<ActionStatut> {
  constructor(
    private readonly tree: FlatTree,
    readonly index: StatutsIndex,
    /** Statuts of actions absent from the scored tree. */
    readonly horsArbre: Map<string, ActionStatut> = new Map(),
  ) {
    super();
  }

  get size(): number {
    return this.index.count() + this.horsArbre.size;
  }

  get(id: string): ActionStatut | undefined {
    const i = this.tree.indexById.get(id);
    return i === undefined ? this.horsArbre.get(id) : this.index.get(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, s: ActionStatut): this {
    const i = this.tree.indexById.get(id);
    if (i === undefined) this.horsArbre.set(id, s);
    else this.index.set(i, s);
    return this;
  }

  *entries(): MapIterator<[string, ActionStatut]> {
    const { code } = this.index;
    for (let i = 0; i < code.length; i++) if (code[i] !== AUCUN) yield [this.tree.nodes[i]!.id, this.index.get(i)!];
    yield* this.horsArbre.entries();
  }
}
