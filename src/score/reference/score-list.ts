/**
 * The reference engine's scores as a ScoreTable: a plain array of ActionScore objects in
 * depth-first order, root first (the same numbering as the fast path's table).
 */
import type { Rational } from '../../exact/rational.js';
import type { ActionScore } from '../action-score.js';
import { MapView } from '../map-view.js';
import { ratioOf } from '../ratios.js';
import type { ScoreTable } from '../score-table.js';

export class ScoreList extends MapView<ActionScore> implements ScoreTable {
  private readonly index = new Map<string, number>();

  constructor(private readonly list: readonly ActionScore[]) {
    super();
    list.forEach((s, i) => this.index.set(s.actionId, i));
  }

  get size(): number {
    return this.list.length;
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
  get(id: string): ActionScore | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.list[i];
  }
  at(i: number): ActionScore {
    return this.list[i]!;
  }
  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }
  isDesactive(i: number): boolean {
    return this.list[i]!.desactive;
  }
  isConcerne(i: number): boolean {
    return this.list[i]!.concerne;
  }
  ratiosFaitProgramme(i: number): { fait: Rational; programme: Rational } {
    const s = this.list[i]!;
    return {
      fait: ratioOf(s.pointFait, s.pointPotentiel, s.faitTachesAvancement, s.totalTachesCount),
      programme: ratioOf(s.pointProgramme, s.pointPotentiel, s.programmeTachesAvancement, s.totalTachesCount),
    };
  }
  *entries(): MapIterator<[string, ActionScore]> {
    for (const s of this.list) yield [s.actionId, s];
  }
}
