/**
 * The scores of every action, as a read-only map built lazily from the engine's flat arrays: a
 * caller that reads the root and a few criteria does not pay for 1,471 objects. Iteration follows
 * the référentiel's depth-first order, root first; every object is built once and kept.
 */
import { Rational } from '../exact/rational.js';
import type { ActionScore } from './action-score.js';
import type { Avancement } from './avancement.js';
import { type ExactColumn, UnitColumn } from './exact-column.js';
import type { FlatTree } from './flat-tree.js';
import { MapView } from './map-view.js';
import type { Potentiels } from './potentiels.js';
import { ratioOf } from './ratios.js';
import type { StatutsIndex } from './statuts-index.js';

/**
 * The engine's columns behind a ScoreTable, read-only: what a serialiser of many nodes reads
 * instead of building an ActionScore per node (evaluation/serialize-scores.ts).
 */
export interface ScoreColumns {
  readonly totalTaches: Int32Array;
  /** Reduction factor applied on node i: its pointPotentielPerso is `perso.at(i)`, else null. */
  readonly hasFacteur: Uint8Array;
  readonly potentiel: ExactColumn;
  readonly perso: ExactColumn;
  readonly fait: ExactColumn;
  readonly programme: ExactColumn;
  readonly pasFait: ExactColumn;
  readonly nonRenseigne: ExactColumn;
  readonly faitTaches: ExactColumn;
  readonly programmeTaches: ExactColumn;
  readonly pasFaitTaches: ExactColumn;
  completedTaches(i: number): number;
  pasConcerneTaches(i: number): number;
  isConcerne(i: number): boolean;
  isDesactive(i: number): boolean;
  isRenseigne(i: number): boolean;
}

/** What callers read from a scoring: every action's score, by id or by depth-first index. */
export interface ScoreTable extends ReadonlyMap<string, ActionScore> {
  /** The score of the node at a depth-first index (the root is 0). */
  at(i: number): ActionScore;
  /** Depth-first index of an action, undefined when the table has none. */
  indexOf(id: string): number | undefined;
  isDesactive(i: number): boolean;
  /** `concerne` of node i's ActionScore. */
  isConcerne(i: number): boolean;
  /** The fait and programmé ratios of node i (scoreRatios' fait and programme). */
  ratiosFaitProgramme(i: number): { fait: Rational; programme: Rational };
  /** The fast path's columns (a serialiser reads them); undefined for the reference engine's list. */
  columns?(): ScoreColumns;
}

/** The fast path's table, over its flat columns. */
export class FlatScoreTable extends MapView<ActionScore> implements ScoreTable {
  /** Scores built so far, by node index; allocated on the first read (most callers read a few). */
  private built: (ActionScore | undefined)[] | undefined;

  constructor(
    private readonly tree: FlatTree,
    private readonly statuts: StatutsIndex,
    private readonly pot: Potentiels,
    private readonly av: Avancement,
  ) {
    super();
  }

  get size(): number {
    return this.tree.nodes.length;
  }

  has(id: string): boolean {
    return this.tree.indexById.has(id);
  }

