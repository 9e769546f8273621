/**
 * The statuts of one dossier by flat-tree node (score/flat-tree.ts), as the engine's passes read
 * them: one byte per node says which statut it has (the codes of score/statut-codes.ts), and only
 * détaillé statuts keep an object. Scoring a batch of dossiers walks 1.5 kB of bytes per dossier
 * instead of an array of objects. Codes are written through the methods only.
 */
import { type ActionStatut, type StatutSimple, type Triple, tripleDenominator } from './statut.js';
import { AUCUN, DETAILLE, simpleCode, statutCode, statutDuCode, tripleDuCode } from './statut-codes.js';
import { lcmUnits } from './unit-space.js';

export { AUCUN, DETAILLE, FAIT, NON_CONCERNE, NON_RENSEIGNE, PAS_FAIT, PROGRAMME, type StatutCode, hasAvancementCode, isConcerneCode, statutCode } from './statut-codes.js';

export class StatutsIndex {
  private readonly codes: Uint8Array;
  private detailles: (ActionStatut | undefined)[] | undefined;
  /** Nodes given a détaillé statut, in the order they were set (a node may appear twice). */
  private readonly detailleIndices: number[] = [];
  /** fractionsDenominator(), computed once; a new détaillé statut forgets it. */
  private fractions: number | undefined;

  constructor(readonly size: number) {
    this.codes = new Uint8Array(size);
  }

  /** One code per node, read only: passes scan it (indexOf, loops) without a call per node. */
  get code(): Readonly<Uint8Array> {
    return this.codes;
  }

  static fromArray(statuts: readonly (ActionStatut | undefined)[]): StatutsIndex {
    const index = new StatutsIndex(statuts.length);
    for (let i = 0; i < statuts.length; i++) {
      const s = statuts[i];
      if (s !== undefined) index.set(i, s);
    }
    return index;
  }

  set(i: number, s: ActionStatut): void {
    const c = statutCode(s);
    if (c === DETAILLE) this.setDetaille(i, s);
    else this.codes[i] = c;
  }

  /** Sets a simple statut value as a dossier writes it (`fait`…): one byte, no object. */
  setSimple(i: number, s: StatutSimple): void {
    this.codes[i] = simpleCode(s);
  }

  /** Sets the code of a simple statut (FAIT … NON_RENSEIGNE), as a dossier's reading found it. */
  setCode(i: number, code: number): void {
    this.codes[i] = code;
  }

  /** Sets a détaillé statut known to be one (dossier input): skips the classification. */
  setDetaille(i: number, s: ActionStatut): void {
    this.codes[i] = DETAILLE;
    (this.detailles ??= [])[i] = s;
    this.detailleIndices.push(i);
    this.fractions = undefined;
  }

  get(i: number): ActionStatut | undefined {
    const c = this.codes[i]!;
    return c === DETAILLE ? this.detailles![i] : statutDuCode(c);
  }

  /** The avancement triple node i is scored on, null when it has none. */
  triple(i: number): Triple | null {
    const c = this.codes[i]!;
    return c === DETAILLE ? this.detailles![i]!.avancement : tripleDuCode(c);
  }

  /** The nodes whose statut is détaillé now. */
  *detailleNodes(): Generator<number> {
    for (const i of this.detailleIndices) if (this.codes[i] === DETAILLE) yield i;
  }

  /**
   * lcm of the denominators of every détaillé fraction (0 when one is not a pair of safe
   * integers): a unit of 1/this counts every détaillé share of a tâche exactly.
   */
  fractionsDenominator(): number {
    if (this.fractions === undefined) {
      let L = 1;
      for (const i of this.detailleNodes()) L = lcmUnits(L, tripleDenominator(this.triple(i)!));
      this.fractions = L;
    }
    return this.fractions;
  }

  /** How many nodes have a statut. */
  count(): number {
    let k = 0;
    for (let i = 0; i < this.size; i++) if (this.codes[i] !== AUCUN) k++;
    return k;
  }
}
