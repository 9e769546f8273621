/**
 * The statuts of one dossier by flat-tree node (score/flat-tree.ts), as the engine's passes read
 * them: one byte per node says which statut it has, and only détaillé statuts keep an object.
 * Scoring a batch of dossiers walks 1.5 kB of bytes per dossier instead of an array of objects.
 */
import { type ActionStatut, STATUT_SIMPLE, type StatutSimple, TRIPLE_FAIT, TRIPLE_PAS_FAIT, TRIPLE_PROGRAMME, type Triple, tripleDenominator } from './statut.js';
import { lcmUnits } from './unit-space.js';

export const AUCUN = 0;
export const FAIT = 1;
export const PROGRAMME = 2;
export const PAS_FAIT = 3;
export const NON_CONCERNE = 4;
export const NON_RENSEIGNE = 5;
/** Any other avancement triple (a détaillé statut): kept as an object. */
export const DETAILLE = 6;

export type StatutCode = typeof AUCUN | typeof FAIT | typeof PROGRAMME | typeof PAS_FAIT | typeof NON_CONCERNE | typeof NON_RENSEIGNE | typeof DETAILLE;

/** The code of a statut; shared triples are recognised by identity, any other is détaillé. */
export function statutCode(s: ActionStatut): StatutCode {
  if (!s.concerne) return NON_CONCERNE;
  const a = s.avancement;
  if (a === null) return NON_RENSEIGNE;
  if (a === TRIPLE_FAIT) return FAIT;
  if (a === TRIPLE_PROGRAMME) return PROGRAMME;
  if (a === TRIPLE_PAS_FAIT) return PAS_FAIT;
  return DETAILLE;
}

/** The code of a simple statut value, as a dossier writes it. */
export function simpleStatutCode(s: StatutSimple): StatutCode {
  switch (s) {
    case 'fait':
      return FAIT;
    case 'programme':
      return PROGRAMME;
    case 'pas_fait':
      return PAS_FAIT;
    case 'non_concerne':
      return NON_CONCERNE;
    default:
      return NON_RENSEIGNE;
  }
}

/** Codes 1–3 and 5–6: the node is concerné and has a statut. */
export const isConcerneCode = (c: number): boolean => c !== AUCUN && c !== NON_CONCERNE;
/** Codes 1–3 and 6: the node is scored on its own avancement. */
export const hasAvancementCode = (c: number): boolean => c !== AUCUN && c !== NON_CONCERNE && c !== NON_RENSEIGNE;

export class StatutsIndex {
  /** One StatutCode per node. */
  readonly code: Uint8Array;
  private detailles: (ActionStatut | undefined)[] | undefined;
  /** Nodes given a détaillé statut, in the order they were set (a node may appear twice). */
  readonly detailleIndices: number[] = [];
  /** fractionsDenominator(), computed once; a new détaillé statut forgets it. */
  private fractions: number | undefined;

  constructor(readonly size: number) {
    this.code = new Uint8Array(size);
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
    else this.code[i] = c;
  }

  /** Sets a détaillé statut known to be one (dossier input): skips the classification. */
  setDetaille(i: number, s: ActionStatut): void {
    this.code[i] = DETAILLE;
    (this.detailles ??= [])[i] = s;
    this.detailleIndices.push(i);
    this.fractions = undefined;
  }

  get(i: number): ActionStatut | undefined {
    switch (this.code[i]) {
      case FAIT:
        return STATUT_SIMPLE.fait;
      case PROGRAMME:
        return STATUT_SIMPLE.programme;
      case PAS_FAIT:
        return STATUT_SIMPLE.pas_fait;
      case NON_CONCERNE:
        return STATUT_SIMPLE.non_concerne;
      case NON_RENSEIGNE:
        return STATUT_SIMPLE.non_renseigne;
      case DETAILLE:
        return this.detailles![i];
      default:
        return undefined;
    }
  }

  /** The avancement triple node i is scored on, null when it has none. */
  triple(i: number): Triple | null {
    switch (this.code[i]) {
      case FAIT:
        return TRIPLE_FAIT;
      case PROGRAMME:
        return TRIPLE_PROGRAMME;
      case PAS_FAIT:
        return TRIPLE_PAS_FAIT;
      case DETAILLE:
        return this.detailles![i]!.avancement;
      default:
        return null;
    }
  }

  /**
   * lcm of the denominators of every détaillé fraction (0 when one is not a pair of safe
   * integers): a unit of 1/this counts every détaillé share of a tâche exactly.
   */
  fractionsDenominator(): number {
    if (this.fractions === undefined) {
      let L = 1;
      for (const i of this.detailleIndices) if (this.code[i] === DETAILLE) L = lcmUnits(L, tripleDenominator(this.triple(i)!));
      this.fractions = L;
    }
    return this.fractions;
  }

  /** How many nodes have a statut. */
  count(): number {
    let k = 0;
    for (let i = 0; i < this.size; i++) if (this.code[i] !== AUCUN) k++;
    return k;
  }
}
