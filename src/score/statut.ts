/**
 * A statut as the engine sees it (scoring.md §3): an avancement triple, or null when the node is
 * concerné but not filled in, plus the `concerne` flag. "Non concerné" is not an avancement.
 */
import { Rational } from '../exact/rational.js';
import { isSafeUnits, lcmUnits } from './unit-space.js';

/** Fractions fait / programmé / pas fait, summing to exactly 1. */
export interface Triple {
  fait: Rational;
  programme: Rational;
  pasFait: Rational;
}

export interface ActionStatut {
  /** null: concerné and present, but without progress (an explicit `non_renseigne`). */
  avancement: Triple | null;
  concerne: boolean;
}

/** The statut values a dossier may declare, besides a détaillé triple. */
export const STATUTS_SIMPLES = ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne'] as const;
export type StatutSimple = (typeof STATUTS_SIMPLES)[number];

const ZERO = Rational.ZERO;
const ONE = Rational.ONE;
export const TRIPLE_FAIT: Triple = Object.freeze({ fait: ONE, programme: ZERO, pasFait: ZERO });
export const TRIPLE_PROGRAMME: Triple = Object.freeze({ fait: ZERO, programme: ONE, pasFait: ZERO });
export const TRIPLE_PAS_FAIT: Triple = Object.freeze({ fait: ZERO, programme: ZERO, pasFait: ONE });

/** The shared, frozen statut of each simple value. */
export const STATUT_SIMPLE: Readonly<Record<StatutSimple, ActionStatut>> = Object.freeze({
  fait: Object.freeze({ avancement: TRIPLE_FAIT, concerne: true }),
  programme: Object.freeze({ avancement: TRIPLE_PROGRAMME, concerne: true }),
  pas_fait: Object.freeze({ avancement: TRIPLE_PAS_FAIT, concerne: true }),
  non_concerne: Object.freeze({ avancement: null, concerne: false }),
  non_renseigne: Object.freeze({ avancement: null, concerne: true }),
});

/** The (shared, frozen) statut of a simple value: dossiers repeat them by the thousand. */
export function statutFromSimple(s: StatutSimple): ActionStatut {
  return STATUT_SIMPLE[s];
}

/** The statut word a triple amounts to (`detaille` when it is not one of the three pure ones). */
export function statutLabel(s: ActionStatut | undefined): StatutSimple | 'detaille' | null {
  if (!s) return null;
  if (!s.concerne) return 'non_concerne';
  const a = s.avancement;
  if (!a) return 'non_renseigne';
  if (a.fait.equals(ONE)) return 'fait';
  if (a.programme.equals(ONE)) return 'programme';
  if (a.pasFait.equals(ONE)) return 'pas_fait';
  return 'detaille';
}

const detailleCache = new Map<number, Map<number, Map<number, ActionStatut>>>();
let detailleCacheSize = 0;

let last: { fait: number; programme: number; pasFait: number; statut: ActionStatut } | null = null;

/**
 * The (frozen) statut of a détaillé avancement given as decimal fractions (0.5, 0.25…), shared
 * between dossiers: they repeat the same few, and the engine then meets the same triple objects.
 */
export function statutDetaille(fait: number, programme: number, pasFait: number): ActionStatut {
  // Dossiers tend to repeat one détaillé value: compare with the last one before any lookup.
  if (last !== null && last.fait === fait && last.programme === programme && last.pasFait === pasFait) return last.statut;
  const statut = detailleCache.get(fait)?.get(programme)?.get(pasFait) ?? newStatutDetaille(fait, programme, pasFait);
  last = { fait, programme, pasFait, statut };
  return statut;
}

function newStatutDetaille(fait: number, programme: number, pasFait: number): ActionStatut {
  const s: ActionStatut = Object.freeze({
    avancement: Object.freeze({ fait: Rational.fromNumber(fait), programme: Rational.fromNumber(programme), pasFait: Rational.fromNumber(pasFait) }),
    concerne: true,
  });
  if (detailleCacheSize < 4096) {
    let a = detailleCache.get(fait);
    if (!a) detailleCache.set(fait, (a = new Map()));
    let b = a.get(programme);
    if (!b) a.set(programme, (b = new Map()));
    b.set(pasFait, s);
    detailleCacheSize++;
  }
  return s;
}

const tripleDenominators = new WeakMap<Triple, number>();

/**
 * lcm of a triple's three denominators, 0 when a value is not a pair of safe integers; cached per
 * triple (dossiers share them, see statutDetaille).
 */
export function tripleDenominator(t: Triple): number {
  let L = tripleDenominators.get(t);
  if (L === undefined) {
    L = 1;
    for (const f of [t.fait, t.programme, t.pasFait]) L = isSafeUnits(f.safeNumerator) ? lcmUnits(L, f.safeDenominator) : 0;
    tripleDenominators.set(t, L);
  }
  return L;
}