  get(id: string): ActionScore | undefined {
    const i = this.tree.indexById.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  /** The score of the node at a flat-tree index. */
  at(i: number): ActionScore {
    const cached = this.built?.[i];
    if (cached) return cached;
    const { tree, pot, av } = this;
    const concerne = !pot.nonConcerne[i];
    const nonRenseigne: Rational = av.nonRenseigne.at(i);
    const score: ActionScore = {
      actionId: tree.nodes[i]!.id,
      pointReferentiel: tree.points[i]!,
      pointPotentiel: pot.potentiel.at(i),
      pointPotentielPerso: pot.hasFacteur[i] ? pot.perso.at(i) : null,
      pointFait: av.fait.at(i),
      pointProgramme: av.programme.at(i),
      pointPasFait: av.pasFait.at(i),
      pointNonRenseigne: nonRenseigne,
      concerne,
      desactive: pot.desactive[i] === 1,
      renseigne: this.isRenseigne(i),
      totalTachesCount: av.totalTaches[i]!,
      completedTachesCount: av.completedTaches(i),
      faitTachesAvancement: av.faitTaches.at(i),
      programmeTachesAvancement: av.programmeTaches.at(i),
      pasFaitTachesAvancement: av.pasFaitTaches.at(i),
      pasConcerneTachesAvancement: av.pasConcerneTaches(i),
    };
    (this.built ??= new Array(this.tree.nodes.length))[i] = score;
    return score;
  }

  /**
   * TeT HEAD: a leaf is renseigné when it has a statut with progress (or is non concerné); a
   * parent when it is non concerné or has no non-renseigné points.
   */
  isRenseigne(i: number): boolean {
    const concerne = !this.pot.nonConcerne[i];
    if (this.tree.children[i]!.length === 0) return this.statuts.triple(i) !== null || !concerne;
    return !(concerne && this.av.nonRenseigne.sign(i) > 0);
  }

  /** The columns the scores are read from (see ScoreColumns). */
  columns(): ScoreColumns {
    const { tree, pot, av } = this;
    return {
      totalTaches: av.totalTaches,
      hasFacteur: pot.hasFacteur,
      potentiel: pot.potentiel,
      perso: pot.perso,
      fait: av.fait,
      programme: av.programme,
      pasFait: av.pasFait,
      nonRenseigne: av.nonRenseigne,
      faitTaches: av.faitTaches,
      programmeTaches: av.programmeTaches,
      pasFaitTaches: av.pasFaitTaches,
      completedTaches: (i) => av.completedTaches(i),
      pasConcerneTaches: (i) => av.pasConcerneTaches(i),
      isConcerne: (i) => this.isConcerne(i),
      isDesactive: (i) => this.isDesactive(i),
      isRenseigne: (i) => this.isRenseigne(i),
    };
  }

  /** Flat-tree index of an action, undefined when the table has none. */
  indexOf(id: string): number | undefined {
    return this.tree.indexById.get(id);
  }

  isDesactive(i: number): boolean {
    return this.pot.desactive[i] === 1;
  }

  /** `concerne` of node i's ActionScore, without building it. */
  isConcerne(i: number): boolean {
    return !this.pot.nonConcerne[i];
  }

  /**
   * The fait and programmé ratios of node i (scoreRatios' fait and programme), read from the
   * columns without building its ActionScore: étoile criteria judge a few dozen actions per dossier.
   */
  ratiosFaitProgramme(i: number): { fait: Rational; programme: Rational } {
    const { pot, av } = this;
    const potentiel = pot.potentiel;
    const fait = av.fait;
    const programme = av.programme;
    // Same unit on both sides (the integer path): a ratio is one reduced pair, no Rational arithmetic.
    if (potentiel instanceof UnitColumn && fait instanceof UnitColumn && programme instanceof UnitColumn) {
      const p = potentiel.unitsAt(i);
      const f = fait.unitsAt(i);
      const pr = programme.unitsAt(i);
      if (p > 0 && f === f && pr === pr && potentiel.denominator === fait.denominator && fait.denominator === programme.denominator) {
        return { fait: Rational.of(f, p), programme: Rational.of(pr, p) };
      }
    }
    const p = potentiel.at(i);
    const total = av.totalTaches[i]!;
    return {
      fait: ratioOf(fait.at(i), p, av.faitTaches.at(i), total),
      programme: ratioOf(programme.at(i), p, av.programmeTaches.at(i), total),
    };
  }

  *entries(): MapIterator<[string, ActionScore]> {
    for (let i = 0; i < this.tree.nodes.length; i++) yield [this.tree.nodes[i]!.id, this.at(i)];
  }
  /** Ids straight from the tree, without building the scores. */
  override *keys(): MapIterator<string> {
    for (const node of this.tree.nodes) yield node.id;
  }
}
