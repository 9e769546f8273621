/**
 * The points each action received (> 0) or gave away (< 0) through redistribution, by action id,
 * read from the engine's column when asked: most callers look up a few actions, if any.
 * Only non-zero entries exist; iteration follows the tree's depth-first order.
 */
import type { Rational } from '../exact/rational.js';
import type { ExactColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { MapView } from './map-view.js';

export class RedistributionTable extends MapView<Rational> {
  constructor(
    private readonly tree: FlatTree,
    private readonly column: ExactColumn,
  ) {
    super();
  }

  get size(): number {
    let k = 0;
    for (let i = 0; i < this.tree.nodes.length; i++) if (this.column.sign(i) !== 0) k++;
    return k;
  }

  get(id: string): Rational | undefined {
    const i = this.tree.indexById.get(id);
    return i === undefined || this.column.sign(i) === 0 ? undefined : this.column.at(i);
  }

  has(id: string): boolean {
    const i = this.tree.indexById.get(id);
    return i !== undefined && this.column.sign(i) !== 0;
  }

  *entries(): MapIterator<[string, Rational]> {
    for (let i = 0; i < this.tree.nodes.length; i++) if (this.column.sign(i) !== 0) yield [this.tree.nodes[i]!.id, this.column.at(i)];
  }
}
